import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateFlow, policyContext, tierOfAddress } from './policy.js';
import { preset } from './presets.js';
import { assertValidSpec } from './validate-spec.js';
import { GROUP_ROLES, IANA_PROTOCOL_NUMBERS, type GroupRole, type SecurityGroupDefinition, type SecurityGroupRule } from './security-group-types.js';
import type { FlowDestination, FlowParty, PolicyContext } from './policy-types.js';
import { cidrContains, cidr, parseIpv4, cidrContainsAddress } from './ipv4.js';

const spec = assertValidSpec(preset('production'));
const ctx = policyContext(spec);
const BASTION = spec.bastionSecurityGroupId!;

describe('evaluateFlow on the seed network', () => {
  it('admits EKS nodes to RDS on 5432 by the RDS rule', () => {
    const verdict = evaluateFlow(ctx, { source: { kind: 'group', role: 'eks-nodes' }, destination: { kind: 'group', role: 'rds' }, port: 5432, protocol: 'tcp' });
    expect(verdict.admitted).toBe(true);
    expect(verdict.ingress.rules.map((r) => r.id)).toEqual(['rds/ingress/tcp-5432-from-eks-nodes']);
    expect(verdict.egress.decision).toBe('admitted');
    expect(verdict.egress.rules[0]!.description).toMatch(/VPC CIDR/);
  });

  it('explains a REJECT to RDS from an address that is not a node', () => {
    const verdict = evaluateFlow(ctx, { source: { kind: 'address', address: '10.0.10.50' }, destination: { kind: 'address', address: '10.0.100.20' }, port: 5432, protocol: 6 });
    expect(verdict.admitted).toBe(false);
    expect(verdict.ingress.groups).toEqual(['rds']);
    expect(verdict.summary).toContain('the rds group admits tcp 5432 only from peers in the eks-nodes group');
    expect(verdict.summary).toContain('10.0.10.50 is not in the eks-nodes group');
  });

  it('admits the same address once its interface is known to be a node', () => {
    const verdict = evaluateFlow(ctx, { source: { kind: 'address', address: '10.0.10.50', groups: [{ role: 'eks-nodes' }] }, destination: { kind: 'address', address: '10.0.100.20' }, port: 5432, protocol: 'tcp' });
    expect(verdict.admitted).toBe(true);
  });

  it('names the missing rule when no rule covers the port', () => {
    const verdict = evaluateFlow(ctx, { source: { kind: 'group', role: 'eks-nodes' }, destination: { kind: 'group', role: 'rds' }, port: 3306, protocol: 'tcp' });
    expect(verdict.admitted).toBe(false);
    expect(verdict.ingress.reason).toBe('the rds group has no ingress rule for tcp 3306');
  });

  it('lets the bastion reach the EKS API through the additional groups, and the ALBs on 443', () => {
    const bastion: FlowParty = { kind: 'external-group', groupId: BASTION };
    for (const role of ['eks-cluster', 'alb-internal', 'alb-frontend'] as const) {
      const verdict = evaluateFlow(ctx, { source: bastion, destination: { kind: 'group', role }, port: 443, protocol: 'tcp' });
      expect(verdict.admitted, role).toBe(true);
      expect(verdict.egress.decision).toBe('outside-catalog');
    }
  });

  it('routes nothing to the internet', () => {
    const verdict = evaluateFlow(ctx, { source: { kind: 'group', role: 'eks-cluster' }, destination: { kind: 'address', address: '93.184.216.34' }, port: 443, protocol: 'tcp' });
    expect(verdict.route.decision).toBe('no-route');
    expect(verdict.admitted).toBe(false);
    expect(verdict.route.reason).toContain('private route table holds only the local route and the S3 gateway prefix list');
  });

  it('keeps the database route table local-only', () => {
    const verdict = evaluateFlow(ctx, { source: { kind: 'tier', tier: 'database' }, destination: { kind: 'address', address: '1.1.1.1' }, port: 443, protocol: 'tcp' });
    expect(verdict.route.reason).toContain('the database route table holds only the local route,');
  });

  it('lets tiers reach each other through the local route', () => {
    const verdict = evaluateFlow(ctx, { source: { kind: 'tier', tier: 'private' }, destination: { kind: 'tier', tier: 'database' }, port: 5432, protocol: 'tcp' });
    expect(verdict.route.decision).toBe('local');
    // Being in the private subnets is not enough: the RDS group wants the nodes group.
    expect(verdict.admitted).toBe(false);
  });

  it('blocks RDS from opening connections (no egress at all)', () => {
    const verdict = evaluateFlow(ctx, { source: { kind: 'group', role: 'rds' }, destination: { kind: 'group', role: 'eks-nodes' }, port: 443, protocol: 'tcp' });
    expect(verdict.egress.decision).toBe('denied');
    expect(verdict.admitted).toBe(false);
  });

  it('maps addresses to tiers', () => {
    expect(tierOfAddress(ctx, '10.0.30.9')).toBe('private');
    expect(tierOfAddress(ctx, '10.0.210.1')).toBe('database');
    expect(tierOfAddress(ctx, '10.0.99.1')).toBeUndefined();
  });
});

// ---- properties ----

const ipv4 = fc.tuple(fc.constantFrom(10, 172, 8), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
const vpcAddress = fc.tuple(fc.constantFrom(10, 30, 100, 200, 210, 50), fc.nat(255)).map(([third, fourth]) => `10.0.${third}.${fourth}`);
const role = fc.constantFrom(...GROUP_ROLES);
const party: fc.Arbitrary<FlowParty> = fc.oneof(
  fc.record({ kind: fc.constant('address' as const), address: fc.oneof(ipv4, vpcAddress) }),
  fc.record({ kind: fc.constant('address' as const), address: vpcAddress, groups: fc.array(role.map((r) => ({ role: r })), { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('tier' as const), tier: fc.constantFrom('private' as const, 'database' as const) }),
  fc.record({ kind: fc.constant('group' as const), role }),
  fc.record({ kind: fc.constant('external-group' as const), groupId: fc.constantFrom(BASTION, 'sg-00000000000000001') }),
);
const destination = party.filter((p): p is FlowDestination => p.kind !== 'external-group');
const protocol = fc.constantFrom<'tcp' | 'udp' | 'icmp' | number>('tcp', 'udp', 'icmp', 6, 17, 47);
const port = fc.oneof(fc.constantFrom(80, 443, 5432, 10250, 2379, 12379, 30080), fc.nat(65535));
const query = fc.record({ source: party, destination, port, protocol });

/** An arbitrary rule that adding to the catalog cannot take an admission away. */
const extraRule = (group: GroupRole): fc.Arbitrary<SecurityGroupRule> =>
  fc.record({
    id: fc.string().map((s) => `extra/${s}`),
    group: fc.constant(group),
    direction: fc.constantFrom('ingress' as const, 'egress' as const),
    protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'all' as const),
    fromPort: fc.nat(65535),
    toPort: fc.constant(65535),
    peer: fc.oneof(fc.constant({ kind: 'self' as const }), fc.constant({ kind: 'cidr' as const, cidr: '192.168.0.0/16' }), role.map((r) => ({ kind: 'group' as const, role: r }))),
    description: fc.constant('extra'),
  });

function withExtraRules(context: PolicyContext, extras: readonly SecurityGroupRule[]): PolicyContext {
  const groups: SecurityGroupDefinition[] = context.groups.map((g) => ({
    ...g,
    ingress: [...g.ingress, ...extras.filter((r) => r.group === g.role && r.direction === 'ingress')],
    egress: [...g.egress, ...extras.filter((r) => r.group === g.role && r.direction === 'egress')],
  }));
  return { ...context, groups };
}

function ruleAdmits(rule: SecurityGroupRule, protocolValue: number, portValue: number): boolean {
  const protocolOk = rule.protocol === 'all' || IANA_PROTOCOL_NUMBERS[rule.protocol] === protocolValue;
  const portOk = rule.protocol === 'all' || rule.protocol === 'icmp' || (portValue >= rule.fromPort && portValue <= rule.toPort);
  return protocolOk && portOk;
}

describe('evaluateFlow properties', () => {
  it('adding unrelated rules never removes an admission', () => {
    fc.assert(
      fc.property(query, role.chain((r) => fc.array(extraRule(r), { maxLength: 4 })), (q, extras) => {
        const before = evaluateFlow(ctx, q);
        const after = evaluateFlow(withExtraRules(ctx, extras), q);
        if (before.admitted) expect(after.admitted).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('every admitted flow names rules that match its protocol, port and peers', () => {
    fc.assert(
      fc.property(query, (q) => {
        const verdict = evaluateFlow(ctx, q);
        if (!verdict.admitted) return;
        const protocolValue = typeof q.protocol === 'number' ? q.protocol : IANA_PROTOCOL_NUMBERS[q.protocol];
        expect(verdict.ingress.rules.length).toBeGreaterThan(0);
        for (const rule of [...verdict.ingress.rules, ...verdict.egress.rules]) {
          expect(ruleAdmits(rule, protocolValue, q.port)).toBe(true);
        }
        // A CIDR-peered ingress rule must contain the source's address.
        if (q.source.kind === 'address') {
          const value = parseIpv4(q.source.address)!;
          for (const rule of verdict.ingress.rules) {
            if (rule.peer.kind === 'cidr' || rule.peer.kind === 'vpc-cidr') expect(cidrContainsAddress(cidr(rule.peer.cidr), value)).toBe(true);
          }
        }
        expect(verdict.route.decision).not.toBe('no-route');
      }),
      { numRuns: 3000 },
    );
  });

  it('a denied flow always says why', () => {
    fc.assert(
      fc.property(query, (q) => {
        const verdict = evaluateFlow(ctx, q);
        if (!verdict.admitted) expect(verdict.summary).toMatch(/rejected|blocked|not routed/);
      }),
      { numRuns: 1000 },
    );
  });

  it('an address inside a subnet block is in that tier', () => {
    fc.assert(
      fc.property(vpcAddress, (address) => {
        const tier = tierOfAddress(ctx, address);
        const value = cidr(`${address}/32`);
        const inPrivate = spec.privateSubnetCidrs.some((c) => cidrContains(cidr(c), value));
        expect(tier === 'private').toBe(inPrivate);
      }),
    );
  });
});
