import type { ScalarFunction } from './function-def.js';

/** `coalesce(a, b, ...)`: the first value that is not null (AWS, general functions). */
export const coalesce: ScalarFunction = {
  kind: 'scalar',
  name: 'coalesce',
  minArgs: 1,
  maxArgs: Infinity,
  compile: (args) => (row) => {
    for (const a of args) {
      const v = a(row);
      if (v !== null && v !== undefined) return v;
    }
    return null;
  },
};
