import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuery } from './parser.js';
import { isFlowLogError } from '../errors.js';
import { runQueryOnText } from '../run-query.js';

const SEED_QUERY = `fields @timestamp, srcAddr, dstAddr, dstPort, action
| filter action = "REJECT"
| stats count() by srcAddr, dstPort
| sort count desc
| limit 20`;

function errorOf(text: string) {
  try {
    parseQuery(text);
  } catch (error) {
    if (isFlowLogError(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('parseQuery', () => {
  it("parses the seed's query as written", () => {
    const q = parseQuery(SEED_QUERY);
    expect(q.commands.map((c) => c.kind)).toEqual(['fields', 'filter', 'stats', 'sort', 'limit']);
  });

  it("runs the seed's query and says its sort orders nothing, with the fix", () => {
    const result = runQueryOnText(SEED_QUERY, '2 1 eni-a 10.0.10.5 10.0.100.20 4000 5432 6 1 60 1700000000 1700000060 REJECT OK\n');
    expect(result.columns).toEqual(['srcAddr', 'dstPort', 'count()']);
    expect(result.rows).toEqual([{ srcAddr: '10.0.10.5', dstPort: '5432', 'count()': '1' }]);
    expect(result.warnings[0]).toContain('no column named count; the column is count()');
    expect(result.warnings[0]).toContain('"count() as count"');
  });

  it('accepts the rest of the subset, each command read as the command it is', () => {
    const cases: ReadonlyArray<[string, string[]]> = [
      ['fields @timestamp, @message | sort @timestamp desc | limit 10', ['fields', 'sort', 'limit']],
      ['filter srcAddr like /^10\\./ and not (dstPort in [22, 3389]) | display srcAddr, dstPort', ['filter', 'display']],
      ['parse @message "* * * * *" as version, account, eni, src, dst | stats count() by src', ['parse', 'stats']],
      ['parse @message /(?<proto>\\d+) (?<pk>\\d+)/ | fields proto', ['parse', 'fields']],
      ['stats pct(bytes, 95), count_distinct(dstPort), avg(bytes) by bin(1h), action', ['stats']],
      ['filter isIpInSubnet(srcAddr, "10.0.0.0/8") and bytes * 2 >= 1000 | dedup srcAddr, dstAddr', ['filter', 'dedup']],
      ['filter @message =~ /REJECT/ | limit 1', ['filter', 'limit']],
    ];
    for (const [text, kinds] of cases)
      expect(
        parseQuery(text).commands.map((c) => c.kind),
        text,
      ).toEqual(kinds);
  });

  it.each([
    ['fields a | frob x', 1, 12, /"frob" is not a Logs Insights command/],
    ['filter dstPort = | limit 2', 1, 18, /expected a value/],
    ['stats count( by srcAddr', 1, 17, /expected "\)" to close count\(/],
    ['filter action = "REJECT', 1, 17, /string is not closed/],
    ['pattern @message', 1, 1, /runs only in CloudWatch/],
    ['stats bytes by srcAddr', 1, 7, /aggregate functions/],
    ['fields srcAddr\n| filter dstPort in [22, ', 2, 26, /expected a value, a field or a function, found the end of the query/],
    ['filter levenshtein(a, b) < 2', 1, 8, /levenshtein\(\) is not a Logs Insights function/],
  ])('%j points at line %i, column %i', (text, line, column, message) => {
    const error = errorOf(text);
    expect(error.message).toMatch(message);
    expect(error.context.line).toBe(line);
    expect(error.context.column).toBe(column);
  });

  it('throws only its typed error on arbitrary input', () => {
    const pieces = fc.constantFrom(
      'fields',
      'filter',
      'stats',
      'sort',
      'limit',
      '|',
      ',',
      '(',
      ')',
      '[',
      ']',
      'count()',
      'srcAddr',
      '=',
      '"x"',
      '/re/',
      '5',
      'by',
      'and',
      'not',
      'in',
      'like',
      'as',
      'desc',
      '*',
      '-',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 12 }).map((p) => p.join(' ')),
        ),
        (text) => {
          try {
            parseQuery(text);
          } catch (error) {
            expect(isFlowLogError(error)).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
