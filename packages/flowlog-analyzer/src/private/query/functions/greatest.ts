import { asNumber } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `greatest(a, b, ...)`: the largest value; missing values are skipped (AWS, numeric operations). */
export const greatest: ScalarFunction = {
  kind: 'scalar',
  name: 'greatest',
  minArgs: 1,
  maxArgs: Infinity,
  compile: (args) => (row) => {
    let best: number | undefined;
    for (const a of args) {
      const n = asNumber(a(row));
      if (n !== undefined && (best === undefined || n > best)) best = n;
    }
    return best ?? null;
  },
};
