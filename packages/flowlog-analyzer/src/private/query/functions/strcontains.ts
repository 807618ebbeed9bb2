import { formatValue } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `strcontains(s, part)`: the number 1 when s contains part, else 0 (AWS, string functions). */
export const strcontains: ScalarFunction = {
  kind: 'scalar',
  name: 'strcontains',
  minArgs: 2,
  compile:
    ([text, part]) =>
    (row) => {
      const s = formatValue(text!(row));
      const p = formatValue(part!(row));
      if (s === undefined || p === undefined) return null;
      return s.includes(p) ? 1 : 0;
    },
};
