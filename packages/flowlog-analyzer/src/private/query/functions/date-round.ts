import { formatTimestamp, timestampMs } from '../../engine/values.js';
import { periodArg } from './bin.js';
import type { ScalarFunction } from './function-def.js';

/** `datefloor` and `dateceil`: the timestamp rounded to a multiple of the period by `round`. */
export function dateRound(name: string, round: (x: number) => number): ScalarFunction {
  return {
    kind: 'scalar',
    name,
    minArgs: 2,
    args: ['any', 'period'],
    compile: ([arg], call) => {
      const period = periodArg(call, 1);
      return (row) => {
        const t = timestampMs(arg!(row));
        return t === undefined ? null : formatTimestamp(round(t / period) * period);
      };
    },
  };
}
