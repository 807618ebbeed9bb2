import { describe, expect, it } from 'vitest';
import { preset } from '../presets.js';
import { validateSpec } from '../validate-spec.js';
import type { NetworkSpec } from '../spec-types.js';
import { evaluateFlow } from './evaluate-flow.js';
import { modelFromSpec, plannedGroupId, PLANNED_S3_PREFIX_LIST_ID } from './model-from-spec.js';
import type { ModelNaclEntry, ModelRoute, NetworkModel } from './model-types.js';
import { resolveEnd } from './resolve-end.js';
import { whoCanReach } from './who-can-reach.js';
import type { FlowEnd } from './verdict-types.js';

// Expected answers are AWS's documented behaviour, cited at each test; the model is the
// production preset as the constructs build it (three private /24s, three database /24s).
const spec: NetworkSpec = validateSpec(preset('production')).spec!;
const model = modelFromSpec(spec, { description: 'preset production' });
const NODES = plannedGroupId('eks-nodes');
const RDS = plannedGroupId('rds');
const end = (text: string): FlowEnd => {
  const r = resolveEnd(model, text);
  if (!r.ok) throw new Error(r.message);
  return r.end;
};
const TCP = 6;
const UDP = 17;

function withDatabaseAcl(m: NetworkModel, entries: readonly ModelNaclEntry[]): NetworkModel {
  const databaseSubnets = m.subnets.filter((s) => s.tier === 'database').map((s) => s.id);
  return { ...m, networkAcls: [...m.networkAcls, { id: 'acl-database', isDefault: false, subnetIds: databaseSubnets, entries }] };
}

function withRoute(m: NetworkModel, tableId: string, route: ModelRoute): NetworkModel {
  return { ...m, routeTables: m.routeTables.map((t) => (t.id === tableId ? { ...t, routes: [...t.routes, route] } : t)) };
}

describe('evaluateFlow: security groups', () => {
  it('admits the nodes to RDS on 5432 by the seed rule "PostgreSQL from application pods"', () => {
    // Seed, RDS Security Group table: 5432 TCP from EKS Nodes SG.
    const v = evaluateFlow(model, { source: end('eks-nodes'), destination: end('rds'), protocol: TCP, port: 5432 });
    expect(v.decision).toBe('admitted');
    expect(v.action).toBe('ACCEPT');
    const ingress = v.hops.find((h) => h.step === 'destination-security-group')!;
    expect(ingress.status).toBe('pass');
    expect(ingress.rule).toContain('PostgreSQL from application pods');
    expect(v.hops.map((h) => h.step)).toEqual([
      'source-security-group',
      'source-nacl-outbound',
      'route',
      'destination-nacl-inbound',
      'destination-security-group',
      'return-nacl-outbound',
      'return-nacl-inbound',
    ]);
  });

  it('blocks a pod whose interface lacks the nodes group, and says to attach it', () => {
    const pod: FlowEnd = { address: '10.0.10.77', groupIds: [plannedGroupId('alb-internal')] };
    const v = evaluateFlow(model, { source: pod, destination: end('rds'), protocol: TCP, port: 5432 });
    expect(v.decision).toBe('blocked');
    expect(v.action).toBe('REJECT');
    expect(v.blocking.map((h) => h.step)).toEqual(['destination-security-group']);
    expect(v.blocking[0]!.fix).toMatch(/attach group eks-nodes/);
  });

  it('lets a reply pass groups without rules: RDS:5432 → node:40982 is not "blocked on the way out"', () => {
    // AWS, "Security group rules" (VPC User Guide): security groups are stateful; responses to
    // allowed inbound traffic are allowed to flow out, regardless of outbound rules. RDS has no egress rule.
    const node = end('eks-nodes');
    const v = evaluateFlow(model, { source: end('rds'), destination: node, protocol: TCP, port: 40982, sourcePort: 5432, direction: 'reply' });
    expect(v.decision).toBe('admitted');
    const asRequest = evaluateFlow(model, { source: end('rds'), destination: node, protocol: TCP, port: 40982 });
    expect(asRequest.decision).toBe('blocked');
    expect(asRequest.blocking.map((h) => h.step)).toContain('source-security-group');
  });

  it('names an unknown interface as unknown, not as denied', () => {
    const v = evaluateFlow(model, { source: end('eks-nodes'), destination: { address: '10.0.100.99' }, protocol: TCP, port: 5432 });
    expect(v.decision).toBe('unknown');
    expect(v.hops.find((h) => h.step === 'destination-security-group')!.status).toBe('unknown');
  });
});

describe('evaluateFlow: S3 through the gateway endpoint', () => {
  // AWS, "Gateway endpoints for Amazon S3": the route table gets a route whose destination is the
  // S3 prefix list; the security groups must allow outbound traffic to S3 (the prefix list).
  it('admits the nodes to S3 on 443: prefix-list egress rule and the gateway route', () => {
    const v = evaluateFlow(model, { source: end('eks-nodes'), destination: end('s3'), protocol: TCP, port: 443 });
    expect(v.decision).toBe('admitted');
    const route = v.hops.find((h) => h.step === 'route')!;
    expect(route.rule).toContain(PLANNED_S3_PREFIX_LIST_ID);
    expect(route.rule).toContain('gateway endpoint');
  });

  it("blocks it with the seed's exact egress (all traffic to the VPC CIDR only)", () => {
    const seedExact: NetworkModel = {
      ...model,
      securityGroups: model.securityGroups.map((g) => (g.id === NODES ? { ...g, egress: g.egress.filter((r) => r.peer.kind !== 'prefix-list') } : g)),
    };
    const v = evaluateFlow(seedExact, { source: end('eks-nodes'), destination: end('s3'), protocol: TCP, port: 443 });
    expect(v.decision).toBe('blocked');
    expect(v.blocking.map((h) => h.step)).toEqual(['source-security-group']);
    expect(v.blocking[0]!.reason).toContain('10.0.0.0/16');
    expect(v.blocking[0]!.fix).toContain(`prefix list ${PLANNED_S3_PREFIX_LIST_ID}`);
  });

  it('recognises an S3 address when the prefix list entries are known', () => {
    const known = modelFromSpec(spec, { s3PrefixListCidrs: ['52.216.0.0/15'] });
    const v = evaluateFlow(known, { source: { address: '10.0.10.4', groupIds: [NODES] }, destination: { address: '52.217.1.2' }, protocol: TCP, port: 443 });
    expect(v.decision).toBe('admitted');
  });
});

describe('evaluateFlow: traffic AWS never filters', () => {
  // AWS, "Amazon DNS server" and "Security group rules": traffic to the Amazon DNS server (VPC base
  // + 2, and 169.254.169.253), the instance metadata service and Amazon Time Sync is not filtered.
  it.each([
    ['10.0.0.2', UDP, 53],
    ['169.254.169.254', TCP, 80],
    ['169.254.169.123', UDP, 123],
    ['169.254.169.253', UDP, 53],
  ])('RDS (no egress rules) reaches %s', (address, protocol, port) => {
    const v = evaluateFlow(model, { source: end('rds'), destination: { address }, protocol, port });
    expect(v.decision).toBe('admitted');
    expect(v.hops[0]!.step).toBe('unfiltered');
  });

  it('filters the base + 3 address like any other', () => {
    expect(evaluateFlow(model, { source: end('rds'), destination: { address: '10.0.0.3' }, protocol: UDP, port: 53 }).decision).not.toBe('admitted');
  });
});

describe('evaluateFlow: network ACLs', () => {
  // AWS, "Control subnet traffic with network access control lists": rules are evaluated in order,
  // lowest number first, and the first match decides; ACLs are stateless, so responses are subject
  // to the rules for the other direction; the final * rule denies what nothing matched.
  const allowAll = (egress: boolean): ModelNaclEntry => ({ ruleNumber: 200, egress, protocol: -1, action: 'allow', cidr: '0.0.0.0/0', ports: undefined });
  const deny = (egress: boolean): ModelNaclEntry => ({ ruleNumber: 32767, egress, protocol: -1, action: 'deny', cidr: '0.0.0.0/0', ports: undefined });

  it('blocks at the first matching deny even when a later entry allows', () => {
    const m = withDatabaseAcl(model, [
      { ruleNumber: 100, egress: false, protocol: TCP, action: 'deny', cidr: '10.0.0.0/16', ports: { from: 5432, to: 5432 } },
      allowAll(false),
      deny(false),
      allowAll(true),
      deny(true),
    ]);
    const v = evaluateFlow(m, { source: end('eks-nodes'), destination: end('rds'), protocol: TCP, port: 5432 });
    expect(v.blocking.map((h) => h.step)).toEqual(['destination-nacl-inbound']);
    expect(v.blocking[0]!.rule).toContain('rule 100 deny');
    expect(v.blocking[0]!.fix).toMatch(/entry 99 .*allow tcp ports 5432/);
  });

  it('needs the reply to go back on ephemeral ports: an ACL that lets out only 5432 breaks the connection', () => {
    const m = withDatabaseAcl(model, [
      { ruleNumber: 100, egress: false, protocol: TCP, action: 'allow', cidr: '10.0.0.0/16', ports: { from: 5432, to: 5432 } },
      deny(false),
      { ruleNumber: 100, egress: true, protocol: TCP, action: 'allow', cidr: '10.0.0.0/16', ports: { from: 5432, to: 5432 } },
      deny(true),
    ]);
    const v = evaluateFlow(m, { source: end('eks-nodes'), destination: end('rds'), protocol: TCP, port: 5432 });
    expect(v.blocking.map((h) => h.step)).toEqual(['return-nacl-outbound']);
    expect(v.blocking[0]!.reason).toContain('32768-60999');
    const known = evaluateFlow(m, { source: end('eks-nodes'), destination: end('rds'), protocol: TCP, port: 5432, sourcePort: 40982 });
    expect(known.blocking[0]!.reason).toContain('40982');
  });

  it('lists every hop that blocks, each with its fix', () => {
    const m = withDatabaseAcl(model, [deny(false), allowAll(true), deny(true)]);
    const pod: FlowEnd = { address: '10.0.20.50', groupIds: [plannedGroupId('alb-frontend')] };
    const v = evaluateFlow(m, { source: pod, destination: end('rds'), protocol: TCP, port: 5432 });
    expect(v.blocking.map((h) => h.step)).toEqual(['destination-nacl-inbound', 'destination-security-group']);
    expect(v.blocking.every((h) => h.fix)).toBe(true);
  });

  it('does not apply ACLs inside one subnet', () => {
    const m = { ...model, networkAcls: [{ id: 'acl-deny', isDefault: true, subnetIds: [], entries: [deny(false), deny(true)] }] };
    const [a, b] = ['10.0.10.4', '10.0.10.5'];
    const v = evaluateFlow(m, { source: { address: a, groupIds: [NODES] }, destination: { address: b, groupIds: [NODES] }, protocol: TCP, port: 8080 });
    expect(v.decision).toBe('admitted');
  });
});

describe('evaluateFlow: routes', () => {
  // AWS, "Configure route tables": a subnet without an explicit association uses the main route
  // table; the most specific route that matches decides (longest prefix match).
  it('takes the main route table for a subnet with no association', () => {
    const m: NetworkModel = {
      ...model,
      routeTables: model.routeTables.map((t) => ({ ...t, subnetIds: t.main ? t.subnetIds : t.subnetIds.filter((id) => !id.includes('private-subnet-1')) })),
    };
    const v = evaluateFlow(m, { source: end('eks-nodes'), destination: end('s3'), protocol: TCP, port: 443 });
    const route = v.hops.find((h) => h.step === 'route')!;
    expect(route.status).toBe('block');
    expect(route.reason).toContain('(main), used implicitly');
  });

  it('routes out of the VPC only where a route says so, and a blackhole blocks', () => {
    const out = { source: end('eks-cluster'), destination: { address: '93.184.216.34' }, protocol: TCP, port: 443 } as const;
    // Without the S3 prefix list's entries a plan cannot rule out that the address is S3's.
    expect(evaluateFlow(model, out).hops.find((h) => h.step === 'route')!.status).toBe('unknown');
    const known = modelFromSpec(spec, { s3PrefixListCidrs: ['52.216.0.0/15'] });
    expect(evaluateFlow(known, out).blocking.map((h) => h.step)).toEqual(['route']);
    const viaNat = withRoute(known, 'planned-private-rt', {
      destination: { kind: 'cidr', cidr: '0.0.0.0/0' },
      target: { kind: 'nat-gateway', id: 'nat-1' },
      state: 'active',
    });
    expect(evaluateFlow(viaNat, out).decision).toBe('admitted');
    const hole = withRoute(known, 'planned-private-rt', {
      destination: { kind: 'cidr', cidr: '93.184.0.0/16' },
      target: { kind: 'nat-gateway', id: 'nat-gone' },
      state: 'blackhole',
    });
    const v = evaluateFlow(hole, out);
    expect(v.blocking[0]!.reason).toContain('blackhole');
  });

  it('prefers the longer prefix', () => {
    const m = withRoute(
      withRoute(modelFromSpec(spec, { s3PrefixListCidrs: ['52.216.0.0/15'] }), 'planned-private-rt', {
        destination: { kind: 'cidr', cidr: '0.0.0.0/0' },
        target: { kind: 'nat-gateway', id: 'nat-1' },
        state: 'active',
      }),
      'planned-private-rt',
      { destination: { kind: 'cidr', cidr: '192.168.0.0/16' }, target: { kind: 'transit-gateway', id: 'tgw-1' }, state: 'active' },
    );
    const v = evaluateFlow(m, { source: end('eks-cluster'), destination: { address: '192.168.1.1' }, protocol: TCP, port: 443 });
    expect(v.hops.find((h) => h.step === 'route')!.rule).toContain('tgw-1');
  });
});

describe('whoCanReach', () => {
  it('answers who can open PostgreSQL to RDS: the nodes group, not the load balancers', () => {
    const sources = whoCanReach(model, end('rds'), TCP, 5432);
    const admitted = sources.filter((s) => s.verdict.decision === 'admitted').map((s) => s.label);
    expect(admitted.some((l) => l.startsWith('eks-nodes'))).toBe(true);
    expect(admitted.some((l) => l.startsWith('alb-'))).toBe(false);
    expect(sources.every((s) => s.verdict.decision !== 'blocked')).toBe(true);
  });
});

describe('resolveEnd', () => {
  it('reads addresses, roles, group ids, tiers and s3, and names what it cannot read', () => {
    expect(resolveEnd(model, '10.0.10.9')).toEqual({ ok: true, end: { address: '10.0.10.9' } });
    const rds = resolveEnd(model, 'rds');
    expect(rds.ok && rds.end.groupIds).toEqual([RDS]);
    expect(rds.ok && rds.end.address?.startsWith('10.0.100.')).toBe(true);
    const bad = resolveEnd(model, 'bogus');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('bogus');
  });
});
