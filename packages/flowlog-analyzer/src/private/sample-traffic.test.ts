import { describe, expect, it } from 'vitest';
import { assertValidSpec, preset } from '@artos/model';
import { generateSampleTraffic, sampleCast } from './sample-traffic.js';
import { runQueryOnText } from './run-query.js';

const spec = assertValidSpec(preset('production'));

describe('generateSampleTraffic', () => {
  it('is deterministic for a seed and different for another', () => {
    const a = [...generateSampleTraffic(spec, { records: 2000, seed: 3 })];
    expect([...generateSampleTraffic(spec, { records: 2000, seed: 3 })]).toEqual(a);
    expect([...generateSampleTraffic(spec, { records: 2000, seed: 4 })]).not.toEqual(a);
    expect(a).toHaveLength(2000);
  });

  it('holds the incidents, NODATA and SKIPDATA, and parses cleanly', () => {
    const cast = sampleCast(spec);
    const text = [...generateSampleTraffic(spec, { records: 20_000 })].join('\n');
    const r = runQueryOnText('stats count() as n by logStatus', text);
    expect(r.statistics.info.skipped).toBe(0);
    expect(r.rows.map((x) => x['logStatus']).sort()).toEqual(['NODATA', 'OK', 'SKIPDATA']);
    const rds = runQueryOnText(`filter srcAddr = "${cast.rogueDbClient}" and dstPort = 5432 and action = "REJECT" | stats count() as n`, text);
    expect(rds.rows).toEqual([{ n: '40' }]);
    const scan = runQueryOnText(`filter srcAddr = "${cast.scanner}" | stats count_distinct(dstPort) as ports`, text);
    expect(Number(scan.rows[0]!['ports'])).toBeGreaterThanOrEqual(100);
  });

  it('leaves the incidents out of clean traffic, and NodePorts when asked', () => {
    const cast = sampleCast(spec);
    const text = [...generateSampleTraffic(spec, { records: 20_000, incidents: false, nodePorts: false })].join('\n');
    expect(runQueryOnText(`filter srcAddr = "${cast.scanner}" or srcAddr = "${cast.rogueDbClient}" or dstAddr = "${cast.exfiltrationDestination}" | stats count() as n`, text).rows).toEqual([{ n: '0' }].filter(() => false));
    expect(runQueryOnText('filter dstPort >= 30000 and dstPort <= 32767 | stats count() as n', text).rows).toEqual([]);
  });
});
