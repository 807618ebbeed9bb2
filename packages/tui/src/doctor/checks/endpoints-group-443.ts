import { cidr, evaluateFlow, formatIpv4 } from '@artos/model';
import { endpointEnd, groupWithRole } from '../model-queries.js';
import { type Check, result } from '../types.js';

/**
 * The interface endpoints admit HTTPS from every private subnet: asked of the evaluator for a
 * host of each private subnet that carries no group (so only CIDR rules can admit it, as the
 * seed's "HTTPS from all VPC resources" does), to an interface of each endpoint.
 */
export const endpointsGroup443: Check = {
  id: 'endpoints-group-443',
  title: 'The VPC endpoints admit HTTPS (443) from the whole VPC',
  needs: ['endpoints', 'security-groups', 'subnets'],
  run(ctx) {
    const group = groupWithRole(ctx.model, 'vpc-endpoints');
    const interfaces = ctx.model.endpoints.filter((e) => e.type === 'Interface');
    if (interfaces.length === 0) return result(this, 'skipped', ['no interface endpoint to check']);
    const command = `aws ec2 describe-security-groups --group-ids ${group?.id ?? '<vpc-endpoints-sg>'} --query 'SecurityGroups[0].IpPermissions'`;
    const hosts = ctx.model.subnets.filter((s) => s.tier === 'private' && s.cidr).map((s) => ({ subnet: s.id, address: formatIpv4(cidr(s.cidr!).base + 4) }));
    const evidence: string[] = [];
    const failures: string[] = [];
    for (const endpoint of interfaces) {
      const without = group ? !endpoint.securityGroupIds.includes(group.id) : false;
      if (without) failures.push(`${endpoint.service} (${endpoint.id}) does not carry the endpoints group ${group!.id}`);
      const destination = endpointEnd(ctx.model, endpoint);
      if (!destination) {
        failures.push(`${endpoint.service} (${endpoint.id}) has no interface in a subnet with a known CIDR`);
        continue;
      }
      for (const host of hosts) {
        const verdict = evaluateFlow(ctx.model, {
          source: { address: host.address, groupIds: [], label: `a host in ${host.subnet}` },
          destination,
          protocol: 6,
          port: 443,
        });
        const ingress = verdict.hops.find((h) => h.step === 'destination-security-group')!;
        if (ingress.status !== 'pass') failures.push(`${endpoint.service}: ${ingress.reason}`);
        else if (evidence.length === 0) evidence.push(ingress.reason);
      }
    }
    const ok = failures.length === 0;
    return result(
      this,
      ok ? 'pass' : 'fail',
      ok ? evidence : failures.slice(0, 12),
      ok
        ? undefined
        : {
            change: `give every interface endpoint the vpc-endpoints group, with ingress tcp 443 from the VPC CIDR ${ctx.model.vpc?.cidrs[0] ?? ctx.spec.vpcCidr}`,
            command,
          },
    );
  },
};
