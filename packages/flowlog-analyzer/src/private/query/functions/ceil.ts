import { asNumber } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `ceil(a)`: round up to the nearest integer (AWS, "Boolean, comparison, numeric, datetime, and other functions"). */
export const ceil: ScalarFunction = {
  kind: 'scalar',
  name: 'ceil',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const n = asNumber(arg!(row));
      if (n === undefined) return null;
      const out = Math.ceil(n);
      return Number.isFinite(out) ? out : null;
    },
};
