import { GROUP_ROLES, SUBNET_TIERS, evaluateFlow, isAwsId, parseIpv4, policyContext, type FlowDestination, type FlowParty, type GroupRole, type SubnetTier } from '@artos/model';
import { type Check, result } from '../types.js';

/** `10.0.10.5`, `private`, `eks-nodes`, `sg-…` as a party of a flow. */
export function partyOf(text: string): FlowParty | undefined {
  if (parseIpv4(text) !== undefined) return { kind: 'address', address: text };
  if ((SUBNET_TIERS as readonly string[]).includes(text)) return { kind: 'tier', tier: text as SubnetTier };
  if ((GROUP_ROLES as readonly string[]).includes(text)) return { kind: 'group', role: text as GroupRole };
  if (isAwsId('sg', text)) return { kind: 'external-group', groupId: text };
  return undefined;
}

/** Can A reach B: the model's policy evaluation, with the deciding rule. */
export const reach: Check = {
  id: 'reach',
  title: 'Can A reach B',
  run(ctx) {
    const q = ctx.reach;
    if (!q) return result(this, 'skipped', ['give --from, --to and --port (an address, a tier: private|database, or a group: eks-nodes, rds, …)']);
    const source = partyOf(q.from);
    const destination = partyOf(q.to);
    if (!source || !destination || destination.kind === 'external-group') {
      return result(this, 'fail', [`cannot read ${!source ? `--from ${q.from}` : `--to ${q.to}`}: use an IPv4 address, private|database, or a group role (${GROUP_ROLES.join(', ')})${!destination || destination.kind === 'external-group' ? '; the destination must be ours' : ''}`]);
    }
    const verdict = evaluateFlow(policyContext(ctx.spec), { source, destination: destination as FlowDestination, port: q.port, protocol: q.protocol });
    return result(this, verdict.admitted ? 'pass' : 'fail', [verdict.summary, `route: ${verdict.route.reason}`, `egress: ${verdict.egress.reason}`, `ingress: ${verdict.ingress.reason}`], verdict.admitted ? undefined : { change: 'change the catalog rule that decided, or the source\'s group membership' });
  },
};
