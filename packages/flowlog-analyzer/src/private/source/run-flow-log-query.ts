import { parseQuery } from '../query/parser.js';
import { DEFAULT_INSIGHTS_LIMITS, type InsightsLimits } from '../limits.js';
import type { RecordFormat } from '../record-format.js';
import { emptyInfo } from '../record-parser.js';
import { FlowLogError } from '../errors.js';
import { expandPaths, fileChunks } from '../sources.js';
import { runLocalQuery, runQueryOnSources, type QueryResult } from '../run-query.js';
import type { ParallelOptions } from '../parallel/run-parallel.js';
import { runInsightsQueryComplete } from '../insights/complete-results.js';
import type { CloudWatchSource, FileSource, FlowLogSource, QueryProgress } from './flow-log-source.js';

export interface FlowLogQueryOptions {
  /** The records' format (a custom format: its fields; in CloudWatch, the `parse @message` that names them). @default - default format, or each file's header */
  readonly format?: RecordFormat;
  /** Local files: the first malformed line is an error. @default false */
  readonly strict?: boolean;
  /** @default DEFAULT_INSIGHTS_LIMITS */
  readonly limits?: InsightsLimits;
  /** Rows the result may hold when the query sets no `limit`. @default - Insights' default (10,000) locally; every row (by time-range splitting) in CloudWatch */
  readonly rowLimit?: number;
  /** Local files: worker threads for stats queries over big plain files. @default - on */
  readonly parallel?: ParallelOptions | false;
  /** Stops the query: CloudWatch's is stopped in the account; a local one is abandoned. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: QueryProgress) => void;
}

/**
 * The one dispatcher: runs a Logs Insights query over any flow-log source and returns the same
 * `QueryResult` — rows, and statistics that say what was really scanned (locally: records, bytes
 * and malformed lines per reason; in CloudWatch: Insights' own counts and how many queries ran).
 */
export async function runFlowLogQuery(queryText: string, source: FlowLogSource, options: FlowLogQueryOptions = {}): Promise<QueryResult> {
  // The same text must be valid locally too: a bad query fails here, before CloudWatch bills it.
  parseQuery(queryText, options.limits);
  if (options.signal?.aborted) throw options.signal.reason as Error;
  return source.kind === 'files' ? abortable(runOnFiles(queryText, source, options), options.signal) : runInCloudWatch(queryText, source, options);
}

function limitsFor(options: FlowLogQueryOptions): InsightsLimits {
  const limits = options.limits ?? DEFAULT_INSIGHTS_LIMITS;
  const rows = options.rowLimit;
  return rows === undefined ? limits : { ...limits, defaultResultRows: rows, maxResultRows: Math.max(rows, limits.maxResultRows) };
}

async function runOnFiles(queryText: string, source: FileSource, options: FlowLogQueryOptions): Promise<QueryResult> {
  const files = await expandPaths(source.paths);
  if (files.length === 0 && !source.stdin) {
    throw new FlowLogError('bad-input', `no flow-log files in ${source.paths.join(', ') || '(no path given)'}`, {
      hint: 'give a flow-log file (.log, .gz) or a folder that holds some',
    });
  }
  const onProgress = options.onProgress;
  const local = {
    limits: limitsFor(options),
    ...(options.format ? { format: options.format } : {}),
    strict: options.strict ?? false,
    ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
    ...(onProgress
      ? {
          onProgress: (info: { records: number; bytes: number }, file: string) =>
            onProgress({ recordsScanned: info.records, bytesScanned: info.bytes, where: file }),
        }
      : {}),
  };
  if (!source.stdin) return runLocalQuery(queryText, files, local);
  // stdin cannot be split by byte ranges: one thread, after the files.
  const sources = [...files.map((f) => ({ name: f, chunks: fileChunks(f) })), { name: '<stdin>', chunks: source.stdin }];
  return runQueryOnSources(parseQuery(queryText, local.limits), sources, local);
}

async function runInCloudWatch(queryText: string, source: CloudWatchSource, options: FlowLogQueryOptions): Promise<QueryResult> {
  const limits = options.limits ?? DEFAULT_INSIGHTS_LIMITS;
  const onProgress = options.onProgress;
  // Past Insights' per-query maximum, every row is wanted: no limit, the time range is split instead.
  const limit = options.rowLimit !== undefined && options.rowLimit <= limits.maxResultRows ? options.rowLimit : undefined;
  const complete = await runInsightsQueryComplete(source.client, {
    logGroupNames: source.logGroupNames,
    startTime: source.startTime,
    endTime: source.endTime,
    queryString: queryText,
    limits,
    ...(options.format ? { format: options.format } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(onProgress
      ? {
          onProgress: (s: { recordsScanned: number; bytesScanned: number }, status: string) =>
            onProgress({ recordsScanned: s.recordsScanned, bytesScanned: s.bytesScanned, where: status }),
        }
      : {}),
  });
  // @ptr is Insights' pointer to the log event, not a result column.
  const rows = complete.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== '@ptr')));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return {
    columns,
    rows,
    matched: complete.statistics.recordsMatched,
    truncated: complete.incomplete,
    warnings: complete.missing ? [`incomplete: ${complete.missing}`] : [],
    statistics: {
      source: 'cloudwatch',
      recordsScanned: complete.statistics.recordsScanned,
      bytesScanned: complete.statistics.bytesScanned,
      recordsMatched: complete.statistics.recordsMatched,
      // No line is parsed here: Insights reports no malformed lines.
      info: emptyInfo(),
      files: 0,
      queries: complete.queries,
    },
  };
}

/** Rejects when the signal fires; the local work it abandons ends on its own. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise((resolve, reject) => {
    // Settling twice is harmless; the work's own failure after an abort is thereby handled too.
    work.then(resolve, reject);
    if (signal.aborted) reject(signal.reason as Error);
    else signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}
