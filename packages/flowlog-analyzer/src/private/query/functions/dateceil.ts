import { formatTimestamp, timestampMs } from '../../engine/values.js';
import { periodArg } from './bin.js';
import type { ScalarFunction } from './function-def.js';

/** `dateceil(a, period)`: rounds the timestamp up to the period: `dateceil(@timestamp, 1h)` is the top of the hour (AWS, datetime functions). */
export const dateceil: ScalarFunction = {
  kind: 'scalar',
  name: 'dateceil',
  minArgs: 2,
  args: ['any', 'period'],
  compile: ([arg], call) => {
    const period = periodArg(call, 1);
    return (row) => {
      const t = timestampMs(arg!(row));
      return t === undefined ? null : formatTimestamp(Math.ceil(t / period) * period);
    };
  },
};
