import { type Check, result } from '../types.js';

/** The database route table holds the local route only. */
export const databaseRouteTableIsolated: Check = {
  id: 'database-route-table-isolated',
  title: 'The database route table holds nothing but the local route',
  run(ctx) {
    const tables = ctx.view.routeTables.filter((t) => t.tier === 'database');
    if (tables.length === 0) return result(this, ctx.view.source === 'live' ? 'warn' : 'skipped', ['no route table tagged artos:tier=database (existing subnets keep their own)']);
    const extra = tables.flatMap((t) => t.routes.map((r) => `${t.id}: ${r.destination} → ${r.target}`));
    return result(this, extra.length === 0 ? 'pass' : 'fail', extra.length === 0 ? tables.map((t) => `${t.id}: local route only`) : extra, extra.length === 0 ? undefined : { change: 'remove every route from the database route table: databases reach only the VPC', command: `aws ec2 describe-route-tables --route-table-ids ${tables[0]!.id} --query 'RouteTables[0].Routes'` });
  },
};
