import { type Check, result } from '../types.js';

/** Private DNS on every interface endpoint: SDK calls resolve to the endpoint, not the internet. */
export const endpointsPrivateDns: Check = {
  id: 'endpoints-private-dns',
  title: 'Private DNS is enabled on every interface endpoint',
  needs: ['endpoints'],
  run(ctx) {
    const interfaces = ctx.model.endpoints.filter((e) => e.type === 'Interface');
    if (interfaces.length === 0) return result(this, 'skipped', ['no interface endpoint to check']);
    const off = interfaces.filter((e) => !e.privateDns);
    return result(
      this,
      off.length === 0 ? 'pass' : 'fail',
      off.length === 0
        ? [`${interfaces.length} interface endpoints, all with private DNS`]
        : off.map((e) => `${e.service} (${e.id}) has private DNS off: ${e.service} calls go to the public endpoint, which a private subnet cannot reach`),
      off.length === 0
        ? undefined
        : {
            change: 'enable private DNS on those endpoints (ArtosNetwork always sets PrivateDnsEnabled: true)',
            command: `aws ec2 describe-vpc-endpoints --vpc-endpoint-ids ${off[0]!.id} --query 'VpcEndpoints[0].PrivateDnsEnabled'`,
          },
    );
  },
};
