/**
 * Insights' regular expressions accept inline flags such as `(?i)` (AWS's example
 * `filter f1 =~ /^(?i)Exception$/`); JavaScript's RegExp does not. Each `(?i)`, `(?s)`, `(?m)`
 * outside a character class is removed and becomes a flag of the whole expression.
 */
export function normalizeRegex(source: string, flags: string): { source: string; flags: string } {
  let out = '';
  const added = new Set(flags.split(''));
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    if (!inClass && c === '(' && source[i + 1] === '?') {
      const match = /^\(\?([ism]+)\)/.exec(source.slice(i));
      if (match) {
        for (const f of match[1]!) added.add(f);
        i += match[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return { source: out, flags: [...added].filter((f) => f !== '').join('') };
}
