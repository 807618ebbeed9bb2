import { findCannedQuery } from '@artos/flowlog-analyzer';
import { type Check, result } from '../types.js';

/** Recent REJECTs on 5432 in the flow logs, each explained by the evaluator. */
export const recentPostgresRejects: Check = {
  id: 'recent-postgres-rejects',
  title: 'No recent REJECTs on PostgreSQL (5432) in the flow logs',
  needs: ['log-group'],
  async run(ctx) {
    const command = `aws logs filter-log-events --log-group-name ${ctx.model.logGroup?.name ?? '/vpc/<vpc-id>/flow-logs'} --filter-pattern "[version, account, eni, source, destination, srcport, destport=\\"5432\\", protocol, packets, bytes, windowstart, windowend, action=\\"REJECT\\", flowlogstatus]"`;
    if (!ctx.flowLogQuery)
      return result(this, 'skipped', ['no flow logs given (--flow-logs FILE, or --live with the flow-log group)'], {
        change: 'give flow logs to check',
        command,
      });
    const rows = await ctx.flowLogQuery(findCannedQuery('rejected-postgres')!.text());
    if (rows.length === 0) return result(this, 'pass', ['no REJECT on 5432 in the flow logs']);
    const evidence = rows
      .slice(0, 10)
      .map(
        (r) =>
          `${r['rejects']}× ${ctx.annotator.explain({ srcAddr: r['srcAddr'] ?? '?', dstAddr: r['dstAddr'] ?? '?', dstPort: 5432, protocol: 6, action: 'REJECT' }).text}`,
      );
    return result(this, 'fail', evidence, {
      change: 'a client outside the EKS nodes group tries the database: attach the nodes group to it if it should connect, or stop it',
      command,
    });
  },
};
