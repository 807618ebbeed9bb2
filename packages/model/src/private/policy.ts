import { cidr, cidrContains, cidrContainsAddress, formatIpv4, hostCidr, parseIpv4, type Ipv4Cidr } from './ipv4.js';
import { describeRule, securityGroupCatalog } from './security-group-catalog.js';
import { IANA_PROTOCOL_NUMBERS, type GroupRole, type SecurityGroupDefinition, type SecurityGroupRule } from './security-group-types.js';
import type { NetworkSpec, SubnetTier } from './spec-types.js';
import type {
  FlowDestination,
  FlowParty,
  FlowQuery,
  FlowVerdict,
  PolicyContext,
  RouteVerdict,
  SideVerdict,
} from './policy-types.js';

/**
 * Pure policy evaluation. Security groups are stateful: a flow passes when one of the source's
 * groups lets it out (egress) and one of the destination's groups lets it in (ingress); replies
 * need no rule. Routes: every tier reaches the VPC through the local route; nothing reaches the
 * internet (no internet gateway, no NAT).
 */

export function policyContext(spec: NetworkSpec): PolicyContext {
  return {
    vpcCidr: spec.vpcCidr,
    tiers: [
      { tier: 'private', cidrs: spec.privateSubnetCidrs },
      { tier: 'database', cidrs: spec.databaseSubnetCidrs },
    ],
    groups: securityGroupCatalog(spec),
    s3GatewayOnPrivateRouteTable: spec.enableVpcEndpoints,
  };
}

/** Where a party is: a single address, or the blocks of a tier (all of which it may use). */
interface Placement {
  readonly blocks: readonly Ipv4Cidr[];
  readonly label: string;
  readonly catalogGroups: readonly GroupRole[];
  readonly externalGroups: readonly string[];
  /** True when group membership is known (an address without `groups` is "no known group"). */
  readonly tier: SubnetTier | undefined;
}

function tierOfBlocks(ctx: PolicyContext, blocks: readonly Ipv4Cidr[]): SubnetTier | undefined {
  for (const t of ctx.tiers) {
    const tierBlocks = t.cidrs.map(cidr);
    if (blocks.length > 0 && blocks.every((b) => tierBlocks.some((tb) => cidrContains(tb, b)))) return t.tier;
  }
  return undefined;
}

function tierBlocks(ctx: PolicyContext, tier: SubnetTier): Ipv4Cidr[] {
  return (ctx.tiers.find((t) => t.tier === tier)?.cidrs ?? []).map(cidr);
}

function homeTier(ctx: PolicyContext, role: GroupRole): SubnetTier {
  return ctx.groups.find((g) => g.role === role)?.homeTier ?? 'private';
}

function place(ctx: PolicyContext, party: FlowParty): Placement {
  switch (party.kind) {
    case 'address': {
      const value = parseIpv4(party.address);
      if (value === undefined) throw new TypeError(`not an IPv4 address: ${party.address}`);
      const blocks = [hostCidr(value)];
      const groups = party.groups ?? [];
      return {
        blocks,
        label: formatIpv4(value),
        catalogGroups: groups.flatMap((g) => ('role' in g ? [g.role] : [])),
        externalGroups: groups.flatMap((g) => ('groupId' in g ? [g.groupId] : [])),
        tier: tierOfBlocks(ctx, blocks),
      };
    }
    case 'tier':
      return { blocks: tierBlocks(ctx, party.tier), label: `the ${party.tier} tier`, catalogGroups: [], externalGroups: [], tier: party.tier };
    case 'group': {
      const tier = homeTier(ctx, party.role);
      return { blocks: tierBlocks(ctx, tier), label: `a member of the ${party.role} group`, catalogGroups: [party.role], externalGroups: [], tier };
    }
    case 'external-group':
      // The seed places bastion hosts in the private subnets.
      return { blocks: tierBlocks(ctx, 'private'), label: `a member of ${party.groupId}`, catalogGroups: [], externalGroups: [party.groupId], tier: 'private' };
  }
}

function protocolMatches(rule: SecurityGroupRule, protocol: number): boolean {
  if (rule.protocol === 'all') return true;
  return IANA_PROTOCOL_NUMBERS[rule.protocol] === protocol;
}

function portMatches(rule: SecurityGroupRule, protocol: number, port: number): boolean {
  if (rule.protocol === 'all' || rule.protocol === 'icmp') return true;
  return port >= rule.fromPort && port <= rule.toPort;
}

/** Does `rule` of group `owner` match a peer placed at `peer` (the other side of the flow)? */
function peerMatches(rule: SecurityGroupRule, owner: GroupRole, peer: Placement): boolean {
  switch (rule.peer.kind) {
    case 'self':
      return peer.catalogGroups.includes(owner);
    case 'group':
      return peer.catalogGroups.includes(rule.peer.role);
    case 'external-group':
      return peer.externalGroups.includes(rule.peer.groupId);
    case 'vpc-cidr':
    case 'cidr': {
      const block = cidr(rule.peer.cidr);
      return peer.blocks.length > 0 && peer.blocks.every((b) => cidrContains(block, b));
    }
  }
}

function ruleMatchesFlow(rule: SecurityGroupRule, peer: Placement, protocol: number, port: number): boolean {
  return protocolMatches(rule, protocol) && portMatches(rule, protocol, port) && peerMatches(rule, rule.group, peer);
}

function protocolNumber(protocol: FlowQuery['protocol']): number {
  return typeof protocol === 'number' ? protocol : IANA_PROTOCOL_NUMBERS[protocol];
}

function protocolName(protocol: number): string {
  const entry = Object.entries(IANA_PROTOCOL_NUMBERS).find(([, n]) => n === protocol);
  return entry ? entry[0] : `protocol ${protocol}`;
}

/** Catalog groups whose interfaces a destination stands for. */
function destinationGroups(ctx: PolicyContext, destination: FlowDestination, placement: Placement): GroupRole[] {
  if (destination.kind === 'group') return [destination.role];
  if (destination.kind === 'address' && destination.groups) return [...placement.catalogGroups];
  // An address of unknown membership, or a whole tier: the groups that live in that tier.
  const tier = placement.tier;
  return tier ? ctx.groups.filter((g) => g.homeTier === tier).map((g) => g.role) : [];
}

function groupsByRole(ctx: PolicyContext, roles: readonly GroupRole[]): SecurityGroupDefinition[] {
  return roles.flatMap((role) => ctx.groups.filter((g) => g.role === role));
}

function membershipText(r: SecurityGroupRule): string {
  switch (r.peer.kind) {
    case 'self':
      return `in the ${r.group} group itself`;
    case 'group':
      return `in the ${r.peer.role} group`;
    case 'external-group':
      return `in group ${r.peer.groupId}`;
    case 'vpc-cidr':
    case 'cidr':
      return `inside ${r.peer.cidr}`;
  }
}

function evaluateSide(
  direction: 'ingress' | 'egress',
  groups: readonly SecurityGroupDefinition[],
  peer: Placement,
  protocol: number,
  port: number,
  service: string,
): SideVerdict {
  const roles = groups.map((g) => g.role);
  const rules = groups.flatMap((g) => (direction === 'ingress' ? g.ingress : g.egress));
  const matching = rules.filter((r) => ruleMatchesFlow(r, peer, protocol, port));
  const verb = direction === 'ingress' ? 'admits' : 'lets out';
  const preposition = direction === 'ingress' ? 'from' : 'to';
  if (matching.length > 0) {
    const first = matching[0]!;
    return {
      decision: 'admitted',
      groups: [...new Set(matching.map((r) => r.group))],
      rules: matching,
      reason: `the ${first.group} group ${verb} ${service} ${preposition} ${peer.label} by rule "${first.description}" (${describeRule(first)})`,
    };
  }
  const groupText = roles.length === 1 ? `the ${roles[0]} group` : `the groups ${roles.join(', ')}`;
  const sameService = rules.filter((r) => protocolMatches(r, protocol) && portMatches(r, protocol, port));
  let reason: string;
  if (groups.length === 0) {
    reason = `no catalog group guards the ${direction === 'ingress' ? 'destination' : 'source'}`;
  } else if (sameService.length === 0) {
    reason = `${groupText} has no ${direction} rule for ${service}${rules.length === 0 ? ` (it has no ${direction} rules at all)` : ''}`;
  } else {
    const memberships = [...new Set(sameService.map(membershipText))];
    reason = `${groupText} ${verb} ${service} only ${preposition} peers ${memberships.join(' or ')} (${sameService.map((r) => `"${r.description}"`).join(', ')}), and ${peer.label} is not ${memberships.join(' nor ')}`;
  }
  return { decision: 'denied', groups: roles, rules: [], reason };
}

function evaluateRoute(ctx: PolicyContext, source: Placement, destination: Placement): RouteVerdict {
  const vpc = cidr(ctx.vpcCidr);
  const inVpc = (p: Placement) => p.blocks.length > 0 && p.blocks.every((b) => cidrContains(vpc, b));
  if (!inVpc(source)) {
    return {
      decision: 'from-outside',
      reason: `${source.label} is outside the VPC ${vpc.text}; with no internet gateway it can arrive only over peering or VPN, configured separately`,
    };
  }
  if (inVpc(destination)) {
    return { decision: 'local', reason: `both ends are inside ${vpc.text}: the local route carries it` };
  }
  const sourceTier = source.tier ?? 'private';
  const table = sourceTier === 'private' ? 'the private route table' : 'the database route table';
  const s3 = sourceTier === 'private' && ctx.s3GatewayOnPrivateRouteTable ? ' and the S3 gateway prefix list' : '';
  return {
    decision: 'no-route',
    reason: `${destination.label} is outside the VPC ${vpc.text}; ${table} holds only the local route${s3}, with no internet gateway or NAT`,
  };
}

/** Is the flow admitted, by which rules, or why not. */
export function evaluateFlow(ctx: PolicyContext, query: FlowQuery): FlowVerdict {
  const protocol = protocolNumber(query.protocol);
  const source = place(ctx, query.source);
  const destination = place(ctx, query.destination);
  const service = protocol === 1 ? 'icmp' : `${protocolName(protocol)} ${query.port}`;

  const route = evaluateRoute(ctx, source, destination);
  const sourceGroups = groupsByRole(ctx, source.catalogGroups);
  const egress: SideVerdict =
    sourceGroups.length === 0
      ? { decision: 'outside-catalog', groups: [], rules: [], reason: `${source.label} is in no catalog group; its own egress rules are not modelled` }
      : evaluateSide('egress', sourceGroups, destination, protocol, query.port, service);
  const ingress = evaluateSide('ingress', groupsByRole(ctx, destinationGroups(ctx, query.destination, destination)), source, protocol, query.port, service);

  const admitted = route.decision !== 'no-route' && egress.decision !== 'denied' && ingress.decision === 'admitted';
  const flowText = `${source.label} → ${destination.label} ${service}`;
  let summary: string;
  if (admitted) summary = `${flowText} admitted: ${ingress.reason}`;
  else if (route.decision === 'no-route') summary = `${flowText} not routed: ${route.reason}`;
  else if (egress.decision === 'denied') summary = `${flowText} blocked on the way out: ${egress.reason}`;
  else summary = `${flowText} rejected: ${ingress.reason}`;
  return { admitted, route, egress, ingress, summary };
}

/** The tier an address falls in, if any. */
export function tierOfAddress(ctx: PolicyContext, address: string): SubnetTier | undefined {
  const value = parseIpv4(address);
  if (value === undefined) return undefined;
  for (const t of ctx.tiers) {
    if (t.cidrs.some((c) => cidrContainsAddress(cidr(c), value))) return t.tier;
  }
  return undefined;
}
