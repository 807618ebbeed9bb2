import { formatTimestamp, timestampMs } from '../../engine/values.js';
import { periodArg } from './bin.js';
import type { ScalarFunction } from './function-def.js';

/** `datefloor(a, period)`: truncates the timestamp to the period: `datefloor(@timestamp, 1h)` is the bottom of the hour (AWS, datetime functions). */
export const datefloor: ScalarFunction = {
  kind: 'scalar',
  name: 'datefloor',
  minArgs: 2,
  args: ['any', 'period'],
  compile: ([arg], call) => {
    const period = periodArg(call, 1);
    return (row) => {
      const t = timestampMs(arg!(row));
      return t === undefined ? null : formatTimestamp(Math.floor(t / period) * period);
    };
  },
};
