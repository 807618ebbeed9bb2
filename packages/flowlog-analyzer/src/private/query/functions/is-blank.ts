import type { ScalarFunction } from './function-def.js';

/** `isblank(field)`: true when the field is missing, empty or only white space (AWS, string functions). */
export const isblank: ScalarFunction = {
  kind: 'scalar',
  name: 'isblank',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const v = arg!(row);
      return v === null || v === undefined || String(v).trim() === '';
    },
};
