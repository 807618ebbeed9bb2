import { type Check, result } from '../types.js';
import { coversCidr, describeViewRule, group, rulesFor } from '../view-rules.js';

/** The nodes' egress reaches the database subnets on 5432. */
export const nodesEgressDatabase: Check = {
  id: 'nodes-egress-database',
  title: "The EKS nodes' egress reaches the database subnets",
  run(ctx) {
    const nodes = group(ctx.view, 'eks-nodes');
    if (!nodes) return result(this, 'fail', ['no security group tagged artos:role=eks-nodes'], { change: 'deploy the catalog groups (ArtosNetwork)' });
    const dbCidrs = ctx.view.subnets.filter((s) => s.tier === 'database' && s.cidr).map((s) => s.cidr!);
    const targets = dbCidrs.length > 0 ? dbCidrs : ctx.spec.databaseSubnetCidrs;
    const blocked = targets.filter((c) => rulesFor(nodes, 'egress', 'tcp', 5432, (p) => p === 'sg:rds' || coversCidr(c)(p)).length === 0);
    const covering = rulesFor(nodes, 'egress', 'tcp', 5432, (p) => targets.every((c) => coversCidr(c)(p)) || p === 'sg:rds');
    return result(
      this,
      blocked.length === 0 ? 'pass' : 'fail',
      blocked.length === 0 ? covering.map((r) => `rule: ${describeViewRule(r)}`) : blocked.map((c) => `no egress rule of the nodes group lets tcp 5432 out to ${c}`),
      blocked.length === 0 ? undefined : { change: 'nodes group egress: all traffic to the VPC CIDR (the catalog)', command: `aws ec2 describe-security-groups --group-ids ${nodes.id} --query 'SecurityGroups[0].IpPermissionsEgress'` },
    );
  },
};
