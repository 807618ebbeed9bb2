import type { FieldValue } from '../record-parser.js';

export type Value = FieldValue | boolean;

/** A number, if the value is one or is text that reads as one. */
export function asNumber(v: Value | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** Equality as Insights applies it: numerically when both sides read as numbers, else as text. */
export function looseEquals(a: Value | undefined, b: Value | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = asNumber(a);
    const y = asNumber(b);
    return x !== undefined && y !== undefined && x === y;
  }
  return String(a) === String(b);
}

/** Ordering for comparisons and sort: numbers before text, null last. */
export function compareValues(a: Value | undefined, b: Value | undefined): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull && bNull ? 0 : aNull ? 1 : -1;
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  const s = String(a);
  const t = String(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** A value Insights' sort treats as a number: only digits (with a sign or a decimal point), not a mix. */
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

function sortNumber(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return typeof v === 'string' && NUMBER_TEXT.test(v) ? Number(v) : undefined;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Natural order of two texts, as the sort page describes it: runs of digits and runs of other
 * characters are compared chunk by chunk; two digit runs by length, then by value; anything else
 * by Unicode code units ("10.0.9.5" before "10.0.10.102", "5A" before "111A").
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const aDigit = isDigit(a.charCodeAt(i));
    const bDigit = isDigit(b.charCodeAt(j));
    let ie = i + 1;
    while (ie < a.length && isDigit(a.charCodeAt(ie)) === aDigit) ie++;
    let je = j + 1;
    while (je < b.length && isDigit(b.charCodeAt(je)) === bDigit) je++;
    const x = a.slice(i, ie);
    const y = b.slice(j, je);
    if (aDigit && bDigit) {
      if (x.length !== y.length) return x.length - y.length;
      if (x !== y) return x < y ? -1 : 1;
    } else if (x !== y) {
      // Compare the chunks as text; a chunk that is a prefix of the other sorts first.
      const n = Math.min(x.length, y.length);
      for (let k = 0; k < n; k++) {
        const d = x.charCodeAt(k) - y.charCodeAt(k);
        if (d !== 0) return d;
      }
      return x.length - y.length;
    }
    i = ie;
    j = je;
  }
  return a.length - i - (b.length - j);
}

/**
 * The order of `sort` (and of dedup, sortsFirst, sortsLast): non-numbers before numbers, numbers
 * by value, non-numbers in natural order. Missing values are not part of the order: the caller
 * puts them last in either direction (see `sortRows`).
 */
export function sortCompare(a: Value, b: Value): number {
  const x = sortNumber(a);
  const y = sortNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  if (x !== undefined) return 1;
  if (y !== undefined) return -1;
  return naturalCompare(String(a), String(b));
}

/**
 * A comparator over rows for sort keys. A row without a value sorts after every row with one,
 * ascending or descending: the NODATA group of AWS's "top 15 packet transfers" sample has no
 * sum and must not lead a descending sort.
 */
export function rowComparator<R>(keys: ReadonlyArray<{ readonly get: (row: R) => Value | undefined; readonly desc: boolean }>): (a: R, b: R) => number {
  return (ra, rb) => {
    for (const k of keys) {
      const a = k.get(ra);
      const b = k.get(rb);
      const aNull = a === null || a === undefined;
      const bNull = b === null || b === undefined;
      if (aNull || bNull) {
        if (aNull && bNull) continue;
        return aNull ? 1 : -1;
      }
      const c = sortCompare(a, b);
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  };
}

/** Insights shows timestamps as `2021-01-01 00:05:00.000` (UTC). */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** Every result value is text, as GetQueryResults returns it. */
export function formatValue(v: Value | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  // Insights returns booleans as 1 and 0 (strcontains is documented so; isPresent & co. likewise).
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  return String(v);
}

const PERIOD_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Periods Insights accepts in bin(), datefloor() and dateceil(). */
export const PERIOD = /^(\d+)(ms|s|m|h|d|w|mo|q|y)$/;

/** `5m` → 300000. Months, quarters and years are calendar-aligned in Insights; not supported here. */
export function periodMs(text: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h|d|w)$/.exec(text);
  return match ? Number(match[1]) * PERIOD_MS[match[2]!]! : undefined;
}

/** Milliseconds of a timestamp value: a number of ms, or text as Insights shows timestamps. */
export function timestampMs(v: Value | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(\.\d{1,3})?)Z?$/.exec(v);
  if (!match) return undefined;
  const ms = Date.parse(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
