import { timestampMs } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `toMillis(ts)`: a timestamp as milliseconds since the Unix epoch (AWS, datetime functions). */
export const toMillis: ScalarFunction = {
  kind: 'scalar',
  name: 'toMillis',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) =>
      timestampMs(arg!(row)) ?? null,
};
