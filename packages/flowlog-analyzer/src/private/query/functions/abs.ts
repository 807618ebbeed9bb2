import { asNumber } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `abs(a)`: absolute value (AWS, "Boolean, comparison, numeric, datetime, and other functions"). */
export const abs: ScalarFunction = {
  kind: 'scalar',
  name: 'abs',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const n = asNumber(arg!(row));
      if (n === undefined) return null;
      const out = Math.abs(n);
      return Number.isFinite(out) ? out : null;
    },
};
