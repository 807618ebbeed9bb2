import { asNumber } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `least(a, b, ...)`: the smallest value; missing values are skipped (AWS, numeric operations). */
export const least: ScalarFunction = {
  kind: 'scalar',
  name: 'least',
  minArgs: 1,
  maxArgs: Infinity,
  compile: (args) => (row) => {
    let best: number | undefined;
    for (const a of args) {
      const n = asNumber(a(row));
      if (n !== undefined && (best === undefined || n < best)) best = n;
    }
    return best ?? null;
  },
};
