import { describe, expect, it, beforeEach } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
  type StartQueryCommandInput,
  type ResultField,
} from '@aws-sdk/client-cloudwatch-logs';
import { runInsightsQuery } from './run-insights-query.js';
import { runInsightsQueryComplete } from './complete-results.js';
import { filterLogEvents, logEventChunks } from './filter-log-events.js';
import { createLogsClient } from './logs-client.js';
import { isFlowLogError, type FlowLogError } from '../errors.js';
import { runQueryOnSources } from '../run-query.js';
import { parseQuery } from '../query/parser.js';
import { DEFAULT_INSIGHTS_LIMITS } from '../limits.js';
import { RecordFormat } from '../record-format.js';
import { QueryExecutor } from '../engine/execute.js';
import { runQueryOnText } from '../run-query.js';
import { withFormatParse } from './format-parse.js';

const logs = mockClient(CloudWatchLogsClient);
const client = new CloudWatchLogsClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const noSleep = async () => {};
const base = {
  logGroupNames: ['/vpc/vpc-0123456789abcdef0/flow-logs'],
  startTime: 1_700_000_000,
  endTime: 1_700_003_600,
  queryString: 'filter action = "REJECT" | stats count() as n by srcAddr',
  sleep: noSleep,
};
const awsError = (name: string, message: string) => Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
const fields = (row: Record<string, string>): ResultField[] => Object.entries(row).map(([field, value]) => ({ field, value }));

async function failure(promise: Promise<unknown>): Promise<FlowLogError> {
  try {
    await promise;
  } catch (error) {
    if (isFlowLogError(error)) return error;
    throw error;
  }
  throw new Error('expected a FlowLogError');
}

beforeEach(() => logs.reset());

describe('runInsightsQuery', () => {
  it('polls through Scheduled and Running to Complete, reporting statistics', async () => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logs
      .on(GetQueryResultsCommand)
      .resolvesOnce({ status: 'Scheduled', results: [], statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 } })
      .resolvesOnce({ status: 'Running', results: [], statistics: { recordsMatched: 10, recordsScanned: 5000, bytesScanned: 600_000 } })
      .resolves({
        status: 'Complete',
        results: [fields({ srcAddr: '10.0.10.77', n: '40', '@ptr': 'abc' })],
        statistics: { recordsMatched: 40, recordsScanned: 10_000, bytesScanned: 1_200_000 },
      });
    const progress: string[] = [];
    const result = await runInsightsQuery(client, { ...base, onProgress: (s, status) => progress.push(`${status}:${s.recordsScanned}`) });
    expect(result.rows).toEqual([{ srcAddr: '10.0.10.77', n: '40', '@ptr': 'abc' }]);
    expect(result.statistics).toEqual({ recordsMatched: 40, recordsScanned: 10_000, bytesScanned: 1_200_000 });
    expect(progress).toEqual(['Scheduled:0', 'Running:5000', 'Complete:10000']);
    expect(logs.commandCalls(StartQueryCommand)[0]!.args[0].input).toMatchObject({
      logGroupNames: base.logGroupNames,
      startTime: base.startTime,
      endTime: base.endTime,
      queryString: base.queryString,
    });
  });

  it.each([
    ['Failed', 'insights-failed', /failed in Logs Insights/],
    ['Cancelled', 'insights-cancelled', /cancelled in the account/],
    ['Timeout', 'insights-timeout', /60-minute limit/],
  ])('reports %s plainly', async (status, code, message) => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q-2' });
    logs.on(GetQueryResultsCommand).resolves({ status: status as 'Failed', results: [] });
    const error = await failure(runInsightsQuery(client, base));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('waits and retries while the account runs its concurrent queries (LimitExceededException)', async () => {
    logs
      .on(StartQueryCommand)
      .rejectsOnce(awsError('LimitExceededException', 'Account maximum query concurrency limit of [30] reached.'))
      .rejectsOnce(awsError('LimitExceededException', 'Account maximum query concurrency limit of [30] reached.'))
      .resolves({ queryId: 'q-3' });
    logs.on(GetQueryResultsCommand).resolves({ status: 'Complete', results: [] });
    const statuses: string[] = [];
    await runInsightsQuery(client, { ...base, onProgress: (_s, status) => statuses.push(status) });
    expect(logs.commandCalls(StartQueryCommand)).toHaveLength(3);
    expect(statuses.filter((s) => s.startsWith('waiting'))).toHaveLength(2);
  });

  it('names the missing permission on AccessDeniedException', async () => {
    logs
      .on(StartQueryCommand)
      .rejects(awsError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: logs:StartQuery'));
    const error = await failure(runInsightsQuery(client, base));
    expect(error.code).toBe('aws-access-denied');
    expect(error.message).toContain('the credentials lack logs:StartQuery');
    expect(error.context.hint).toContain('grant logs:StartQuery');
  });

  it('reports throttling that outlasted the SDK retries, and configures the SDK to retry it', async () => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q-4' });
    logs.on(GetQueryResultsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'));
    const error = await failure(runInsightsQuery(client, base));
    expect(error.message).toContain("still throttled after the SDK's retries");
    expect(logs.commandCalls(StopQueryCommand)).toHaveLength(1);
    const configured = createLogsClient({ region: 'eu-west-1' });
    const strategy = (await configured.config.retryStrategy()) as { mode: string };
    expect(strategy.mode).toBe('adaptive');
    expect(await configured.config.maxAttempts()).toBe(8);
  });

  it('calls StopQuery when cancelled, so the account stops scanning', async () => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q-5' });
    logs.on(GetQueryResultsCommand).resolves({ status: 'Running', results: [] });
    logs.on(StopQueryCommand).resolves({ success: true });
    const controller = new AbortController();
    let polls = 0;
    const error = await failure(
      runInsightsQuery(client, {
        ...base,
        signal: controller.signal,
        sleep: async (_ms, signal) => {
          if (++polls === 3) controller.abort(new Error('Ctrl-C'));
          if (signal?.aborted) throw signal.reason;
        },
      }),
    );
    expect(error.code).toBe('insights-cancelled');
    expect(logs.commandCalls(StopQueryCommand).map((c) => c.args[0].input)).toEqual([{ queryId: 'q-5' }]);
  });

  it('refuses more than 50 log groups', async () => {
    const error = await failure(runInsightsQuery(client, { ...base, logGroupNames: Array.from({ length: 51 }, (_, i) => `/g/${i}`) }));
    expect(error.message).toContain('at most 50');
  });
});

describe('runInsightsQueryComplete', () => {
  // 25,000 matching events over an hour; the fake Insights returns at most `limit` newest rows.
  const EVENTS = Array.from({ length: 25_000 }, (_, i) => ({ ts: 1_700_000_000 + Math.floor((i * 3600) / 25_000), ptr: `ptr-${i}` }));
  function fakeInsights(): void {
    const queries = new Map<string, StartQueryCommandInput>();
    logs.on(StartQueryCommand).callsFake((input: StartQueryCommandInput) => {
      const id = `q-${queries.size}`;
      queries.set(id, input);
      return { queryId: id };
    });
    // As the API model says: at most 10,000 rows a call, the rest by nextToken.
    logs.on(GetQueryResultsCommand).callsFake(({ queryId, nextToken }: { queryId: string; nextToken?: string }) => {
      const q = queries.get(queryId)!;
      const matching = EVENTS.filter((e) => e.ts >= q.startTime! && e.ts <= q.endTime!).sort((a, b) => b.ts - a.ts);
      const stats = q.queryString!.includes('stats');
      const limit = q.limit ?? 10_000;
      const all = stats
        ? Array.from({ length: Math.min(limit, 10_000) }, (_, i) => fields({ srcAddr: `10.0.${i >> 8}.${i & 255}`, n: '1' }))
        : matching.slice(0, limit).map((e) => fields({ '@timestamp': String(e.ts), '@ptr': e.ptr }));
      const from = nextToken ? Number(nextToken) : 0;
      const rows = all.slice(from, from + 10_000);
      return {
        status: 'Complete',
        results: rows,
        ...(from + 10_000 < all.length ? { nextToken: String(from + 10_000) } : {}),
        statistics: { recordsMatched: matching.length, recordsScanned: matching.length, bytesScanned: matching.length * 100 },
      };
    });
  }

  it('returns 25,000 rows for limit 25000 from one query, reading every nextToken page', async () => {
    fakeInsights();
    const result = await runInsightsQueryComplete(client, { ...base, queryString: 'fields @timestamp, srcAddr | limit 25000' });
    expect(result.rows).toHaveLength(25_000);
    expect(new Set(result.rows.map((r) => r['@ptr'])).size).toBe(25_000);
    expect(result.queries).toBe(1);
    expect(logs.commandCalls(GetQueryResultsCommand).map((c) => c.args[0].input.nextToken)).toEqual([undefined, '10000', '20000']);
  });

  it('splits the time range past the per-query cap until every row is back', async () => {
    fakeInsights();
    const result = await runInsightsQueryComplete(client, {
      ...base,
      limits: { ...DEFAULT_INSIGHTS_LIMITS, maxResultRows: 10_000 },
      queryString: 'fields @timestamp, srcAddr | filter action = "REJECT"',
    });
    expect(result.incomplete).toBe(false);
    expect(new Set(result.rows.map((r) => r['@ptr'])).size).toBe(25_000);
    expect(result.rows).toHaveLength(25_000);
    expect(result.queries).toBeGreaterThan(2);
  });

  it("restores the query's own sort order after merging the halves", async () => {
    fakeInsights();
    const result = await runInsightsQueryComplete(client, {
      ...base,
      limits: { ...DEFAULT_INSIGHTS_LIMITS, maxResultRows: 10_000 },
      queryString: 'fields @timestamp, srcAddr | sort @ptr asc',
    });
    expect(result.rows).toHaveLength(25_000);
    const ptrs = result.rows.map((r) => r['@ptr']!);
    // Insights sorts naturally ("sort" page, CWL_QuerySyntax-Sort): digit runs by length then value, so ptr-2 before ptr-10.
    expect(ptrs).toEqual([...ptrs].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4))));
  });

  it('reports a stats query at the cap as incomplete', async () => {
    fakeInsights();
    const result = await runInsightsQueryComplete(client, { ...base, limits: { ...DEFAULT_INSIGHTS_LIMITS, maxResultRows: 10_000 } });
    expect(result.incomplete).toBe(true);
    expect(result.missing).toContain('more groups may exist');
  });

  it('leaves a query that asks for fewer rows alone', async () => {
    fakeInsights();
    const result = await runInsightsQueryComplete(client, { ...base, queryString: 'fields @timestamp | limit 100' });
    expect(result.rows).toHaveLength(100);
    expect(result.queries).toBe(1);
  });
});

describe('filterLogEvents', () => {
  it('follows nextToken over many pages, without losing or repeating events, into the local engine', async () => {
    const line = (i: number) =>
      `2 123456789012 eni-0a 10.0.10.${i % 200} 10.0.100.20 4000 5432 6 1 60 ${1_700_000_000 + i} ${1_700_000_060 + i} ${i % 10 === 0 ? 'REJECT' : 'ACCEPT'} OK`;
    const pages = 12;
    let call = 0;
    logs.on(FilterLogEventsCommand).callsFake(() => {
      const page = call++;
      // Each page repeats the last event of the page before, as a page boundary may.
      const ids = Array.from({ length: 100 }, (_, k) => page * 100 + k);
      if (page > 0) ids.unshift(page * 100 - 1);
      return {
        events: ids.map((i) => ({ eventId: `e${i}`, timestamp: (1_700_000_000 + i) * 1000, message: line(i), logStreamName: 'eni-0a-all' })),
        ...(page < pages - 1 ? { nextToken: `t${page + 1}` } : {}),
      };
    });
    const events = filterLogEvents(client, {
      logGroupName: '/vpc/vpc-0123456789abcdef0/flow-logs',
      startTime: 0,
      endTime: 1,
      filterPattern:
        '[version, account, eni, source, destination, srcport, destport="5432", protocol, packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]',
    });
    const result = await runQueryOnSources(parseQuery('stats count() as n by action'), [{ name: 'cloudwatch', chunks: logEventChunks(events) }]);
    expect(logs.commandCalls(FilterLogEventsCommand)).toHaveLength(pages);
    expect(
      logs
        .commandCalls(FilterLogEventsCommand)
        .slice(1)
        .map((c) => c.args[0].input.nextToken),
    ).toEqual(Array.from({ length: pages - 1 }, (_, i) => `t${i + 1}`));
    expect(Object.fromEntries(result.rows.map((r) => [r['action'], r['n']]))).toEqual({ ACCEPT: '1080', REJECT: '120' });
  });

  it('names the missing permission', async () => {
    logs.on(FilterLogEventsCommand).rejects(awsError('AccessDeniedException', 'not authorized'));
    const consume = async () => {
      for await (const _e of filterLogEvents(client, { logGroupName: '/vpc/x/flow-logs', startTime: 0, endTime: 1 })) void _e;
    };
    const error = await failure(consume());
    expect(error.message).toContain('logs:FilterLogEvents');
  });
});

describe('custom formats in CloudWatch', () => {
  // AWS Knowledge Center: Insights does not discover the fields of a custom-format flow log; the
  // query has to parse @message. The stand-in below sees only @message and @timestamp, as Insights does.
  const format = RecordFormat.fromFormatString('${version} ${srcaddr} ${dstaddr} ${dstport} ${action} ${tcp-flags} ${start}');
  const lines = Array.from(
    { length: 200 },
    (_, i) => `3 10.0.1.${i % 7} 10.0.2.${i % 3} ${[22, 443, 5432][i % 3]} ${i % 4 === 0 ? 'REJECT' : 'ACCEPT'} ${[2, 18, 1][i % 3]} ${1_700_000_000 + i}`,
  );
  const query = 'filter tcpFlags = 2 and action = "REJECT" | stats count() as n by dstPort, srcAddr | sort n desc, srcAddr asc';

  function insightsStandIn(queryString: string): Record<string, string>[] {
    const executor = new QueryExecutor(parseQuery(queryString));
    lines.forEach((message, i) => executor.push({ values: [], format: undefined, timestamp: (1_700_000_000 + i) * 1000, message, extra: undefined }));
    return [...executor.finish().rows];
  }

  it('prepends the parse that names the fields, so CloudWatch gives the rows the local engine gives', async () => {
    let sent = '';
    logs.on(StartQueryCommand).callsFake((input: StartQueryCommandInput) => {
      sent = input.queryString!;
      return { queryId: 'q-fmt' };
    });
    logs.on(GetQueryResultsCommand).callsFake(() => ({ status: 'Complete', results: insightsStandIn(sent).map(fields) }));
    const result = await runInsightsQuery(client, { ...base, queryString: query, format });
    expect(sent).toBe(`parse @message "* * * * * * *" as version, srcAddr, dstAddr, dstPort, action, tcpFlags, startTime\n| ${query}`);
    const local = runQueryOnText(query, lines.join('\n'), { format }).rows;
    expect(local.length).toBeGreaterThan(0);
    expect(result.rows).toEqual(local);
    // Without the parse the same text finds nothing in CloudWatch: the bug this prevents.
    expect(insightsStandIn(query)).toEqual([]);
  });

  it('leaves default-format queries alone', () => {
    expect(withFormatParse(query, RecordFormat.DEFAULT)).toBe(query);
  });
});
