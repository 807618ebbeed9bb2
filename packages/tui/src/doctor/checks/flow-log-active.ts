import { type Check, result } from '../types.js';

/** A flow log on the VPC, active, capturing ALL traffic every 60 s. */
export const flowLogActive: Check = {
  id: 'flow-log-active',
  title: 'The VPC flow log is active, traffic type ALL, 60-second aggregation',
  needs: ['flow-logs'],
  run(ctx) {
    const logs = ctx.model.flowLogs;
    const command = `aws ec2 describe-flow-logs --filter "Name=resource-id,Values=${ctx.model.vpc?.id ?? '<vpc-id>'}"`;
    if (logs.length === 0) return result(this, 'fail', ['no flow log on the VPC: security incidents cannot be investigated'], { change: 'flowLogs.enabled: true (the default)', command });
    const good = logs.filter((l) => (l.status === 'ACTIVE' || l.status === 'planned') && l.trafficType === ctx.spec.flowLogs.trafficType && l.maxAggregationIntervalSeconds === ctx.spec.flowLogs.maxAggregationIntervalSeconds);
    const evidence = logs.map((l) => `${l.id}: ${l.status}, traffic ${l.trafficType}, aggregation ${l.maxAggregationIntervalSeconds ?? '?'} s`);
    return result(this, good.length > 0 ? 'pass' : 'fail', evidence, good.length > 0 ? undefined : { change: `a flow log with traffic type ${ctx.spec.flowLogs.trafficType} and ${ctx.spec.flowLogs.maxAggregationIntervalSeconds} s aggregation (the seed: ALL, 60 s)`, command });
  },
};
