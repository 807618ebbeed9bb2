import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertValidSpec, preset } from '@artos/model';
import { generateSampleTraffic, DEFAULT_FORMAT_HEADER } from '../sample-traffic.js';
import { runLocalQuery } from '../run-query.js';
import { parseQuery } from '../query/parser.js';
import { parallelizable } from './run-parallel.js';

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
