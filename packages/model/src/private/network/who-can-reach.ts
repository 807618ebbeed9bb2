import { cidr, formatIpv4 } from '../ipv4.js';
import { groupText } from './describe-model.js';
import { evaluateFlow } from './evaluate-flow.js';
import { ruleCoversService } from './security-group-hop.js';
import type { NetworkModel } from './model-types.js';
import { memberOf } from './resolve-end.js';
import type { FlowEnd, FlowVerdict } from './verdict-types.js';
import { indexOf } from './model-index.js';

export interface ReachingSource {
  readonly kind: 'group' | 'subnet' | 'cidr' | 'prefix-list';
  readonly label: string;
  readonly verdict: FlowVerdict;
}

/**
 * The inverse question, as Network Access Analyzer's scopes answer it: which sources can open
 * `protocol port` to `destination`? Every group (through a member), every subnet (a host whose
 * groups are unknown), and every outside range an ingress rule names, each through the evaluator.
 * Returns the sources that are admitted or could be (unknown), never the blocked ones.
 */
export function whoCanReach(model: NetworkModel, destination: FlowEnd, protocol: number, port: number): readonly ReachingSource[] {
  const index = indexOf(model);
  const candidates: Array<{ kind: ReachingSource['kind']; label: string; end: FlowEnd }> = [];
  for (const group of model.securityGroups) {
    const member = memberOf(model, group, group.id);
    if (member.ok) candidates.push({ kind: 'group', label: groupText(group, group.id), end: member.end });
  }
  for (const subnet of model.subnets) {
    if (!subnet.cidr) continue;
    const address = formatIpv4(cidr(subnet.cidr).base + 4);
    candidates.push({ kind: 'subnet', label: `${subnet.id} (${subnet.cidr})`, end: { address, label: `a host in ${subnet.id}` } });
  }
  const destinationGroups =
    destination.groupIds ?? (destination.address ? (model.networkInterfaces.find((e) => e.addresses.includes(destination.address!))?.groupIds ?? []) : []);
  const seen = new Set<string>();
  for (const groupId of destinationGroups) {
    for (const rule of index.group(groupId)?.ingress ?? []) {
      if (!ruleCoversService(rule, protocol, port) || rule.peer.kind !== 'cidr' || seen.has(rule.peer.cidr)) continue;
      seen.add(rule.peer.cidr);
      const block = cidr(rule.peer.cidr);
      const address = formatIpv4(block.prefix === 32 ? block.base : block.base + 1);
      if (!index.inVpc(block.base)) candidates.push({ kind: 'cidr', label: rule.peer.cidr, end: { address, label: `${rule.peer.cidr} (${address})` } });
    }
  }
  return candidates
    .map((c) => ({ kind: c.kind, label: c.label, verdict: evaluateFlow(model, { source: c.end, destination, protocol, port }) }))
    .filter((c) => c.verdict.decision !== 'blocked');
}
