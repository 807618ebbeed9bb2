import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../prng.js';
import { EXACT_DISTINCT, PercentileSummary, RELATIVE_ACCURACY } from './percentile-summary.js';
import { runQueryOnText } from '../run-query.js';

/** The independent answer: sort every value, take the one at rank ceil(p/100 · n) (nearest rank). */
const sortedCache = new WeakMap<readonly number[], number[]>();
function nearestRank(values: readonly number[], p: number): number {
  let sorted = sortedCache.get(values);
  if (!sorted) sortedCache.set(values, (sorted = [...values].sort((a, b) => a - b)));
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}
const PS = [0.1, 1, 25, 50, 75, 90, 95, 99, 99.9, 100];

function summaryOf(values: readonly number[]): PercentileSummary {
  const s = new PercentileSummary();
  for (const v of values) s.add(v);
  return s;
}

describe('pct in bounded memory', () => {
  it(`is exact up to ${EXACT_DISTINCT} distinct values, however many records`, () => {
    const random = mulberry32(7);
    const values = Array.from({ length: 200_000 }, () => Math.floor(random() * 2000) * (random() < 0.1 ? -1 : 1));
    const s = summaryOf(values);
    for (const p of PS) expect(s.result(p)).toBe(nearestRank(values, p));
  });

  it(`is within ${RELATIVE_ACCURACY * 200} % of the exact value past that (integers, as bytes and packets are)`, () => {
    const random = mulberry32(11);
    // Heavy-tailed like flow-log byte counts: 40 bytes to tens of gigabytes.
    const values = Array.from({ length: 300_000 }, () => Math.round(40 * Math.exp(random() * 20)));
    const s = summaryOf(values);
    for (const p of PS) {
      const exact = nearestRank(values, p);
      expect(Math.abs(s.result(p)! - exact)).toBeLessThanOrEqual(2 * RELATIVE_ACCURACY * exact);
    }
  });

  it(`is within ${RELATIVE_ACCURACY * 100} % for fractional values, with negatives and zeros`, () => {
    const random = mulberry32(13);
    const values = Array.from({ length: 100_000 }, () => (random() < 0.05 ? 0 : (random() - 0.3) * 1e6));
    const s = summaryOf(values);
    for (const p of PS) {
      const exact = nearestRank(values, p);
      expect(Math.abs(s.result(p)! - exact)).toBeLessThanOrEqual(RELATIVE_ACCURACY * Math.abs(exact));
    }
  });

  it('keeps a bounded number of buckets whatever the number of distinct values', () => {
    const s = new PercentileSummary();
    for (let i = 1; i <= 1_000_000; i++) s.add(i * 7919);
    const state = s.state();
    expect(state.exact).toBeUndefined();
    expect(state.positive!.length / 2).toBeLessThan(4000);
  });

  it('merges partial summaries (workers) to the same answer as one summary', () => {
    const random = mulberry32(17);
    for (const distinct of [1000, 1_000_000]) {
      const values = Array.from({ length: 60_000 }, () => Math.floor(random() * distinct));
      const whole = summaryOf(values);
      const merged = new PercentileSummary();
      for (let part = 0; part < 3; part++) merged.merge(summaryOf(values.slice(part * 20_000, (part + 1) * 20_000)).state());
      for (const p of PS) expect(merged.result(p)).toBe(whole.result(p));
    }
  });

  it('answers pct() in a query within the bound, against a sort of the same records', () => {
    const random = mulberry32(19);
    const bytes = Array.from({ length: 20_000 }, () => Math.round(40 * Math.exp(random() * 18)));
    const text = bytes.map((b, i) => `2 123456789012 eni-0a1b 10.0.0.${i % 250} 10.0.1.1 40000 443 6 3 ${b} 1700000000 1700000060 ACCEPT OK`).join('\n');
    const row = runQueryOnText('stats pct(bytes, 95) as p95, pct(bytes, 50) as p50', text).rows[0]!;
    expect(Math.abs(Number(row.p95) - nearestRank(bytes, 95))).toBeLessThanOrEqual(2 * RELATIVE_ACCURACY * nearestRank(bytes, 95));
    expect(Math.abs(Number(row.p50) - nearestRank(bytes, 50))).toBeLessThanOrEqual(2 * RELATIVE_ACCURACY * nearestRank(bytes, 50));
  });
});
