import { driftApplies, setDrift } from '../drift.js';
import { type Check, result } from '../types.js';

/** Flow-log settings and retention, deployed against planned. */
export const driftFlowLogs: Check = {
  id: 'drift-flow-logs',
  title: 'Flow-log settings match the model',
  needs: ['flow-logs', 'log-group'],
  run(ctx) {
    if (!driftApplies(ctx)) return result(this, 'skipped', ['the spec is the model: give --template or --live']);
    const keys = (m: typeof ctx.model) => [
      ...m.flowLogs.map(
        (f) => `flow log: traffic ${f.trafficType}, aggregation ${f.maxAggregationIntervalSeconds ?? '?'} s, format ${f.logFormat ?? 'default'}`,
      ),
      ...(m.logGroup ? [`log group retention: ${m.logGroup.retentionDays ?? 'never expires'} days`] : []),
    ];
    const drift = setDrift(keys(ctx.planned), keys(ctx.model));
    const lines = [...drift.missing.map((k) => `missing: ${k}`), ...drift.extra.map((k) => `extra: ${k}`)];
    if (lines.length === 0) return result(this, 'pass', ['flow log and retention as planned']);
    return result(this, 'fail', lines, {
      change: 'restore the flow log (ALL, 60 s) and its retention (cdk deploy)',
      command: 'aws ec2 describe-flow-logs --filter Name=resource-id,Values=<vpc-id>',
    });
  },
};
