import { asNumber } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `sqrt(a)`: square root (null for a negative number) (AWS, "Boolean, comparison, numeric, datetime, and other functions"). */
export const sqrt: ScalarFunction = {
  kind: 'scalar',
  name: 'sqrt',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const n = asNumber(arg!(row));
      if (n === undefined) return null;
      const out = Math.sqrt(n);
      return Number.isFinite(out) ? out : null;
    },
};
