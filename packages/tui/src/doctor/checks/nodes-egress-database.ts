import { cidr, evaluateFlow, formatIpv4 } from '@artos/model';
import { groupWithRole, memberEnd } from '../model-queries.js';
import { type Check, result } from '../types.js';

/** The nodes' egress lets 5432 out to every database subnet (asked of the evaluator). */
export const nodesEgressDatabase: Check = {
  id: 'nodes-egress-database',
  title: "The EKS nodes' egress reaches the database subnets",
  needs: ['security-groups', 'subnets'],
  run(ctx) {
    const nodes = groupWithRole(ctx.model, 'eks-nodes');
    if (!nodes) return result(this, 'fail', ['no security group tagged artos:role=eks-nodes'], { change: 'deploy the catalog groups (ArtosNetwork)' });
    const source = memberEnd(ctx.model, nodes);
    const databases = ctx.model.subnets.filter((s) => s.tier === 'database' && s.cidr);
    if (!source || databases.length === 0) return result(this, 'unknown', ['no database subnet with a known CIDR, or no place for a node']);
    const hops = databases.map((s) => {
      const address = formatIpv4(cidr(s.cidr!).base + 4);
      return {
        subnet: s,
        hop: evaluateFlow(ctx.model, { source, destination: { address, groupIds: [], label: `${address} in ${s.id}` }, protocol: 6, port: 5432 }).hops.find(
          (h) => h.step === 'source-security-group',
        )!,
      };
    });
    const blocked = hops.filter((h) => h.hop.status === 'block');
    const unknown = hops.filter((h) => h.hop.status === 'unknown');
    const status = blocked.length > 0 ? 'fail' : unknown.length > 0 ? 'unknown' : 'pass';
    const shown = blocked.length > 0 ? blocked : unknown.length > 0 ? unknown : hops.slice(0, 1);
    return result(
      this,
      status,
      shown.map((h) => h.hop.reason),
      status === 'fail'
        ? {
            change: `nodes group egress: all traffic to the VPC CIDR (the catalog); ${blocked[0]!.hop.fix ?? ''}`,
            command: `aws ec2 describe-security-groups --group-ids ${nodes.id} --query 'SecurityGroups[0].IpPermissionsEgress'`,
          }
        : undefined,
    );
  },
};
