import { routeText } from '@artos/model';
import { type Check, result } from '../types.js';

/**
 * The route table every database subnet uses (its own, or the main table it falls back to)
 * holds nothing but local routes: the database tier reaches only the VPC.
 */
export const databaseRouteTableIsolated: Check = {
  id: 'database-route-table-isolated',
  title: "The database subnets' route tables hold nothing but the local route",
  needs: ['route-tables', 'subnets'],
  run(ctx) {
    const databases = ctx.model.subnets.filter((s) => s.tier === 'database');
    if (databases.length === 0) return result(this, 'skipped', ['no database subnet in the network']);
    const evidence: string[] = [];
    const extra: string[] = [];
    for (const subnet of databases) {
      const explicit = ctx.model.routeTables.find((t) => t.subnetIds.includes(subnet.id));
      const table = explicit ?? ctx.model.routeTables.find((t) => t.main);
      if (!table) {
        evidence.push(`${subnet.id}: its route table is not known (existing subnets keep their own)`);
        continue;
      }
      const routes = table.routes.filter((r) => r.target.kind !== 'local');
      if (routes.length === 0) evidence.push(`${subnet.id} → ${table.id}${explicit ? '' : ' (main, implicit)'}: local route only`);
      for (const r of routes) extra.push(`${subnet.id} → ${table.id}${explicit ? '' : ' (main, implicit)'}: ${routeText(r)}`);
    }
    // One subnet whose table is not known is enough to leave "isolated" undecided: unknown, never pass.
    if (extra.length === 0 && evidence.some((e) => e.includes('not known'))) return result(this, 'unknown', evidence);
    const tableId = extra[0]?.split(' → ')[1]?.split(':')[0]?.split(' ')[0];
    return result(
      this,
      extra.length === 0 ? 'pass' : 'fail',
      extra.length === 0 ? evidence : extra,
      extra.length === 0
        ? undefined
        : {
            change: 'remove every non-local route from the database route table: databases reach only the VPC',
            command: `aws ec2 describe-route-tables --route-table-ids ${tableId ?? '<rtb-id>'} --query 'RouteTables[0].Routes'`,
          },
    );
  },
};
