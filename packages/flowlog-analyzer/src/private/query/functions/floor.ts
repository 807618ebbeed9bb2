import { asNumber } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `floor(a)`: round down to the nearest integer (AWS, "Boolean, comparison, numeric, datetime, and other functions"). */
export const floor: ScalarFunction = {
  kind: 'scalar',
  name: 'floor',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const n = asNumber(arg!(row));
      if (n === undefined) return null;
      const out = Math.floor(n);
      return Number.isFinite(out) ? out : null;
    },
};
