import { describe, expect, it } from 'vitest';
import { runQueryOnText } from '../run-query.js';
import { parseQuery } from '../query/parser.js';
import { isFlowLogError, type FlowLogError } from '../errors.js';
import { naturalCompare, sortCompare } from './values.js';

// Every expected value below is written from AWS's CloudWatch Logs Insights pages (cited beside
// each test), never from the engine's output.

/** One default-format (v2) record. */
function rec(p: {
  account?: string;
  eni?: string;
  src?: string;
  dst?: string;
  sp?: number | '-';
  dp?: number | '-';
  proto?: number | '-';
  packets?: number | '-';
  bytes?: number | '-';
  start?: number;
  action?: string;
  status?: string;
}): string {
  const d = (v: unknown, fallback: unknown) => String(v ?? fallback);
  return [
    2,
    d(p.account, '123456789012'),
    d(p.eni, 'eni-0a1'),
    d(p.src, '10.0.1.1'),
    d(p.dst, '10.0.2.2'),
    d(p.sp, 40000),
    d(p.dp, 443),
    d(p.proto, 6),
    d(p.packets, 1),
    d(p.bytes, 60),
    d(p.start, 1_700_000_000),
    (p.start ?? 1_700_000_000) + 60,
    d(p.action, 'ACCEPT'),
    d(p.status, 'OK'),
  ].join(' ');
}
/** A NODATA record: `-` in addresses, ports, packets, bytes, action (DESIGN.md, AWS flow-log records). */
const nodata = (start = 1_700_000_000) => `2 123456789012 eni-0a1 - - - - - - - ${start} ${start + 60} - NODATA`;

const run = (query: string, lines: readonly string[]) => runQueryOnText(query, lines.join('\n'));
const column = (query: string, lines: readonly string[], name: string) => run(query, lines).rows.map((r) => r[name]);
const one = (expression: string) => run(`fields ${expression} as v | limit 1`, [rec({})]).rows[0]?.['v'];

function errorOf(fn: () => unknown): FlowLogError {
  try {
    fn();
  } catch (error) {
    if (isFlowLogError(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('sort (AWS "sort" page, https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Sort.html)', () => {
  // The page's own example of an ascending sort, in its order.
  const AWS_ORDER = ['!:', '#', '*%04', '0#', '5A', '111A', '2345_', '@', '@_', 'A', 'A9876fghj', 'a12345hfh', '0', '01', '1', '2', '3'];

  it("orders the page's example exactly: non-numbers first, natural chunks, then numbers", () => {
    const shuffled = [...AWS_ORDER].reverse();
    const got = column(
      'fields accountId | sort accountId asc',
      shuffled.map((a, i) => rec({ account: a, start: 1_700_000_000 + i })),
      'accountId',
    );
    // 0, 01 and 1 are equal numbers; only the relative order of the rest is fixed.
    expect(got.filter((v) => v !== '01' && v !== '1')).toEqual(AWS_ORDER.filter((v) => v !== '01' && v !== '1'));
    expect(got.slice(-5).sort()).toEqual(['0', '01', '1', '2', '3']);
  });

  it('reverses it for desc', () => {
    expect(
      column(
        'fields accountId | sort accountId desc',
        AWS_ORDER.slice(0, 12).map((a) => rec({ account: a })),
        'accountId',
      ),
    ).toEqual(AWS_ORDER.slice(0, 12).reverse());
  });

  it('sorts addresses by their number chunks: 10.0.9.5 before 10.0.10.102', () => {
    expect(naturalCompare('10.0.9.5', '10.0.10.102')).toBeLessThan(0);
    expect(column('fields srcAddr | sort srcAddr asc', [rec({ src: '10.0.10.102' }), rec({ src: '10.0.9.5' }), rec({ src: '10.0.100.1' })], 'srcAddr')).toEqual(
      ['10.0.9.5', '10.0.10.102', '10.0.100.1'],
    );
  });

  it('puts non-numbers before numbers', () => {
    expect(sortCompare('abc', 5)).toBeLessThan(0);
    expect(sortCompare(10, 9)).toBeGreaterThan(0);
  });

  it('keeps the NODATA group out of the top of "top 15 packet transfers across hosts" (the page\'s VPC sample)', () => {
    // Sixteen real pairs with 1..16 packets, and NODATA records, whose group has no address and no sum.
    const lines = [...Array.from({ length: 16 }, (_, i) => rec({ src: `10.0.1.${i + 1}`, dst: '10.0.2.2', packets: i + 1 })), nodata(), nodata(1_700_000_100)];
    const rows = run('stats sum(packets) as packetsTransferred by srcAddr, dstAddr | sort packetsTransferred desc | limit 15', lines).rows;
    expect(rows).toHaveLength(15);
    expect(rows.map((r) => r['packetsTransferred'])).toEqual(Array.from({ length: 15 }, (_, i) => String(16 - i)));
    expect(rows.every((r) => r['srcAddr'] !== undefined)).toBe(true);
  });

  it('puts missing values last ascending too', () => {
    const rows = run('stats sum(packets) as p by srcAddr | sort p asc', [
      rec({ src: '10.0.1.1', packets: 5 }),
      nodata(),
      rec({ src: '10.0.1.2', packets: 3 }),
    ]).rows;
    expect(rows.map((r) => r['p'])).toEqual(['3', '5', undefined]);
  });
});

describe('dedup (AWS "dedup" page, CWL_QuerySyntax-Dedup.html)', () => {
  const lines = [
    rec({ src: '10.0.1.1', dp: 22, start: 1_700_000_000 }),
    rec({ src: '10.0.1.1', dp: 80, start: 1_700_000_300 }),
    rec({ src: '10.0.1.1', dp: 443, start: 1_700_000_100 }),
    rec({ src: '10.0.1.2', dp: 25, start: 1_700_000_050 }),
    nodata(1_700_000_010),
    nodata(1_700_000_020),
  ];

  it('keeps the first row in the default order, @timestamp descending: the newest', () => {
    const rows = run('fields srcAddr, dstPort | filter ispresent(srcAddr) | dedup srcAddr', lines).rows;
    expect(rows.find((r) => r['srcAddr'] === '10.0.1.1')?.['dstPort']).toBe('80');
    expect(rows).toHaveLength(2);
  });

  it('keeps the first row in the sort order when the query sorts first', () => {
    const rows = run('fields srcAddr, dstPort | filter ispresent(srcAddr) | sort dstPort asc | dedup srcAddr', lines).rows;
    expect(rows.find((r) => r['srcAddr'] === '10.0.1.1')?.['dstPort']).toBe('22');
  });

  it('does not treat null values as duplicates', () => {
    const rows = run('fields srcAddr, logStatus | dedup srcAddr', lines).rows;
    expect(rows.filter((r) => r['logStatus'] === 'NODATA')).toHaveLength(2);
    expect(rows).toHaveLength(4);
  });

  it('allows only limit after dedup', () => {
    expect(() => parseQuery('dedup srcAddr | limit 5')).not.toThrow();
    const error = errorOf(() => parseQuery('dedup srcAddr | stats count()'));
    expect(error.message).toMatch(/only command allowed after dedup is limit/);
    expect(error.context.column).toBe(17);
  });

  it('counts the matched records before dedup in statistics.recordsMatched ("Showing X of Y records")', () => {
    const result = run('filter ispresent(srcAddr) | dedup srcAddr', lines);
    expect(result.rows).toHaveLength(2);
    expect(result.statistics.recordsMatched).toBe(4);
  });
});

describe('statistics.recordsMatched counts matching log events (GetQueryResults API, QueryStatistics)', () => {
  it('is the number of events the filter lets through, not the number of groups', () => {
    const lines = [
      rec({ src: '10.0.1.1', action: 'REJECT' }),
      rec({ src: '10.0.1.1', action: 'REJECT' }),
      rec({ src: '10.0.1.2', action: 'REJECT' }),
      rec({ action: 'ACCEPT' }),
    ];
    const result = run('filter action = "REJECT" | stats count() as n by srcAddr', lines);
    expect(result.rows).toHaveLength(2);
    expect(result.statistics.recordsMatched).toBe(3);
  });

  it('counts every event for a query that starts with stats', () => {
    expect(run('stats count() by action', [rec({}), rec({}), nodata()]).statistics.recordsMatched).toBe(3);
  });
});

describe('query syntax (AWS "CloudWatch Logs Insights language query syntax" and "Boolean, comparison, numeric, datetime, and other functions" pages)', () => {
  it('names a backticked field column by the field name', () => {
    expect(run('fields `srcAddr`, `dstPort` as port', [rec({})]).columns).toEqual(['srcAddr', 'port']);
    expect(run('stats count() as n by `dstPort`', [rec({})]).columns).toEqual(['dstPort', 'n']);
    expect(run('fields bytes * 2', [rec({})]).columns).toEqual(['bytes * 2']);
  });

  it('evaluates ^ as exponentiation: 2 ^ 3 returns 8; % is the remainder: 10 % 3 returns 1', () => {
    expect(one('2 ^ 3')).toBe('8');
    expect(one('10 % 3')).toBe('1');
    expect(one('2 * 3 ^ 2')).toBe('18');
  });

  it("accepts the (?i) flag of AWS's examples `like /(?i)Exception/` and `=~ /^(?i)Exception$/`", () => {
    const lines = [rec({ action: 'REJECT' }), rec({ action: 'ACCEPT' })];
    expect(run('filter action like /(?i)reject/ | stats count() as n', lines).rows).toEqual([{ n: '1' }]);
    expect(run('filter action =~ /^(?i)reject$/ | stats count() as n', lines).rows).toEqual([{ n: '1' }]);
  });

  it('matches function names without regard to case (the pages write isPresent)', () => {
    const lines = [rec({}), nodata()];
    for (const f of ['isPresent', 'ispresent', 'ISPRESENT']) expect(run(`filter ${f}(srcAddr) | stats Count(*) as n`, lines).rows).toEqual([{ n: '1' }]);
  });

  it('returns booleans as 1 and 0, as strcontains is documented to', () => {
    expect(run('fields isPresent(srcAddr) as p', [rec({})]).rows[0]!['p']).toBe('1');
    expect(run('fields isPresent(srcAddr) as p', [nodata()]).rows[0]!['p']).toBe('0');
  });

  it('fails clearly, never with a wrong answer, for commands and functions that run only in CloudWatch', () => {
    for (const q of ['pattern @message', 'fields jsonParse(@message) as j', 'fields @timestamp, @log', 'fields @ingestionTime']) {
      const error = errorOf(() => run(q, [rec({})]));
      expect(error.code, q).toBe('query-unsupported');
      expect(error.message, q).toMatch(/runs only in CloudWatch/);
    }
  });

  it('names the log stream of a flow-log event after its network interface', () => {
    expect(run('fields @logStream', [rec({ eni: 'eni-0abc' })]).rows[0]!['@logStream']).toBe('eni-0abc-all');
  });
});

describe('functions, with the examples AWS gives on the functions page', () => {
  it.each([
    ['ltrim("xyZfooxyZ", "xyZ")', 'fooxyZ'],
    ['rtrim("xyZfooxyZ", "xyZ")', 'xyZfoo'],
    ['trim("xyZfooxyZ", "xyZ")', 'foo'],
    ['trim("  foo ")', 'foo'],
    ['substr("xyZfooxyZ", 3, 3)', 'foo'],
    ['substr("xyZfooxyZ", 3)', 'fooxyZ'],
    ['replace("foo", "o", "0")', 'f00'],
    ['strcontains("foobar", "oba")', '1'],
    ['strcontains("foobar", "x")', '0'],
    ['strlen("héllo")', '5'],
    ['toupper("ab")', 'AB'],
    ['concat("a", "b", "c")', 'abc'],
    ['greatest(3, 9, 4)', '9'],
    ['least(3, 9, 4)', '3'],
    ['sqrt(16)', '4'],
    ['log(1)', '0'],
    ['abs(-4)', '4'],
    ['ceil(1.2)', '2'],
    ['floor(1.8)', '1'],
    ['isblank("   ")', '1'],
    ['isempty("")', '1'],
    ['isempty(" ")', '0'],
    ['coalesce(nothing, "x")', 'x'],
    ['isValidIp("10.0.0.1")', '1'],
    ['isValidIp("10.0.0.999")', '0'],
    ['isValidIpV4("2001:db8::1")', '0'],
    ['isValidIpV6("2001:db8::1")', '1'],
    ['isIpv6InSubnet("2001:db8::1", "2001:db8::/32")', '1'],
    ['isIpv6InSubnet("2001:db9::1", "2001:db8::/32")', '0'],
    ['isIpInSubnet("2001:db8::1", "2001:db8::/32")', '1'],
    ['isIpInSubnet("10.0.3.4", "10.0.0.0/16")', '1'],
    ['isIpv4InSubnet("10.1.3.4", "10.0.0.0/16")', '0'],
    ['fromMillis(1700000000000)', '2023-11-14 22:13:20.000'],
    ['toMillis(@timestamp)', '1700000000000'],
    ['datefloor(@timestamp, 1h)', '2023-11-14 22:00:00.000'],
    ['dateceil(@timestamp, 1h)', '2023-11-14 23:00:00.000'],
    ['bin(1h)', '2023-11-14 22:00:00.000'],
  ])('%s is %s', (expression, expected) => {
    expect(one(expression)).toBe(expected);
  });

  it('runs calendar periods only in CloudWatch', () => {
    expect(errorOf(() => run('stats count() by bin(1mo)', [rec({})])).message).toMatch(/run only in CloudWatch/);
  });

  it('checks arity and literal arguments at parse time', () => {
    expect(errorOf(() => parseQuery('fields substr("a")')).message).toMatch(/substr\(\) takes 2 to 3 arguments, not 1/);
    expect(errorOf(() => parseQuery('filter isIpInSubnet(srcAddr, dstAddr)')).message).toMatch(/"quoted" literal/);
  });
});

describe('aggregates (AWS "stats" page and functions page)', () => {
  const lines = [
    rec({ account: 'b', bytes: 10, start: 1_700_000_200 }),
    rec({ account: 'a10', bytes: 20, start: 1_700_000_100 }),
    rec({ account: 'a9', bytes: 30, start: 1_700_000_300 }),
    rec({ account: 'c', bytes: 40, start: 1_700_000_000 }),
  ];

  it('earliest and latest take the value of the earliest and latest event', () => {
    expect(run('stats earliest(accountId) as e, latest(accountId) as l', lines).rows).toEqual([{ e: 'c', l: 'a9' }]);
  });

  it('sortsFirst and sortsLast follow the sort order (natural: a9 before a10)', () => {
    expect(run('stats sortsFirst(accountId) as f, sortsLast(accountId) as l', lines).rows).toEqual([{ f: 'a9', l: 'c' }]);
  });

  it('stddev is the standard deviation of 10, 20, 30, 40 (sample: sqrt(500/3))', () => {
    expect(Number(run('stats stddev(bytes) as s', lines).rows[0]!['s'])).toBeCloseTo(Math.sqrt(500 / 3), 5);
  });
});

describe('limits (AWS "CloudWatch Logs quotas": query string 10,000 characters; limit up to 100,000 rows)', () => {
  it('rejects a query over 10,000 characters with line and column', () => {
    const error = errorOf(() => parseQuery(`filter ${'srcAddr = "10.0.0.1" or '.repeat(500)}srcAddr = "x"`));
    expect(error.message).toMatch(/at most 10,000/);
    expect(error.context.line).toBe(1);
    expect(error.context.column).toBe(10_001);
  });

  it('rejects deep nesting with an error, not a stack overflow: 5,000 parentheses, 30,000 nots', () => {
    const big = {
      defaultResultRows: 10_000,
      maxResultRows: 100_000,
      queryTimeoutMs: 0,
      concurrentQueries: 100,
      logGroupsPerQuery: 50,
      maxQueryLength: 1_000_000,
    };
    const parens = errorOf(() => parseQuery(`filter ${'('.repeat(5000)}1${')'.repeat(5000)}`, big));
    expect(parens.message).toMatch(/nests deeper than 100/);
    expect(parens.context.column).toBe(108);
    expect(errorOf(() => parseQuery(`filter ${'not '.repeat(30_000)}ispresent(srcAddr)`, big)).message).toMatch(/nests deeper/);
    expect(errorOf(() => parseQuery(`filter ${'not '.repeat(30_000)}ispresent(srcAddr)`)).message).toMatch(/at most 10,000/);
  });

  it('rejects limit over 100,000', () => {
    expect(() => parseQuery('fields srcAddr | limit 100000')).not.toThrow();
    expect(errorOf(() => parseQuery('fields srcAddr | limit 100001')).message).toMatch(/over Insights' maximum of 100,000/);
  });
});

describe('strict records: every field of every line is typed, whatever the query reads', () => {
  const lines = [
    rec({}),
    rec({ sp: 'forty' as unknown as number }),
    rec({ src: '10.0.0.999' }),
    rec({ action: 'MAYBE' }),
    rec({ status: 'FINE' }),
    rec({ dst: '2001:db8::1' }),
  ];

  it('counts the same malformed lines for any query', () => {
    const a = run('stats count() as n', lines);
    const b = run('filter srcPort > 0 | stats count() as n by srcAddr', lines);
    expect(a.rows).toEqual([{ n: '2' }]);
    expect(a.statistics.recordsScanned).toBe(2);
    expect(b.statistics.recordsScanned).toBe(2);
    expect(a.statistics.info.malformed).toEqual(b.statistics.info.malformed);
    expect(a.statistics.info.malformed).toEqual({
      'bad-number': { count: 1, firstLines: [2] },
      'bad-address': { count: 1, firstLines: [3] },
      'bad-value': { count: 2, firstLines: [4, 5] },
    });
  });
});
