import { formatValue } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/** `replace(s, find, with)`: every instance replaced: `replace("foo", "o", "0")` is `"f00"` (AWS, string functions). */
export const replace: ScalarFunction = {
  kind: 'scalar',
  name: 'replace',
  minArgs: 3,
  compile:
    ([text, find, by]) =>
    (row) => {
      const s = formatValue(text!(row));
      const f = formatValue(find!(row));
      const w = formatValue(by!(row)) ?? '';
      if (s === undefined || f === undefined) return null;
      return f === '' ? s : s.split(f).join(w);
    },
};
