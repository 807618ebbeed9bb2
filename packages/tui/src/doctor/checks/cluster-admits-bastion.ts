import { type Check, result } from '../types.js';
import { describeViewRule, group, rulesFor } from '../view-rules.js';

/** The EKS cluster group admits 443 from the bastion. */
export const clusterAdmitsBastion: Check = {
  id: 'cluster-admits-bastion',
  title: 'The EKS cluster group admits HTTPS (443) from the bastion',
  run(ctx) {
    const cluster = group(ctx.view, 'eks-cluster');
    const bastion = ctx.spec.bastionSecurityGroupId;
    const command = `aws ec2 describe-security-groups --group-ids ${cluster?.id ?? '<eks-cluster-sg>'} --query 'SecurityGroups[0].IpPermissions[?ToPort==\`443\`]'`;
    if (!cluster) return result(this, 'fail', ['no security group tagged artos:role=eks-cluster'], { change: 'deploy the catalog groups (ArtosNetwork)', command });
    if (!bastion) return result(this, 'fail', ['no bastion group in the spec, so no rule can admit it'], { change: 'set bastionSecurityGroupId and additionalSecurityGroupIds', command });
    const rules = rulesFor(cluster, 'ingress', 'tcp', 443, (p) => p === bastion);
    return result(this, rules.length > 0 ? 'pass' : 'fail', rules.length > 0 ? rules.map((r) => `rule: ${describeViewRule(r)}`) : [`${cluster.id} has no ingress rule for tcp 443 from ${bastion}`], rules.length > 0 ? undefined : { change: `add ${bastion} to additionalSecurityGroupIds (adds "HTTPS from bastion/other resources")`, command });
  },
};
