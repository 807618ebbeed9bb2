import { asNumber } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `log(a)`: natural logarithm (null where it is undefined) (AWS, "Boolean, comparison, numeric, datetime, and other functions"). */
export const log: ScalarFunction = {
  kind: 'scalar',
  name: 'log',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const n = asNumber(arg!(row));
      if (n === undefined) return null;
      const out = Math.log(n);
      return Number.isFinite(out) ? out : null;
    },
};
