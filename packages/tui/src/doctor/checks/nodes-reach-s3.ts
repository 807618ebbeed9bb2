import { evaluateFlow, resolveEnd } from '@artos/model';
import { groupWithRole, memberEnd } from '../model-queries.js';
import { type Check, result } from '../types.js';

/**
 * The EKS nodes reach S3 through the gateway endpoint on 443: their group lets HTTPS out to the
 * S3 prefix list and their route table sends it to the endpoint. AWS, "Gateway endpoints for
 * Amazon S3": the security groups must allow traffic to S3 (the prefix list). ECR serves image
 * layers from S3, so without this no image can be pulled. The seed's table (VPC CIDR only) fails it.
 */
export const nodesReachS3: Check = {
  id: 'nodes-reach-s3',
  title: 'The EKS nodes reach S3 (image layers) through the gateway endpoint on 443',
  needs: ['security-groups', 'route-tables', 'endpoints', 'subnets'],
  run(ctx) {
    if (!ctx.spec.enableVpcEndpoints) return result(this, 'skipped', ['enableVpcEndpoints is false: no S3 gateway endpoint to reach']);
    const nodes = groupWithRole(ctx.model, 'eks-nodes');
    if (!nodes) return result(this, 'fail', ['no security group tagged artos:role=eks-nodes'], { change: 'deploy the catalog groups (ArtosNetwork)' });
    const s3 = resolveEnd(ctx.model, 's3');
    const source = memberEnd(ctx.model, nodes);
    // No S3 prefix list because the lists could not be read says nothing about the endpoint: unknown, naming the call.
    const unreadLists = ctx.model.problems.filter((p) => p.part === 'prefix-lists');
    if (!s3.ok && unreadLists.length > 0)
      return result(this, 'unknown', [s3.message, ...unreadLists.map((p) => `${p.action}: ${p.detail}`)], { change: unreadLists[0]!.fix });
    if (!s3.ok || !source)
      return result(this, 'fail', [s3.ok ? 'no member of the nodes group can be placed' : s3.message], {
        change: 'deploy the S3 gateway endpoint on the private route tables (ArtosNetwork, enableVpcEndpoints)',
      });
    const verdict = evaluateFlow(ctx.model, { source, destination: s3.end, protocol: 6, port: 443 });
    const evidence = verdict.hops.filter((h) => h.status !== 'not-applicable').map((h) => `${h.step}: ${h.reason}`);
    if (verdict.decision === 'admitted') return result(this, 'pass', evidence);
    if (verdict.decision === 'unknown') return result(this, 'unknown', evidence);
    return result(this, 'fail', [verdict.summary, ...verdict.blocking.map((h) => `fix: ${h.fix}`)], {
      change: 'nodes group egress: tcp 443 to the S3 prefix list (ArtosNetwork adds it; the seed\'s "VPC CIDR only" egress blocks ECR image layers)',
      command: `aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values=com.amazonaws.${ctx.region}.s3`,
    });
  },
};
