import type { ResultRow } from './engine/execute.js';
import type { ThreatFinding } from './detectors/threat-finding.js';

/**
 * Accepted and rejected records over time, as the CloudWatch console's histogram shows log
 * events: one query text (runs locally and in Insights), buckets chosen from the time range so a
 * terminal shows them, and marks where capture had gaps (SKIPDATA), ENIs were idle (NODATA) and
 * detectors found something.
 */

/** The time range of the records, to choose the bucket size. */
export const HISTOGRAM_RANGE_QUERY = 'filter ispresent(startTime) | stats min(startTime) as first, max(endTime) as last, count() as records';

const BUCKETS_MS = [60_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 604_800_000];

function binText(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  return `${ms / 60_000}m`;
}

/** The smallest bucket that gives at most `maxBuckets` over the range of `rangeRows` (first/last in Unix seconds). */
export function histogramBucketMs(rangeRows: readonly ResultRow[], maxBuckets = 24): number {
  const first = Number(rangeRows[0]?.['first']);
  const last = Number(rangeRows[0]?.['last']);
  const span = Number.isFinite(first) && Number.isFinite(last) ? Math.max(1, last - first) * 1000 : 3_600_000;
  return BUCKETS_MS.find((b) => span / b <= maxBuckets) ?? BUCKETS_MS[BUCKETS_MS.length - 1]!;
}

export function histogramQuery(bucketMs: number): string {
  return `stats count() as records by bin(${binText(bucketMs)}) as t, action, logStatus | sort t asc`;
}

export interface HistogramBucket {
  /** Start of the bucket, ISO. */
  readonly start: string;
  readonly accepted: number;
  readonly rejected: number;
  readonly nodata: number;
  readonly skipdata: number;
  /** Detector ids whose findings overlap the bucket. */
  readonly findings: readonly string[];
}

function isoOf(bin: string | undefined): string | undefined {
  if (bin === undefined) return undefined;
  const t = Date.parse(`${bin.replace(' ', 'T')}Z`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Buckets from the histogram query's rows, every bucket of the range present (empty ones too). */
export function buildHistogram(rows: readonly ResultRow[], bucketMs: number, findings: readonly ThreatFinding[] = []): HistogramBucket[] {
  const byStart = new Map<number, { accepted: number; rejected: number; nodata: number; skipdata: number }>();
  for (const r of rows) {
    const iso = isoOf(r['t']);
    if (!iso) continue;
    const t = Date.parse(iso);
    const b = byStart.get(t) ?? { accepted: 0, rejected: 0, nodata: 0, skipdata: 0 };
    const n = Number(r['records'] ?? 0);
    if (r['logStatus'] === 'NODATA') b.nodata += n;
    else if (r['logStatus'] === 'SKIPDATA') b.skipdata += n;
    else if (r['action'] === 'REJECT') b.rejected += n;
    else if (r['action'] === 'ACCEPT') b.accepted += n;
    byStart.set(t, b);
  }
  if (byStart.size === 0) return [];
  const starts = [...byStart.keys()].sort((a, b) => a - b);
  const out: HistogramBucket[] = [];
  for (let t = starts[0]!; t <= starts[starts.length - 1]!; t += bucketMs) {
    const b = byStart.get(t) ?? { accepted: 0, rejected: 0, nodata: 0, skipdata: 0 };
    const overlapping = findings.filter((f) => {
      const s = f.window.start ? Date.parse(f.window.start) : NaN;
      const e = f.window.end ? Date.parse(f.window.end) : s;
      return Number.isFinite(s) && s < t + bucketMs && (Number.isFinite(e) ? e : s) >= t;
    });
    out.push({ start: new Date(t).toISOString(), ...b, findings: [...new Set(overlapping.map((f) => f.detector))] });
  }
  return out;
}
