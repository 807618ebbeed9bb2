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

/** Insights shows timestamps as `2021-01-01 00:05:00.000` (UTC). */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** Every result value is text, as GetQueryResults returns it. */
export function formatValue(v: Value | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  return String(v);
}

const PERIOD_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `5m` → 300000. Months, quarters and years are calendar-aligned in Insights; not supported here. */
export function periodMs(text: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h|d|w)$/.exec(text);
  return match ? Number(match[1]) * PERIOD_MS[match[2]!]! : undefined;
}
