import { type Check, result } from '../types.js';
import { coversCidr, describeViewRule, group, rulesFor } from '../view-rules.js';

/** The endpoints group admits 443 from the VPC CIDR, and the interface endpoints carry it. */
export const endpointsGroup443: Check = {
  id: 'endpoints-group-443',
  title: 'The VPC endpoints group admits HTTPS (443) from the VPC CIDR',
  run(ctx) {
    const g = group(ctx.view, 'vpc-endpoints');
    const cidr = ctx.view.vpc?.cidr ?? ctx.spec.vpcCidr;
    if (!g) return result(this, 'fail', ['no security group tagged artos:role=vpc-endpoints'], { change: 'deploy the catalog groups (ArtosNetwork)', command: 'aws ec2 describe-security-groups --filters Name=tag:artos:role,Values=vpc-endpoints' });
    const admitting = rulesFor(g, 'ingress', 'tcp', 443, coversCidr(cidr));
    const without = ctx.view.endpoints.filter((e) => e.type === 'Interface' && !e.securityGroupIds.includes(g.id));
    const evidence = [...(admitting.length > 0 ? admitting.map((r) => `rule: ${describeViewRule(r)}`) : [`no ingress rule of ${g.id} admits tcp 443 from ${cidr}`]), ...without.map((e) => `${e.service} does not carry ${g.id}`)];
    const ok = admitting.length > 0 && without.length === 0;
    return result(this, ok ? 'pass' : 'fail', evidence, ok ? undefined : { change: `add ingress tcp 443 from ${cidr} to the endpoints group and attach it to every interface endpoint`, command: `aws ec2 describe-security-groups --group-ids ${g.id} --query 'SecurityGroups[0].IpPermissions'` });
  },
};
