import { asNumber, formatValue } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `substr(s, start[, length])`, start counted from 0: `substr("xyZfooxyZ", 3, 3)` is `"foo"` (AWS, string functions). */
export const substr: ScalarFunction = {
  kind: 'scalar',
  name: 'substr',
  minArgs: 2,
  maxArgs: 3,
  compile:
    ([text, start, length]) =>
    (row) => {
      const s = formatValue(text!(row));
      const from = asNumber(start!(row));
      if (s === undefined || from === undefined) return null;
      const n = length ? asNumber(length(row)) : undefined;
      if (length && n === undefined) return null;
      const begin = Math.max(0, Math.trunc(from));
      return n === undefined ? s.slice(begin) : s.slice(begin, begin + Math.max(0, Math.trunc(n)));
    },
};
