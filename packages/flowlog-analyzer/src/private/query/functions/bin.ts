import { FlowLogError } from '../../errors.js';
import { fieldGetter } from '../../engine/row.js';
import { asNumber, formatTimestamp, periodMs } from '../../engine/values.js';
import type { CallExpr, ScalarFunction } from './function-def.js';

/** The period of a call's argument in milliseconds; calendar periods run only in CloudWatch. */
export function periodArg(call: CallExpr, index: number): number {
  const text = String((call.args[index] as { value: unknown }).value);
  const ms = periodMs(text);
  if (ms === undefined)
    throw new FlowLogError('query-unsupported', `${call.name}(..., ${text}): calendar periods (mo, q, y) run only in CloudWatch`, {
      hint: 'use ms, s, m, h, d or w locally, or run the query with --log-group',
    });
  return ms;
}

/** `bin(period)`: @timestamp rounded down to the period (AWS, datetime functions). */
export const bin: ScalarFunction = {
  kind: 'scalar',
  name: 'bin',
  minArgs: 1,
  args: ['period'],
  compile: (_args, call) => {
    const period = periodArg(call, 0);
    const ts = fieldGetter('@timestamp');
    return (row) => {
      const t = asNumber(ts(row));
      return t === undefined ? null : formatTimestamp(Math.floor(t / period) * period);
    };
  },
};
