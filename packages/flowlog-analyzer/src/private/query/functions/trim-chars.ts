import { formatValue } from '../../engine/values.js';
import type { ScalarFunction } from './function-def.js';

/**
 * `trim`, `ltrim`, `rtrim`: white space, or with a second argument the characters of that string,
 * removed from both ends, the left or the right: `trim("xyZfooxyZ", "xyZ")` is `"foo"` (AWS, string functions).
 */
export function trimFunction(name: string, left: boolean, right: boolean): ScalarFunction {
  return {
    kind: 'scalar',
    name,
    minArgs: 1,
    maxArgs: 2,
    compile:
      ([text, chars]) =>
      (row) => {
        const s = formatValue(text!(row));
        if (s === undefined) return null;
        const set = chars ? formatValue(chars(row)) : undefined;
        const strip = set === undefined ? (c: string) => /\s/.test(c) : (c: string) => set.includes(c);
        let start = 0;
        let end = s.length;
        if (left) while (start < end && strip(s[start]!)) start++;
        if (right) while (end > start && strip(s[end - 1]!)) end--;
        return s.slice(start, end);
      },
  };
}
