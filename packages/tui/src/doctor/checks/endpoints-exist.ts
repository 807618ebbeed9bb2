import { type Check, result } from '../types.js';

const AVAILABLE = new Set(['available', 'Available', 'planned']);

/** Every expected endpoint exists and is available (the seed's first step). */
export const endpointsExist: Check = {
  id: 'endpoints-exist',
  title: 'Every expected VPC endpoint exists and is available',
  needs: ['endpoints'],
  run(ctx) {
    if (!ctx.spec.enableVpcEndpoints)
      return result(this, 'skipped', ['enableVpcEndpoints is false: pods reach no AWS service privately'], {
        change: 'set enableVpcEndpoints: true in the spec',
      });
    const endpoints = ctx.model.endpoints;
    const expected = ['s3', ...ctx.spec.interfaceEndpointServices];
    const missing = expected.filter((s) => !endpoints.some((e) => e.service === s));
    const unavailable = endpoints.filter((e) => expected.includes(e.service) && !AVAILABLE.has(e.state));
    const evidence = [
      `${expected.length - missing.length} of ${expected.length} endpoints found: ${endpoints.map((e) => `${e.service} (${e.state})`).join(', ') || 'none'}`,
      ...missing.map((s) => `missing: com.amazonaws.${ctx.region}.${s}`),
      ...unavailable.map((e) => `${e.service} (${e.id}) is ${e.state}, not available`),
    ];
    const ok = missing.length === 0 && unavailable.length === 0;
    return result(
      this,
      ok ? 'pass' : 'fail',
      evidence,
      ok
        ? undefined
        : {
            change:
              missing.length > 0
                ? `deploy the missing endpoints (ArtosNetwork creates them from interfaceEndpointServices): ${missing.join(', ')}`
                : 'wait for pending endpoints, or recreate the failed ones',
            command: `aws ec2 describe-vpc-endpoints --filters "Name=vpc-id,Values=${ctx.model.vpc?.id ?? '<vpc-id>'}" --query 'VpcEndpoints[*].[ServiceName,State]' --output table`,
          },
    );
  },
};
