import { describe, expect, it } from 'vitest';
import { assertValidSpec, preset } from '@artos/model';
import { generateSampleTraffic } from './sample-traffic.js';
import { runQueryOnText } from './run-query.js';
import { HISTOGRAM_RANGE_QUERY, buildHistogram, histogramBucketMs, histogramQuery } from './histogram.js';

const spec = assertValidSpec(preset('production'));

describe('histogram', () => {
  const lines = [...generateSampleTraffic(spec, { records: 8000, seed: 2 })];
  const text = lines.join('\n');

  it('counts accepted, rejected, NODATA and SKIPDATA records per bucket, as an independent tally does', () => {
    const bucket = histogramBucketMs(runQueryOnText(HISTOGRAM_RANGE_QUERY, text).rows);
    expect(bucket).toBe(300_000); // an hour fits 24 buckets at 5 minutes, not at 1
    const buckets = buildHistogram(runQueryOnText(histogramQuery(bucket), text).rows, bucket);
    // @timestamp of a flow-log record is its start (Insights); bin(5m) floors it to the bucket.
    const tally = new Map<number, { accepted: number; rejected: number; nodata: number; skipdata: number }>();
    for (const l of lines) {
      const p = l.split(' ');
      const t = Math.floor((Number(p[10]) * 1000) / bucket) * bucket;
      const e = tally.get(t) ?? { accepted: 0, rejected: 0, nodata: 0, skipdata: 0 };
      if (p[13] === 'NODATA') e.nodata++;
      else if (p[13] === 'SKIPDATA') e.skipdata++;
      else if (p[12] === 'REJECT') e.rejected++;
      else e.accepted++;
      tally.set(t, e);
    }
    expect(buckets.map((b) => ({ t: Date.parse(b.start), accepted: b.accepted, rejected: b.rejected, nodata: b.nodata, skipdata: b.skipdata }))).toEqual(
      [...tally].sort((a, b) => a[0] - b[0]).map(([t, e]) => ({ t, ...e })),
    );
  });

  it('marks the buckets a finding overlaps', () => {
    const rows = [
      { t: '2023-11-14 22:10:00.000', action: 'ACCEPT', logStatus: 'OK', records: '5' },
      { t: '2023-11-14 22:20:00.000', action: 'REJECT', logStatus: 'OK', records: '2' },
    ];
    const buckets = buildHistogram(rows, 300_000, [
      {
        detector: 'port-scan',
        severity: 'high',
        title: '',
        window: { start: '2023-11-14T22:16:00.000Z', end: '2023-11-14T22:21:00.000Z' },
        evidence: [],
        action: '',
      },
    ]);
    expect(buckets.map((b) => [b.start.slice(11, 16), b.findings])).toEqual([
      ['22:10', []],
      ['22:15', ['port-scan']],
      ['22:20', ['port-scan']],
    ]);
  });
});
