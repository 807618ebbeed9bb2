import { evaluateFlow, memberOf } from '@artos/model';
import { groupWithRole, memberEnd } from '../model-queries.js';
import { type Check, result } from '../types.js';

/** The EKS cluster group admits 443 from the bastion (asked of the evaluator for a bastion member). */
export const clusterAdmitsBastion: Check = {
  id: 'cluster-admits-bastion',
  title: 'The EKS cluster group admits HTTPS (443) from the bastion',
  needs: ['security-groups', 'subnets'],
  run(ctx) {
    const cluster = groupWithRole(ctx.model, 'eks-cluster');
    const bastion = ctx.spec.bastionSecurityGroupId;
    const command = `aws ec2 describe-security-groups --group-ids ${cluster?.id ?? '<eks-cluster-sg>'} --query 'SecurityGroups[0].IpPermissions[?ToPort==\`443\`]'`;
    if (!bastion) return result(this, 'skipped', ['the spec has no bastion group']);
    if (!cluster)
      return result(this, 'fail', ['no security group tagged artos:role=eks-cluster'], { change: 'deploy the catalog groups (ArtosNetwork)', command });
    const source = memberOf(
      ctx.model,
      ctx.model.securityGroups.find((g) => g.id === bastion),
      bastion,
    );
    const destination = memberEnd(ctx.model, cluster);
    if (!source.ok || !destination) return result(this, 'unknown', [source.ok ? 'no place for a cluster member' : source.message]);
    const ingress = evaluateFlow(ctx.model, { source: source.end, destination, protocol: 6, port: 443 }).hops.find(
      (h) => h.step === 'destination-security-group',
    )!;
    if (ingress.status === 'pass') return result(this, 'pass', [ingress.reason]);
    return result(this, ingress.status === 'unknown' ? 'unknown' : 'fail', [ingress.reason], {
      change: `add ${bastion} to additionalSecurityGroupIds in the spec (ArtosNetwork adds "HTTPS from bastion/other resources")`,
      command,
    });
  },
};
