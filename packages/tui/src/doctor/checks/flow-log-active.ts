import { type Check, result } from '../types.js';

/**
 * A flow log on the VPC, active, capturing ALL traffic every 60 s, and delivering: an ACTIVE flow
 * log whose delivery FAILED writes nothing (AWS, "FlowLog", EC2 API Reference: DeliverLogsStatus
 * SUCCESS | FAILED, DeliverLogsErrorMessage "Rate limited", "Access error" or "Unknown error").
 */
export const flowLogActive: Check = {
  id: 'flow-log-active',
  title: 'The VPC flow log is active, traffic type ALL, 60-second aggregation',
  needs: ['flow-logs'],
  run(ctx) {
    const logs = ctx.model.flowLogs;
    const command = `aws ec2 describe-flow-logs --filter "Name=resource-id,Values=${ctx.model.vpc?.id ?? '<vpc-id>'}"`;
    if (logs.length === 0)
      return result(this, 'fail', ['no flow log on the VPC: security incidents cannot be investigated'], {
        change: 'flowLogs.enabled: true (the default)',
        command,
      });
    const captures = logs.filter(
      (l) =>
        (l.status === 'ACTIVE' || l.status === 'planned') &&
        l.trafficType === ctx.spec.flowLogs.trafficType &&
        l.maxAggregationIntervalSeconds === ctx.spec.flowLogs.maxAggregationIntervalSeconds,
    );
    const good = captures.filter((l) => l.deliveryStatus !== 'FAILED');
    const delivery = (l: (typeof logs)[number]) => (l.deliveryStatus === 'FAILED' ? `, delivery FAILED${l.deliveryError ? ` (${l.deliveryError})` : ''}` : '');
    const evidence = logs.map((l) => `${l.id}: ${l.status}, traffic ${l.trafficType}, aggregation ${l.maxAggregationIntervalSeconds ?? '?'} s${delivery(l)}`);
    if (good.length > 0) return result(this, 'pass', evidence);
    if (captures.length > 0) {
      // Captures as asked, but nothing arrives: the role or the destination is the fix, not the settings.
      const access = captures.some((l) => /access/i.test(l.deliveryError ?? ''));
      return result(this, 'fail', evidence, {
        change: access
          ? "let the flow log's IAM role write to the log group: logs:CreateLogStream, logs:PutLogEvents, logs:DescribeLogGroups, logs:DescribeLogStreams, trusted by vpc-flow-logs.amazonaws.com (the constructs create such a role)"
          : 'delivery fails: check the log group exists and the account is not throttled (CloudWatch Logs quotas), then recreate the flow log',
        command,
      });
    }
    return result(this, 'fail', evidence, {
      change: `a flow log with traffic type ${ctx.spec.flowLogs.trafficType} and ${ctx.spec.flowLogs.maxAggregationIntervalSeconds} s aggregation (the seed: ALL, 60 s)`,
      command,
    });
  },
};
