import { routeText } from '@artos/model';
import { type Check, result } from '../types.js';

/**
 * The S3 gateway endpoint's route is on the route table of every private subnet (its explicit
 * table, or the main table it uses implicitly) and on no database subnet's table.
 */
export const s3GatewayRoutes: Check = {
  id: 's3-gateway-routes',
  title: 'The S3 gateway endpoint routes every private subnet, and no database subnet',
  needs: ['endpoints', 'route-tables', 'subnets'],
  run(ctx) {
    const s3 = ctx.model.endpoints.find((e) => e.service === 's3' && e.type === 'Gateway');
    if (!s3)
      return result(this, ctx.spec.enableVpcEndpoints ? 'fail' : 'skipped', ['no S3 gateway endpoint: image layers (ECR stores them in S3) cannot be pulled'], {
        change: 'deploy the S3 gateway endpoint (ArtosNetwork, enableVpcEndpoints)',
      });
    const tableOf = (subnetId: string) => ctx.model.routeTables.find((t) => t.subnetIds.includes(subnetId)) ?? ctx.model.routeTables.find((t) => t.main);
    const hasS3 = (tableId: string) =>
      s3.routeTableIds.includes(tableId) ||
      (ctx.model.routeTables.find((t) => t.id === tableId)?.routes ?? []).some((r) => r.target.kind === 'gateway-endpoint' && r.target.endpointId === s3.id);
    const evidence: string[] = [`S3 endpoint ${s3.id} on ${s3.routeTableIds.join(', ') || 'no route table'}`];
    const problems: string[] = [];
    const notKnown: string[] = [];
    for (const subnet of ctx.model.subnets.filter((s) => s.tier)) {
      const table = tableOf(subnet.id);
      if (!table) {
        notKnown.push(`${subnet.tier} subnet ${subnet.id}: its route table is not known`);
        continue;
      }
      const via = `${table.id}${table.subnetIds.includes(subnet.id) ? '' : ' (main, implicit)'}`;
      if (subnet.tier === 'private' && !hasS3(table.id)) problems.push(`private subnet ${subnet.id} uses ${via}, which lacks the S3 route`);
      if (subnet.tier === 'database' && hasS3(table.id))
        problems.push(`database subnet ${subnet.id} uses ${via}, which has the S3 route: the database tier must stay isolated`);
    }
    const routes = ctx.model.routeTables.flatMap((t) => t.routes.filter((r) => r.target.kind === 'gateway-endpoint').map((r) => `${t.id}: ${routeText(r)}`));
    // A table that is not known (existing subnets keep tables the plan does not know) is no finding: unknown, not fail.
    if (problems.length === 0 && notKnown.length > 0) return result(this, 'unknown', [...evidence, ...routes, ...notKnown]);
    const ok = problems.length === 0;
    return result(
      this,
      ok ? 'pass' : 'fail',
      [...evidence, ...routes, ...problems, ...notKnown],
      ok
        ? undefined
        : {
            change: 'attach the S3 gateway endpoint to the route tables of the private subnets only',
            command: `aws ec2 describe-vpc-endpoints --vpc-endpoint-ids ${s3.id} --query 'VpcEndpoints[0].RouteTableIds'`,
          },
    );
  },
};
