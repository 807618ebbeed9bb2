import type { HistogramBucket } from '@artos/flowlog-analyzer';

/**
 * Accepted (█) and rejected (▒) records per bucket as horizontal bars, one line per bucket, with
 * the counts and the marks: SKIPDATA (the log is incomplete there), NODATA and detector findings.
 */
export function renderHistogram(buckets: readonly HistogramBucket[], width: number): string[] {
  if (buckets.length === 0) return ['(no records with a time)'];
  const days = new Set(buckets.map((b) => b.start.slice(0, 10))).size > 1;
  const label = (b: HistogramBucket) => (days ? `${b.start.slice(5, 10)} ${b.start.slice(11, 16)}` : b.start.slice(11, 16));
  const counts = (b: HistogramBucket) => `${b.accepted} ACCEPT${b.rejected > 0 ? ` ${b.rejected} REJECT` : ''}`;
  const marks = (b: HistogramBucket) =>
    [b.skipdata > 0 ? `! SKIPDATA ${b.skipdata}` : '', b.nodata > 0 ? `NODATA ${b.nodata}` : '', ...b.findings.map((f) => `◆ ${f}`)]
      .filter((m) => m !== '')
      .join('  ');
  const labelWidth = Math.max(...buckets.map((b) => label(b).length));
  const countWidth = Math.max(...buckets.map((b) => counts(b).length));
  const barWidth = Math.max(10, Math.min(50, width - labelWidth - countWidth - 6 - 24));
  const max = Math.max(1, ...buckets.map((b) => b.accepted + b.rejected));
  const lines = [`${'time (UTC)'.padEnd(labelWidth)}  █ ACCEPT ▒ REJECT; ! SKIPDATA: records skipped there; ◆ a detector's finding`];
  for (const b of buckets) {
    const accepted = Math.round((b.accepted / max) * barWidth);
    // A bucket with rejects shows at least one ▒, however few: they are what one looks for.
    const rejected = b.rejected > 0 ? Math.max(1, Math.round((b.rejected / max) * barWidth)) : 0;
    const bar = `${'█'.repeat(accepted)}${'▒'.repeat(rejected)}`.padEnd(barWidth + 1);
    lines.push(`${label(b).padEnd(labelWidth)}  ${bar} ${counts(b).padEnd(countWidth)}  ${marks(b)}`.trimEnd());
  }
  return lines;
}
