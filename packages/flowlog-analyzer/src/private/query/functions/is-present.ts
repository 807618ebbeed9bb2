import type { ScalarFunction } from './function-def.js';

/** `isPresent(field)`: true when the field exists in the event (AWS, general functions). */
export const isPresent: ScalarFunction = {
  kind: 'scalar',
  name: 'isPresent',
  minArgs: 1,
  compile:
    ([arg]) =>
    (row) => {
      const v = arg!(row);
      return v !== null && v !== undefined;
    },
};
