import { asNumber } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `greatest` and `least`: the value `better` prefers over all others; missing values are skipped. */
export function extremum(name: string, better: (a: number, b: number) => boolean): ScalarFunction {
  return {
    kind: 'scalar',
    name,
    minArgs: 1,
    maxArgs: Infinity,
    compile: (args) => (row) => {
      let best: number | undefined;
      for (const a of args) {
        const n = asNumber(a(row));
        if (n !== undefined && (best === undefined || better(n, best))) best = n;
      }
      return best ?? null;
    },
  };
}
