import { asNumber, formatTimestamp } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `fromMillis(n)`: milliseconds since the Unix epoch as a timestamp (AWS, datetime functions). */
export const fromMillis: ScalarFunction = {
  kind: 'scalar',
  name: 'fromMillis',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const n = asNumber(arg!(row));
      return n === undefined || !Number.isFinite(n) || Math.abs(n) > 8.64e15 ? null : formatTimestamp(n);
    },
};
