import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertValidSpec, preset } from '@artos/model';
import { generateSampleTraffic } from '../sample-traffic.js';
import { RecordParser } from '../record-parser.js';
import { QuerySink } from '../run-query.js';
import { parseQuery } from './parser.js';
import { recordTests } from './record-tests.js';
import { scannedTestFor } from '../scanned-tests.js';
import { RecordFormat } from '../record-format.js';

const spec = assertValidSpec(preset('production'));
const sample = [...generateSampleTraffic(spec, { records: 3_000, seed: 21 })];

/** The query's rows, counts and matched events, with the record tests on or off; `handed` counts the records the parser handed over. */
function run(query: string, text: string, withTests: boolean) {
  const sink = new QuerySink(parseQuery(query));
  let handed = 0;
  const options = sink.parserOptions('<text>', {});
  const parser = new RecordParser({
    ...options,
    ...(withTests ? {} : { recordTests: [] }),
    onRecord: (values, context) => {
      handed++;
      options.onRecord(values, context);
    },
  });
  parser.push(text);
  parser.close();
  return { output: sink.executor.finish(), info: parser.info, handed };
}

// Leading filters of every shape the tests read, and ones they must leave to the filter: literals
// of the other type, `-` values, `or`, `not`, a second leading filter, a filter after `fields`.
const FILTERS = [
  'filter action = "REJECT"',
  'filter "REJECT" = action',
  'filter action != "ACCEPT"',
  'filter action = "reject"',
  'filter action = 5',
  'filter action != 5',
  'filter logStatus != "OK"',
  'filter logStatus in ["NODATA", "SKIPDATA"]',
  'filter dstPort = 22',
  'filter dstPort = "22"',
  'filter dstPort = " 22 "',
  'filter dstPort = "x"',
  'filter dstPort != ""', // "" is no number: != holds for every port, 0 included
  'filter srcPort != " "',
  'filter dstPort != 443',
  'filter dstPort in [22, "443", "abc", 5432]',
  'filter dstPort not in [22, 443]',
  'filter ispresent(bytes)',
  'filter isPresent(action) and protocol = 6',
  'filter isIpv4InSubnet(srcAddr, "10.0.20.0/24")',
  'filter isIpInSubnet(dstAddr, "10.0.0.0/16") and action = "ACCEPT"',
  'filter isIpv4InSubnet(srcAddr, "0.0.0.0/0")',
  'filter isIpv4InSubnet(srcAddr, "10.0.1.10")',
  'filter not ispresent(bytes)',
  'filter action = "REJECT" or dstPort = 22',
  'filter action = "REJECT" | filter dstPort in [22, 3389]',
  'fields dstPort as d | filter d = 22',
  'fields @timestamp, srcAddr, dstPort | filter dstPort = 22',
  'fields srcPort as dstPort | filter dstPort = 443', // the alias, not the record's dstPort
  'fields dstPort, srcPort | filter srcPort = 443 and action = "ACCEPT"',
  'filter srcAddr = "10.0.1.10"',
  'filter interfaceId = "-"',
];
const TAILS = [
  'stats count() as n, sum(bytes) as b by srcAddr, dstPort | sort n desc, srcAddr asc, dstPort asc',
  'fields @timestamp, srcAddr, dstPort, action | limit 50',
];

describe('record tests (filters the parser applies before making values)', () => {
  it('reads the leading filters only, and only the shapes it can tell from a field', () => {
    expect(recordTests(parseQuery('filter action = "REJECT" and dstPort in [22, 3389] | stats count() by srcAddr | filter n > 5'))).toEqual([
      { kind: 'one-of', field: 'action', values: ['REJECT'], negated: false },
      { kind: 'one-of', field: 'dstPort', values: [22, 3389], negated: false },
    ]);
    expect(recordTests(parseQuery('filter isIpv4InSubnet(srcAddr, "10.0.20.0/24") | filter ispresent(bytes)'))).toEqual([
      { kind: 'ipv4-in', field: 'srcAddr', mask: 0xffffff00 | 0, base: 0x0a001400 },
      { kind: 'present', field: 'bytes' },
    ]);
    // Past `fields` of plain names (the bench's `fields … | filter dstPort = 22 | limit 20`), not past an alias or an expression.
    expect(recordTests(parseQuery('fields @timestamp, srcAddr, dstPort | filter dstPort = 22 | limit 20'))).toEqual([
      { kind: 'one-of', field: 'dstPort', values: [22], negated: false },
    ]);
    for (const q of [
      'filter a = 1 or b = 2',
      'filter not ispresent(bytes)',
      'fields srcPort as dstPort | filter dstPort = 443', // the alias, not the record's dstPort
      'fields bytes / packets as bytes | filter bytes > 5',
      'parse @message "* *" as a, dstPort | filter dstPort = 22',
      'stats count() by action | filter action = "REJECT"',
    ])
      expect(recordTests(parseQuery(q)), q).toEqual([]);
  });

  it('drops only what the filter drops: the same rows, counts and matched events as without them', () => {
    // The sample's records (NODATA ones with `-` fields), some with `-` in more places, some with
    // port 0 (ICMP: 0 is what Number("") is), and bad lines.
    const withDashes = sample.map((line, i) =>
      i % 7 === 0 || i % 11 === 0
        ? line
            .split(' ')
            .map((part, k) => (i % 7 === 0 ? (k === i % 14 ? '-' : part) : k === 5 || k === 6 ? '0' : part))
            .join(' ')
        : line,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...FILTERS),
        fc.constantFrom(...TAILS),
        fc.shuffledSubarray(withDashes, { minLength: 1 }),
        fc.constantFrom('', '2 123 eni-x\n'),
        (filter, tail, lines, bad) => {
          const query = `${filter} | ${tail}`;
          const text = `${bad}${lines.join('\n')}\n`;
          const on = run(query, text, true);
          const off = run(query, text, false);
          expect(on.output).toEqual(off.output);
          expect(on.info).toEqual(off.info);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('puts no text of the query into the generated test, only numbers and word indexes', () => {
    const tests = recordTests(
      parseQuery('filter dstPort in ["1); globalThis.pwned = (1", 22] and action = "REJECT\\"); globalThis.pwned = (\\"" and ispresent(bytes)'),
    );
    const test = scannedTestFor((name) => RecordFormat.DEFAULT.indexOf(name), Uint8Array.from(RecordFormat.DEFAULT.fields.map(() => 8 | 1)), tests);
    expect(String(test)).not.toMatch(/pwned|REJECT/);
    expect(String(test)).toMatch(/=== 22/);
  });

  it('shares one generated test between parsers of the same query and format (a gzip worker makes a parser a block)', () => {
    const sink = new QuerySink(parseQuery('filter action = "REJECT" | stats count() as n'));
    const first = new RecordParser(sink.parserOptions('a', {})) as unknown as { scannedTest: unknown };
    const second = new RecordParser(sink.parserOptions('b', {})) as unknown as { scannedTest: unknown };
    expect(first.scannedTest).toBeTypeOf('function');
    expect(second.scannedTest).toBe(first.scannedTest);
  });

  it('keeps the records the filter drops away from the query (the tests are taken)', () => {
    const text = `${sample.join('\n')}\n`;
    const rejects = sample.filter((line) => line.includes(' REJECT ')).length;
    const on = run('filter action = "REJECT" | stats count() as n', text, true);
    const off = run('filter action = "REJECT" | stats count() as n', text, false);
    expect(on.output.rows).toEqual([{ n: String(rejects) }]);
    expect(off.handed).toBe(sample.length);
    // Handed over: the rejects, the records without an action (`-`: the filter decides those), and
    // the first record, read before the scanner starts (a header could come before it).
    const noAction = sample.filter((line) => line.split(' ')[12] === '-').length;
    expect(noAction).toBeGreaterThan(0);
    expect(on.handed).toBeLessThanOrEqual(rejects + noAction + 1);
    expect(on.handed).toBeLessThan(sample.length / 2);
    expect(on.info.records).toBe(sample.length);
  });
});
