import { cidrContains, cidrContainsAddress, type Ipv4Cidr } from '../ipv4.js';
import { groupText, peerText, portsText, ruleText } from './describe-model.js';
import { tryCidr, type ModelIndex } from './model-index.js';
import type { ModelPeer, ModelRule } from './model-types.js';
import { hasPorts, serviceText } from './protocols.js';
import type { Hop, PlacedEnd } from './verdict-types.js';

type Match = 'yes' | 'no' | 'maybe';

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'].map((c) => tryCidr(c)!);

function isPrivateBlock(index: ModelIndex, block: Ipv4Cidr): boolean {
  return [...PRIVATE_RANGES, ...index.vpcBlocks].some((outer) => cidrContains(outer, block));
}

/** Does a rule's peer hold the other end of the flow? `maybe` when the model cannot tell. */
export function peerHolds(index: ModelIndex, peer: ModelPeer, other: PlacedEnd): Match {
  switch (peer.kind) {
    case 'cidr': {
      const block = tryCidr(peer.cidr);
      if (!block) return 'no';
      if (other.address !== undefined) return cidrContainsAddress(block, other.address) ? 'yes' : 'no';
      if (block.prefix === 0) return 'yes';
      // An AWS service's prefix list holds public ranges: a private block cannot contain them.
      return other.prefixListIds.length > 0 && isPrivateBlock(index, block) ? 'no' : 'maybe';
    }
    case 'group':
      // A group peer admits the private addresses of that group's interfaces (inside the VPC or a peer).
      if (!other.inVpc) return 'no';
      if (other.groupIds === undefined) return 'maybe';
      return other.groupIds.includes(peer.groupId) ? 'yes' : 'no';
    case 'prefix-list': {
      if (other.prefixListIds.includes(peer.prefixListId)) return 'yes';
      const list = index.prefixList(peer.prefixListId);
      if (other.address === undefined || !list?.cidrs) return other.inVpc ? 'no' : 'maybe';
      const address = other.address;
      return list.cidrs.some((c) => {
        const block = tryCidr(c);
        return block !== undefined && cidrContainsAddress(block, address);
      })
        ? 'yes'
        : 'no';
    }
  }
}

export function ruleCoversService(rule: ModelRule, protocol: number, port: number): boolean {
  if (rule.protocol === -1) return true;
  if (rule.protocol !== protocol) return false;
  if (!hasPorts(protocol)) return true; // ICMP type and code are not modelled
  return port >= rule.fromPort && port <= rule.toPort;
}

function suggestedPeer(index: ModelIndex, other: PlacedEnd): string {
  const groups = other.groupIds?.filter((id) => index.group(id)) ?? [];
  if (groups.length > 0 && other.inVpc) return `group ${groupText(index.group(groups[0]!), groups[0]!)}`;
  if (other.prefixListIds.length > 0) return `prefix list ${other.prefixListIds[0]}`;
  return other.label.includes('/') || other.address === undefined ? other.label : `${other.label}/32`;
}

/**
 * The security-group hop of one end: egress of the source, ingress of the destination. Groups are
 * stateful, so a reply passes whatever the rules say (AWS, "Security group rules": "responses to
 * allowed inbound traffic are allowed to flow out, regardless of outbound rules").
 */
export function securityGroupHop(
  index: ModelIndex,
  side: 'egress' | 'ingress',
  owner: PlacedEnd,
  other: PlacedEnd,
  protocol: number,
  port: number,
  reply: boolean,
): Hop {
  const step = side === 'egress' ? 'source-security-group' : 'destination-security-group';
  const service = serviceText(protocol, port);
  const base = { step, rule: undefined, fix: undefined } as const;
  if (!owner.inVpc && !owner.subnet) {
    return { ...base, status: 'not-applicable', resourceId: undefined, reason: `${owner.label} is outside the VPC: its own filtering is not in the model` };
  }
  if (reply) {
    return {
      ...base,
      status: 'pass',
      resourceId: owner.groupIds?.[0],
      reason: `a reply: security groups are stateful, so ${owner.label}'s groups let it pass without a rule`,
    };
  }
  if (owner.groupIds === undefined) {
    return {
      ...base,
      status: 'unknown',
      resourceId: undefined,
      reason: `no network interface is known at ${owner.label}, so its security groups are unknown (name it by group, or read the account with --live)`,
    };
  }
  const ids = owner.groupIds;
  const idsText = ids.map((id) => groupText(index.group(id), id)).join(', ') || 'no group';
  const known = ids.flatMap((id) => index.group(id) ?? []);
  const unread = ids.filter((id) => !index.group(id));
  const rules = known.flatMap((g) => (side === 'egress' ? g.egress : g.ingress));
  const forService = rules.filter((r) => ruleCoversService(r, protocol, port));
  const verdicts = forService.map((r) => ({ rule: r, match: peerHolds(index, r.peer, other) }));
  const yes = verdicts.find((v) => v.match === 'yes');
  const verb = side === 'egress' ? 'lets out' : 'admits';
  const preposition = side === 'egress' ? 'to' : 'from';
  if (yes) {
    const owning = known.find((g) => (side === 'egress' ? g.egress : g.ingress).includes(yes.rule))!;
    const admittedBy = verdicts.filter((v) => v.match === 'yes').map((v) => v.rule);
    return {
      ...base,
      status: 'pass',
      resourceId: owning.id,
      rule: ruleText(index, yes.rule),
      admittedBy,
      reason: `${groupText(owning, owning.id)} ${verb} ${service} ${preposition} ${other.label} by rule ${ruleText(index, yes.rule)}`,
    };
  }
  const maybe = verdicts.filter((v) => v.match === 'maybe');
  if (maybe.length > 0 || unread.length > 0) {
    const why = [
      ...maybe.map((v) => `rule ${ruleText(index, v.rule)} admits it if ${other.label} is in ${peerText(index, v.rule.peer)}`),
      ...unread.map((id) => `the rules of ${id} are not in the model`),
    ];
    return { ...base, status: 'unknown', resourceId: ids[0], reason: `${idsText}: ${why.join('; ')}` };
  }
  const owner0 = known[0];
  const ownerText = known.length === 1 ? groupText(owner0, owner0!.id) : `groups ${idsText}`;
  let reason: string;
  if (known.length === 0) reason = `${owner.label} is in no security group, which admits nothing`;
  else if (forService.length === 0) reason = `${ownerText} has no ${side} rule for ${service}${rules.length === 0 ? ` (no ${side} rules at all)` : ''}`;
  else
    reason = `${ownerText} ${verb} ${service} only ${preposition} ${[...new Set(forService.map((r) => peerText(index, r.peer)))].join(' or ')}, and ${other.label} is not there`;
  const groupPeers = forService.filter((r) => r.peer.kind === 'group');
  const addRule = `add an ${side} rule to ${owner0 ? groupText(owner0, owner0.id) : 'its group'}: ${portsText(protocol, port, port)} ${preposition} ${suggestedPeer(index, other)}`;
  const attach =
    side === 'ingress' && groupPeers.length > 0 && other.inVpc ? `attach ${peerText(index, groupPeers[0]!.peer)} to the interface of ${other.label}, or ` : '';
  return { ...base, status: 'block', resourceId: owner0?.id, reason, fix: `${attach}${addRule}` };
}
