import type { ScalarFunction } from './function-def.js';

/** `isempty(field)`: true when the field is missing or an empty string (AWS, string functions). */
export const isempty: ScalarFunction = {
  kind: 'scalar',
  name: 'isempty',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const v = arg!(row);
      return v === null || v === undefined || v === '';
    },
};
