import { type Check, result } from '../types.js';

/** Recent events exist: the flow log is really delivering. */
export const flowLogRecentEvents: Check = {
  id: 'flow-log-recent-events',
  title: 'Recent flow-log events exist',
  needs: ['recent-events'],
  async run(ctx) {
    if (ctx.model.source === 'live') {
      const recent = ctx.model.logGroup?.recentEvents;
      if (recent === undefined) return result(this, 'unknown', ['the flow-log group was not found or could not be read, so recent events are unknown']);
      return result(
        this,
        recent > 0 ? 'pass' : 'fail',
        [recent > 0 ? `${recent}+ events in the last 30 minutes` : 'no event in the last 30 minutes'],
        recent > 0
          ? undefined
          : {
              change: 'check the delivery role (it must be able to write to the log group) and DeliverLogsStatus',
              command: `aws ec2 describe-flow-logs --query 'FlowLogs[*].[FlowLogId,DeliverLogsStatus,DeliverLogsErrorMessage]'`,
            },
      );
    }
    if (!ctx.flowLogQuery) return result(this, 'skipped', ['offline without --flow-logs: nothing to read']);
    const rows = await ctx.flowLogQuery('stats count() as records, max(endTime) as last');
    const records = Number(rows[0]?.['records'] ?? 0);
    return result(this, records > 0 ? 'pass' : 'fail', [
      `${records} records in the given flow logs${rows[0]?.['last'] ? `, the last ending ${new Date(Number(rows[0]['last']) * 1000).toISOString()}` : ''}`,
    ]);
  },
};
