import type { CloudWatchLogsClient, QueryStatus, ResultField } from '@aws-sdk/client-cloudwatch-logs';
import { logsSdk } from './logs-sdk.js';
import { FlowLogError } from '../errors.js';
import { DEFAULT_INSIGHTS_LIMITS, type InsightsLimits } from '../limits.js';
import type { ResultRow } from '../engine/execute.js';
import { fromAwsError } from './aws-errors.js';
import { withFormatParse } from './format-parse.js';
import type { RecordFormat } from '../record-format.js';

export interface InsightsStatistics {
  readonly recordsMatched: number;
  readonly recordsScanned: number;
  readonly bytesScanned: number;
}

export interface InsightsQueryRequest {
  readonly logGroupNames: readonly string[];
  /** Unix seconds, inclusive. */
  readonly startTime: number;
  /** Unix seconds, inclusive. */
  readonly endTime: number;
  readonly queryString: string;
  /**
   * The record format of the log group's flow log (DescribeFlowLogs' LogFormat, or --format).
   * A custom format gets the `parse @message` that names its fields prepended to the query.
   * @default - the default format: Insights discovers its fields
   */
  readonly format?: RecordFormat;
  /** Rows to ask for (StartQuery's limit). @default - the query's own, else Insights' default */
  readonly limit?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (statistics: InsightsStatistics, status: string) => void;
  /** First poll delay, growing by half each poll. @default 500 */
  readonly pollIntervalMs?: number;
  /** @default 5000 */
  readonly maxPollIntervalMs?: number;
  /** Waits while the account already runs its concurrent queries (LimitExceededException). @default 20 tries */
  readonly maxStartAttempts?: number;
  readonly limits?: InsightsLimits;
  /** Injectable for tests. @default setTimeout */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface InsightsQueryResult {
  readonly queryId: string;
  readonly status: 'Complete';
  readonly rows: readonly ResultRow[];
  readonly statistics: InsightsStatistics;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** GetQueryResults rows to plain rows; `@ptr` (a pointer to the event) is kept for merging. */
export function toRows(results: readonly (readonly ResultField[])[] | undefined): ResultRow[] {
  return (results ?? []).map((fields) => {
    const row: ResultRow = {};
    for (const f of fields) if (f.field !== undefined && f.value !== undefined) row[f.field] = f.value;
    return row;
  });
}

function statisticsOf(s: { recordsMatched?: number; recordsScanned?: number; bytesScanned?: number } | undefined): InsightsStatistics {
  return { recordsMatched: s?.recordsMatched ?? 0, recordsScanned: s?.recordsScanned ?? 0, bytesScanned: s?.bytesScanned ?? 0 };
}

/**
 * GetQueryResults hands out at most 10,000 rows a call and the rest by nextToken (CloudWatch Logs
 * API model, GetQueryResults): a query with `limit 25000` needs three calls. Appends to `rows`.
 */
async function readRemainingPages(
  client: CloudWatchLogsClient,
  queryId: string,
  first: string | undefined,
  rows: ResultRow[],
  where: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  const seen = new Set<string>();
  for (let token = first; token !== undefined && !seen.has(token);) {
    seen.add(token);
    let page;
    try {
      page = await client.send(new (logsSdk().GetQueryResultsCommand)({ queryId, nextToken: token }), signal ? { abortSignal: signal } : {});
    } catch (error) {
      throw fromAwsError(error, 'GetQueryResults', where);
    }
    for (const row of toRows(page.results)) rows.push(row);
    token = page.nextToken;
  }
}

/**
 * Runs one Logs Insights query: StartQuery (waiting while the account already runs its
 * concurrent queries, 100 since March 2026), then GetQueryResults with growing intervals until Complete, Failed,
 * Cancelled or Timeout. Progress comes from the query statistics. Aborting the signal calls
 * StopQuery, so nothing keeps scanning (and billing) in the account.
 */
export async function runInsightsQuery(client: CloudWatchLogsClient, request: InsightsQueryRequest): Promise<InsightsQueryResult> {
  const limits = request.limits ?? DEFAULT_INSIGHTS_LIMITS;
  const sleep = request.sleep ?? abortableSleep;
  const groups = request.logGroupNames;
  const where = groups.length === 1 ? `log group ${groups[0]}` : `${groups.length} log groups`;
  if (groups.length === 0) throw new FlowLogError('bad-input', 'no log group to query', { hint: 'give --log-group /vpc/<vpc-id>/flow-logs' });
  if (groups.length > limits.logGroupsPerQuery) {
    throw new FlowLogError('bad-input', `${groups.length} log groups; one Insights query reads at most ${limits.logGroupsPerQuery}`, {
      hint: 'split the log groups over several queries',
    });
  }
  if (request.endTime < request.startTime) throw new FlowLogError('bad-input', 'the time range ends before it starts', { hint: 'check --since and --until' });

  let queryId: string | undefined;
  const maxStarts = request.maxStartAttempts ?? 20;
  for (let attempt = 1; queryId === undefined; attempt++) {
    try {
      const started = await client.send(
        new (logsSdk().StartQueryCommand)({
          logGroupNames: [...groups],
          startTime: request.startTime,
          endTime: request.endTime,
          queryString: withFormatParse(request.queryString, request.format),
          ...(request.limit !== undefined ? { limit: Math.min(request.limit, limits.maxResultRows) } : {}),
        }),
        request.signal ? { abortSignal: request.signal } : {},
      );
      queryId = started.queryId;
      if (!queryId) throw new FlowLogError('aws-error', 'StartQuery returned no query id');
    } catch (error) {
      if (error instanceof FlowLogError) throw error;
      if ((error as { name?: string }).name === 'LimitExceededException' && attempt < maxStarts) {
        // The account already runs its concurrent queries: wait for one to finish.
        request.onProgress?.(statisticsOf(undefined), `waiting: ${limits.concurrentQueries} queries already run in this account`);
        await sleep(Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)), request.signal);
        continue;
      }
      if (request.signal?.aborted) throw new FlowLogError('insights-cancelled', 'the query was cancelled before it started');
      throw fromAwsError(error, 'StartQuery', where);
    }
  }

  const stop = async () => {
    try {
      await client.send(new (logsSdk().StopQueryCommand)({ queryId }));
    } catch {
      // The query may have finished meanwhile; nothing more to stop.
    }
  };
  let interval = request.pollIntervalMs ?? 500;
  const maxInterval = request.maxPollIntervalMs ?? 5000;
  for (;;) {
    try {
      await sleep(interval, request.signal);
    } catch {
      await stop();
      throw new FlowLogError('insights-cancelled', `the query ${queryId} was cancelled; StopQuery was sent so it stops scanning`);
    }
    interval = Math.min(maxInterval, Math.round(interval * 1.5));
    let response;
    try {
      response = await client.send(new (logsSdk().GetQueryResultsCommand)({ queryId }));
    } catch (error) {
      if (request.signal?.aborted) {
        await stop();
        throw new FlowLogError('insights-cancelled', `the query ${queryId} was cancelled; StopQuery was sent so it stops scanning`);
      }
      await stop();
      throw fromAwsError(error, 'GetQueryResults', where);
    }
    const status = (response.status ?? 'Unknown') as QueryStatus | 'Unknown';
    const statistics = statisticsOf(response.statistics);
    request.onProgress?.(statistics, status);
    switch (status) {
      case 'Complete': {
        const rows = toRows(response.results);
        await readRemainingPages(client, queryId!, response.nextToken, rows, where, request.signal);
        return { queryId: queryId!, status: 'Complete', rows, statistics };
      }
      case 'Failed':
        throw new FlowLogError('insights-failed', `the query ${queryId} failed in Logs Insights`, {
          hint: 'check the query syntax in the console; try it locally with artos-net flowlogs query --file',
        });
      case 'Cancelled':
        throw new FlowLogError('insights-cancelled', `the query ${queryId} was cancelled in the account`);
      case 'Timeout':
        throw new FlowLogError(
          'insights-timeout',
          `the query ${queryId} ran into Logs Insights' ${Math.round(limits.queryTimeoutMs / 60_000)}-minute limit and was stopped`,
          { hint: 'narrow the time range (--since/--until) or filter earlier in the query' },
        );
      case 'Scheduled':
      case 'Running':
      default:
        break;
    }
  }
}
