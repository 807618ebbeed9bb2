import { type Check, result } from '../types.js';

/** Interface endpoints have a network interface in every AZ that has private subnets. */
export const endpointsCoverAzs: Check = {
  id: 'endpoints-cover-azs',
  title: "Interface endpoints cover every private subnet's AZ",
  needs: ['endpoints', 'subnets'],
  run(ctx) {
    const privateSubnets = ctx.model.subnets.filter((s) => s.tier === 'private');
    const interfaces = ctx.model.endpoints.filter((e) => e.type === 'Interface');
    if (interfaces.length === 0) return result(this, 'skipped', ['no interface endpoint to check']);
    const azOf = new Map(ctx.model.subnets.map((s) => [s.id, s.availabilityZoneId ?? s.availabilityZone ?? s.id]));
    const wanted = [...new Set(privateSubnets.map((s) => azOf.get(s.id)!))];
    const gaps = interfaces.flatMap((e) => {
      const have = new Set(e.subnetIds.map((id) => azOf.get(id)));
      return wanted.filter((az) => !have.has(az)).map((az) => `${e.service} has no interface in ${az}`);
    });
    return result(
      this,
      gaps.length === 0 ? 'pass' : 'warn',
      gaps.length === 0 ? [`${interfaces.length} endpoints in ${wanted.length} AZs (${wanted.join(', ')})`] : gaps,
      gaps.length === 0 ? undefined : { change: 'put each interface endpoint in one private subnet per AZ (cross-AZ calls cost and fail with the AZ)' },
    );
  },
};
