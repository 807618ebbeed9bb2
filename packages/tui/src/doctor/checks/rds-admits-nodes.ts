import { type Check, result } from '../types.js';
import { describeViewRule, group, rulesFor } from '../view-rules.js';

/** The RDS group admits 5432 from the EKS nodes group (the seed: "Check if Source is EKS Nodes Security Group"). */
export const rdsAdmitsNodes: Check = {
  id: 'rds-admits-nodes',
  title: 'The RDS group admits PostgreSQL (5432) from the EKS nodes group',
  run(ctx) {
    const rds = group(ctx.view, 'rds');
    const command = `aws ec2 describe-security-groups --group-ids ${rds?.id ?? '<rds-sg-id>'} --query 'SecurityGroups[0].IpPermissions[?ToPort==\`5432\`]'`;
    if (!rds) return result(this, 'fail', ['no security group tagged artos:role=rds'], { change: 'deploy the catalog groups (ArtosNetwork)', command });
    const fromNodes = rulesFor(rds, 'ingress', 'tcp', 5432, (p) => p === 'sg:eks-nodes');
    const other = rulesFor(rds, 'ingress', 'tcp', 5432, (p) => p !== 'sg:eks-nodes');
    const evidence = [...fromNodes.map((r) => `rule: ${describeViewRule(r)}`), ...other.map((r) => `also: ${describeViewRule(r)} (the seed admits the nodes group only)`)];
    if (fromNodes.length === 0) evidence.unshift(`${rds.id} has no ingress rule for tcp 5432 from the EKS nodes group`);
    return result(this, fromNodes.length === 0 ? 'fail' : other.length > 0 ? 'warn' : 'pass', evidence, fromNodes.length === 0 || other.length > 0 ? { change: 'RDS group: ingress tcp 5432 from the EKS nodes group only (the model catalog)', command } : undefined);
  },
};
