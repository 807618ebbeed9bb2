import { flowLogGroupName } from '@artos/model';
import { type Check, result } from '../types.js';

/** Delivering to /vpc/{vpc_id}/flow-logs, kept for the spec's retention (the seed: 14 days). */
export const flowLogDestination: Check = {
  id: 'flow-log-destination',
  title: 'Delivering to /vpc/{vpc_id}/flow-logs with 14-day retention',
  needs: ['flow-logs', 'log-group'],
  run(ctx) {
    const expected = flowLogGroupName(ctx.spec, ctx.model.source === 'live' ? ctx.model.vpc?.id : ctx.spec.vpcId);
    const names = ctx.model.flowLogs.map((l) => l.logGroupName ?? '?');
    const nameOk = names.includes(expected);
    const retention = ctx.model.logGroup?.retentionDays;
    const retentionOk = retention === ctx.spec.flowLogs.retentionDays;
    const evidence = [
      `log group: ${names.join(', ') || 'none'} (expected ${expected})`,
      `retention: ${retention === undefined ? 'never expires / unknown' : `${retention} days`} (expected ${ctx.spec.flowLogs.retentionDays})`,
    ];
    const ok = nameOk && retentionOk;
    return result(
      this,
      ok ? 'pass' : 'fail',
      evidence,
      ok
        ? undefined
        : {
            change: `deliver to ${expected} and set its retention to ${ctx.spec.flowLogs.retentionDays} days`,
            command: `aws logs describe-log-groups --log-group-name-prefix ${expected}`,
          },
    );
  },
};
