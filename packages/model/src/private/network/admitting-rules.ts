import { candidateGroupIds } from './inferred-groups.js';
import { indexOf } from './model-index.js';
import type { ModelRule, NetworkModel } from './model-types.js';
import { peerHolds, ruleCoversService } from './security-group-hop.js';
import { placeEnd } from './evaluate-flow.js';

export interface RuleCandidate {
  readonly groupId: string;
  readonly rule: ModelRule;
}

/**
 * Every security-group rule that could have admitted an accepted flow (a request): egress rules
 * of the groups the source may carry, ingress rules of the groups the destination may carry,
 * whose service and peer fit. An address without a known interface may carry any group that has
 * an interface in its subnet. The rule audit counts these; rules no accepted flow fits are unused.
 */
export function admittingRules(
  model: NetworkModel,
  flow: { readonly srcAddr: string; readonly dstAddr: string; readonly protocol: number; readonly dstPort: number },
): readonly RuleCandidate[] {
  const index = indexOf(model);
  const sourceGroups = candidateGroupIds(model, flow.srcAddr);
  const destinationGroups = candidateGroupIds(model, flow.dstAddr);
  const source = { ...placeEnd(index, { address: flow.srcAddr, groupIds: sourceGroups }) };
  const destination = { ...placeEnd(index, { address: flow.dstAddr, groupIds: destinationGroups }) };
  const out: RuleCandidate[] = [];
  const consider = (groupIds: readonly string[], direction: 'ingress' | 'egress', other: typeof source) => {
    for (const groupId of groupIds) {
      const group = index.group(groupId);
      for (const rule of (direction === 'ingress' ? group?.ingress : group?.egress) ?? []) {
        if (ruleCoversService(rule, flow.protocol, flow.dstPort) && peerHolds(index, rule.peer, other) !== 'no') out.push({ groupId, rule });
      }
    }
  };
  if (source.inVpc) consider(sourceGroups, 'egress', destination);
  if (destination.inVpc) consider(destinationGroups, 'ingress', source);
  return out;
}
