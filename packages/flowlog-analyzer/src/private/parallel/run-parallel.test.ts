import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertValidSpec, preset } from '@artos/model';
import { generateSampleTraffic, DEFAULT_FORMAT_HEADER } from '../sample-traffic.js';
import { RecordFormat } from '../record-format.js';
import { runLocalQuery } from '../run-query.js';
import { parseQuery } from '../query/parser.js';
import { parallelizable } from './run-parallel.js';
import { planQuery } from '../query/plan.js';

const dir = mkdtempSync(join(tmpdir(), 'artos-par-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spec = assertValidSpec(preset('production'));
const lines = [...generateSampleTraffic(spec, { records: 60_000, seed: 5 })];
// Bad lines at known places, to prove line numbers stay absolute across workers.
lines.splice(10, 0, '2 123 eni-broken');
// A start time that is not a number: every query reads startTime (it is @timestamp).
lines.splice(
  45_000,
  0,
  lines[100]!
    .split(' ')
    .map((p, i) => (i === 10 ? 'soon' : p))
    .join(' '),
);
const plain = join(dir, 'traffic.log');
writeFileSync(plain, `${DEFAULT_FORMAT_HEADER}\n${lines.join('\n')}\n`);
const second = join(dir, 'more.log');
writeFileSync(second, `${[...generateSampleTraffic(spec, { records: 20_000, seed: 6 })].join('\n')}\n`);

const QUERIES = [
  'filter action = "REJECT" | stats count() as n by srcAddr, dstPort | sort n desc, srcAddr asc, dstPort asc | limit 20',
  'stats sum(bytes) as b, avg(packets) as p, min(startTime) as first, max(endTime) as last by action | sort action asc',
  'filter ispresent(dstPort) | stats count_distinct(dstPort) as ports, pct(bytes, 90) as p90 by protocol | sort protocol asc',
  'fields bytes / packets as per | filter per > 500 | stats count() as n',
  // Without stats: each worker returns its best rows in the final order.
  'fields @timestamp, srcAddr, dstAddr, dstPort | filter dstPort = 22 | limit 20',
  // Ties on the sort key (many rows per address): broken in input order, as on one thread.
  'fields srcAddr, bytes | filter action = "ACCEPT" | sort srcAddr asc | limit 30',
  'filter action = "REJECT" | sort bytes desc | limit 50 | display srcAddr, bytes',
  // No limit: Insights' default cap of 10,000 rows cuts more than 10,000 matches.
  'filter dstPort = 443 | fields srcAddr, interfaceId',
  'parse @message "* * * * *" as v, account, eni, src, rest | filter src like "10.0.1" | fields eni | limit 25',
];

describe('parallel stats', () => {
  it('knows which queries it can split', () => {
    expect(parallelizable(parseQuery(QUERIES[0]!))).toBe(true);
    expect(parallelizable(parseQuery('sort srcAddr asc | stats count()'))).toBe(false);
    expect(parallelizable(parseQuery('fields srcAddr | limit 5'))).toBe(true);
    expect(parallelizable(parseQuery('filter dstPort = 22 | sort bytes desc | limit 5 | fields srcAddr'))).toBe(true);
    // A limit before a sort takes the first rows in input order: not split.
    expect(parallelizable(parseQuery('limit 5 | sort bytes desc'))).toBe(false);
    expect(parallelizable(parseQuery('sort bytes desc | filter dstPort = 22'))).toBe(false);
    expect(parallelizable(parseQuery('dedup srcAddr | limit 5'))).toBe(false);
  });

  it.each(QUERIES)(
    'gives the same rows and statistics as one thread: %s',
    async (query) => {
      const one = await runLocalQuery(query, [plain, second], { parallel: false });
      const many = await runLocalQuery(query, [plain, second], { parallel: { workers: 3, minBytes: 0 } });
      expect(one.rows.length).toBeGreaterThan(0);
      expect(many.rows).toEqual(one.rows);
      expect(many.truncated).toBe(one.truncated);
      expect(many.statistics.recordsMatched).toBe(one.statistics.recordsMatched);
      expect(many.statistics.info).toEqual(one.statistics.info);
      expect(one.statistics.info.malformed).toEqual({ 'field-count': { count: 1, firstLines: [12] }, 'bad-number': { count: 1, firstLines: [45_002] } });
    },
    60_000,
  );
});

// Gzip cannot be split by byte ranges: the main thread decompresses and deals blocks of whole
// lines to the workers, for stats whose aggregates do not depend on record order.
const gzipped = join(dir, 'traffic.log.gz');
// Large enough for several 4 MiB blocks of decompressed text, so blocks go to both workers.
const manyLines = [...generateSampleTraffic(spec, { records: 150_000, seed: 9 })];
manyLines.splice(70_000, 0, '2 123 eni-broken', manyLines.find((l) => l.includes(' ACCEPT '))!.replace(' ACCEPT ', ' MAYBE '));
// A header-like line in the middle is data (a bad line), as on one thread.
manyLines.splice(120_000, 0, DEFAULT_FORMAT_HEADER);
writeFileSync(gzipped, gzipSync(`${DEFAULT_FORMAT_HEADER}\n${manyLines.join('\n')}\n`));
const gzippedSecond = join(dir, 'more.log.gz');
writeFileSync(gzippedSecond, gzipSync(`${[...generateSampleTraffic(spec, { records: 20_000, seed: 6 })].join('\n')}`)); // no final newline
// Cut short: the last part of the stream is missing.
const whole = gzipSync(`${manyLines.slice(0, 60_000).join('\n')}\n`);
const truncated = join(dir, 'cut.log.gz');
writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.7)));

const GZIP_QUERIES = [
  'filter action = "REJECT" | stats count() as n by srcAddr, dstPort | sort n desc, srcAddr asc, dstPort asc | limit 20',
  'stats sum(bytes) as b, avg(packets) as p, min(startTime) as first, max(endTime) as last, count_distinct(dstPort) as ports by action | sort action asc',
  'filter isIpv4InSubnet(srcAddr, "10.0.0.0/16") | stats count() as n by dstPort | sort n desc, dstPort asc | limit 50',
  // No sort: the groups come in the order of first sight, which the blocks' workers must not change.
  'stats count() as n by dstPort',
  // A sort with ties, broken by that order too.
  'stats count() as n by srcAddr, dstPort | sort n desc | limit 40',
];

describe('parallel stats over gzip', () => {
  it('deals only order-free aggregates (count, count_distinct, sum, avg, min, max) to workers', () => {
    expect(planQuery(parseQuery(GZIP_QUERIES[1]!)).orderFreeStats).toBe(true);
    // Ties in earliest/latest are broken by record order; pct and stddev merge approximately.
    for (const q of ['stats earliest(srcAddr) by dstPort', 'stats pct(bytes, 50)', 'stats stddev(bytes)', 'stats sortsFirst(srcAddr)'])
      expect(planQuery(parseQuery(q)).orderFreeStats, q).toBe(false);
  });

  it.each(GZIP_QUERIES)(
    'gives the same rows and statistics as one thread: %s',
    async (query) => {
      const files = [gzipped, gzippedSecond, truncated];
      const one = await runLocalQuery(query, files, { parallel: false });
      const many = await runLocalQuery(query, files, { parallel: { workers: 2, minBytes: 0 } });
      expect(one.rows.length).toBeGreaterThan(0);
      expect(many.rows).toEqual(one.rows);
      expect(many.statistics.recordsMatched).toBe(one.statistics.recordsMatched);
      expect(many.statistics.info).toEqual(one.statistics.info);
      // The bad lines, the mid-file header and the cut are all counted, at the lines one thread names.
      expect(Object.keys(one.statistics.info.malformed).sort()).toEqual(['bad-number', 'bad-value', 'field-count', 'truncated-gzip']);
      expect(one.statistics.info.headers).toBe(1);
    },
    120_000,
  );

  it('reports progress as blocks come back, in input order, ending with the final counts', async () => {
    const seen: { records: number; file: string }[] = [];
    const result = await runLocalQuery(GZIP_QUERIES[0]!, [gzipped, gzippedSecond], {
      parallel: { workers: 2, minBytes: 0 },
      onProgress: (info, file) => seen.push({ records: info.records, file }),
    });
    // Every 8 MiB of decompressed text and at the end of each file: more than once per file here.
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.map((p) => p.records)).toEqual([...seen.map((p) => p.records)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({ records: result.statistics.info.records, file: gzippedSecond });
    expect(seen.some((p) => p.file === gzipped)).toBe(true);
  }, 120_000);

  it("over plain files, reports the workers' counts as they go, then the final ones", async () => {
    // 33 MB: each of two workers passes the 8 MiB mark at least once.
    const big = join(dir, 'big.log');
    const text = `${manyLines.join('\n')}\n`;
    writeFileSync(big, text + text);
    const seen: number[] = [];
    const result = await runLocalQuery(GZIP_QUERIES[0]!, [big], { parallel: { workers: 2, minBytes: 0 }, onProgress: (info) => seen.push(info.bytes) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.slice(0, -1).every((bytes) => bytes < result.statistics.info.bytes)).toBe(true);
    expect(seen.at(-1)).toBe(result.statistics.info.bytes);
  }, 120_000);

  it('names the line of a header that contradicts --format, counted from its file start', async () => {
    const format = RecordFormat.fromFormatString('${version} ${srcaddr} ${dstaddr}');
    const run = (parallel: false | { workers: number; minBytes: number }) =>
      runLocalQuery('stats count() as n', [gzipped], { format, parallel }).then(
        () => 'no error',
        (e: Error) => e.message,
      );
    const one = await run(false);
    expect(one).toMatch(/line 1/);
    expect(await run({ workers: 2, minBytes: 0 })).toBe(one);
  }, 120_000);
});
