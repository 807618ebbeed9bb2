/** What marks a tier on the maps: a character on the text strip, a colour in the SVG. */
export interface TierMark {
  readonly tier: string;
  readonly glyph: string;
  readonly colour: string;
}

/** Free address space on the text strip. */
export const FREE_GLYPH = '.';
/** A character of the strip that covers subnets of more than one tier. */
export const MIXED_GLYPH = '*';

const COLOURS = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1', '#b83280', '#718096', '#975a16', '#0987a0'];
const RESERVED = new Set([FREE_GLYPH, MIXED_GLYPH]);

/**
 * One distinct glyph and colour per tier, in tier order: the first letter of the name not yet
 * taken (lower case, then upper case), else a digit. Distinct by construction, so `private` and
 * `pods` are never both `p` (they were, and the legend listed `p` twice).
 */
export function tierMarks(tiers: readonly string[]): TierMark[] {
  const taken = new Set<string>(RESERVED);
  return tiers.map((tier, i) => {
    const letters = [...tier.toLowerCase()].filter((c) => /[a-z0-9]/.test(c));
    const candidates = [...letters, ...letters.map((c) => c.toUpperCase()), ...'123456789abcdefghijklmnopqrstuvwxyz'];
    const glyph = candidates.find((c) => !taken.has(c)) ?? '?';
    taken.add(glyph);
    return { tier, glyph, colour: COLOURS[i % COLOURS.length]! };
  });
}

/** Legend lines, one per mark, the glyphs in one column and the meanings in the next. */
export function legendLines(entries: readonly (readonly [glyph: string, meaning: string])[], indent = '  '): string[] {
  const width = Math.max(0, ...entries.map(([g]) => g.length));
  return entries.map(([glyph, meaning]) => `${indent}${glyph.padEnd(width)}  ${meaning}`);
}
