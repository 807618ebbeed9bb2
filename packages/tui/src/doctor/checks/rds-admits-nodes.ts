import { evaluateFlow, ruleCoversService, ruleText } from '@artos/model';
import { groupWithRole, memberEnd } from '../model-queries.js';
import { type Check, result } from '../types.js';

/**
 * The RDS group admits 5432 from the EKS nodes (the seed: "Check if Source is EKS Nodes Security
 * Group"), asked of the evaluator for a member of each group; other peers admitted on 5432 warn.
 */
export const rdsAdmitsNodes: Check = {
  id: 'rds-admits-nodes',
  title: 'The RDS group admits PostgreSQL (5432) from the EKS nodes group',
  needs: ['security-groups', 'subnets'],
  run(ctx) {
    const rds = groupWithRole(ctx.model, 'rds');
    const nodes = groupWithRole(ctx.model, 'eks-nodes');
    const command = `aws ec2 describe-security-groups --group-ids ${rds?.id ?? '<rds-sg-id>'} --query 'SecurityGroups[0].IpPermissions[?ToPort==\`5432\`]'`;
    if (!rds || !nodes)
      return result(this, 'fail', [`no security group tagged artos:role=${rds ? 'eks-nodes' : 'rds'}`], {
        change: 'deploy the catalog groups (ArtosNetwork)',
        command,
      });
    const source = memberEnd(ctx.model, nodes);
    const destination = memberEnd(ctx.model, rds);
    if (!source || !destination) return result(this, 'unknown', ['no subnet with a known CIDR can hold a member of the groups']);
    const verdict = evaluateFlow(ctx.model, { source, destination, protocol: 6, port: 5432 });
    const ingress = verdict.hops.find((h) => h.step === 'destination-security-group')!;
    const others = rds.ingress.filter((r) => ruleCoversService(r, 6, 5432) && !(r.peer.kind === 'group' && r.peer.groupId === nodes.id));
    const evidence = [ingress.reason, ...others.map((r) => `also: ${ruleText(undefined, r)} (the seed admits the nodes group only)`)];
    if (ingress.status === 'unknown') return result(this, 'unknown', evidence);
    if (ingress.status !== 'pass')
      return result(this, 'fail', evidence, {
        change: `RDS group: ingress tcp 5432 from the EKS nodes group only (the model catalog)${ingress.fix ? `; ${ingress.fix}` : ''}`,
        command,
      });
    return result(
      this,
      others.length > 0 ? 'warn' : 'pass',
      evidence,
      others.length > 0 ? { change: 'remove the other 5432 ingress rules: the seed admits the nodes group only', command } : undefined,
    );
  },
};
