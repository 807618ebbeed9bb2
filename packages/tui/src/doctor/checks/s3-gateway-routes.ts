import { type Check, result } from '../types.js';

/** The S3 gateway endpoint is on the private route tables (and not on the database one). */
export const s3GatewayRoutes: Check = {
  id: 's3-gateway-routes',
  title: 'The S3 gateway endpoint is on the private route tables',
  run(ctx) {
    const s3 = ctx.view.endpoints.find((e) => e.service === 's3' && e.type === 'Gateway');
    if (!s3) return result(this, ctx.spec.enableVpcEndpoints ? 'fail' : 'skipped', ['no S3 gateway endpoint: image layers (ECR stores them in S3) cannot be pulled'], { change: 'deploy the S3 gateway endpoint (ArtosNetwork, enableVpcEndpoints)' });
    const privateTables = ctx.view.routeTables.filter((t) => t.tier === 'private').map((t) => t.id);
    const databaseTables = ctx.view.routeTables.filter((t) => t.tier === 'database').map((t) => t.id);
    const missing = privateTables.filter((t) => !s3.routeTableIds.includes(t));
    const extra = s3.routeTableIds.filter((t) => databaseTables.includes(t));
    const ok = missing.length === 0 && extra.length === 0 && privateTables.length > 0;
    return result(this, ok ? 'pass' : 'fail', [`S3 endpoint ${s3.id} on ${s3.routeTableIds.join(', ') || 'no route table'}`, ...missing.map((t) => `private route table ${t} lacks the S3 route`), ...extra.map((t) => `database route table ${t} has the S3 route: the database tier must stay isolated`)], ok ? undefined : { change: 'attach the S3 gateway endpoint to the private route tables only' });
  },
};
