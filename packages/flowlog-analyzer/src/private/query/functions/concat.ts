import { formatValue } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `concat(a, b, ...)`: the strings joined; a missing value adds nothing (AWS, string functions). */
export const concat: ScalarFunction = {
  kind: 'scalar',
  name: 'concat',
  minArgs: 1,
  maxArgs: Infinity,
  compile: (args) => (row) => args.map((a) => formatValue(a(row)) ?? '').join(''),
};
