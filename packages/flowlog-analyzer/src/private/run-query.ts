import { parseQuery } from './query/parser.js';
import { planQuery, type QueryPlan } from './query/plan.js';
import type { Query } from './query/ast.js';
import { QueryExecutor, type QueryOutput } from './engine/execute.js';
import type { Row } from './engine/row.js';
import { DEFAULT_INSIGHTS_LIMITS, type InsightsLimits } from './limits.js';
import { RecordParser, emptyInfo, mergeInfo, type FieldValue, type ParseInfo, type RecordContext, type RecordParserOptions } from './record-parser.js';
import type { RecordFormat } from './record-format.js';
import { expandPaths, fileChunks, parseStream } from './sources.js';
import { parallelizable, runInParallel, type ParallelOptions } from './parallel/run-parallel.js';
import { runGzipInParallel } from './parallel/run-gzip-parallel.js';

export interface QueryStatistics {
  /** Where the records were scanned: local files (parsed here) or CloudWatch Logs Insights. */
  readonly source: 'files' | 'cloudwatch';
  readonly recordsScanned: number;
  readonly bytesScanned: number;
  readonly recordsMatched: number;
  readonly info: ParseInfo;
  readonly files: number;
  /** Insights queries run (more than one when the time range was split past the row cap). */
  readonly queries?: number;
}

export interface QueryResult extends QueryOutput {
  readonly statistics: QueryStatistics;
}

export interface LocalQueryOptions {
  /** @default - the default format, or each file's header line */
  readonly format?: RecordFormat;
  /** The first malformed line is an error. @default false */
  readonly strict?: boolean;
  /** @default DEFAULT_INSIGHTS_LIMITS */
  readonly limits?: InsightsLimits;
  /**
   * Worker threads for stats queries over large plain files (both cores of a laptop).
   * @default - on, with the machine's parallelism, for plain input of 64 MiB or more
   */
  readonly parallel?: ParallelOptions | false;
  /** Called about every 8 MiB and after every file, with the totals so far. @default - none */
  readonly onProgress?: (info: ParseInfo, file: string) => void;
}

/** Feeds parsed records into a query executor (one per query run). */
export class QuerySink {
  readonly executor: QueryExecutor;
  readonly keepMessage: boolean;
  /** The only record fields the query reads (undefined: all). */
  readonly fields: ReadonlySet<string> | undefined;
  readonly plan: QueryPlan;
  constructor(
    readonly query: Query,
    limits: InsightsLimits = DEFAULT_INSIGHTS_LIMITS,
  ) {
    this.plan = planQuery(query, limits);
    this.executor = new QueryExecutor(query, limits);
    this.keepMessage = this.plan.needsMessage;
    this.fields = this.plan.fields;
  }

  /** Parser options that feed this sink. */
  parserOptions(source: string, options: LocalQueryOptions): RecordParserOptions {
    return {
      ...(options.format ? { format: options.format } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
      onRecord: this.onRecord,
      strict: options.strict ?? false,
      keepMessage: this.keepMessage,
      recordTests: this.plan.recordTests,
      source,
    };
  }

  private lastFormat: RecordFormat | undefined;
  private startIndex = -1;

  readonly onRecord = (values: FieldValue[], context: RecordContext): void => {
    if (context.format !== this.lastFormat) {
      this.lastFormat = context.format;
      this.startIndex = context.format.indexOf('startTime');
    }
    const startIndex = this.startIndex;
    const start = startIndex >= 0 ? values[startIndex] : null;
    const row: Row = {
      values,
      format: context.format,
      timestamp: typeof start === 'number' ? start * 1000 : undefined,
      message: context.message,
      extra: undefined,
    };
    this.executor.push(row);
  };
}

/** Runs a query over text (tests, small inputs). */
export function runQueryOnText(queryText: string, text: string, options: LocalQueryOptions = {}): QueryResult {
  const sink = new QuerySink(parseQuery(queryText, options.limits), options.limits);
  const parser = new RecordParser(sink.parserOptions('<text>', options));
  parser.push(text);
  parser.close();
  const output = sink.executor.finish();
  return {
    ...output,
    statistics: {
      source: 'files',
      recordsScanned: parser.info.records,
      bytesScanned: parser.info.bytes,
      recordsMatched: output.matched,
      info: parser.info,
      files: 1,
    },
  };
}

/** Runs a query over files and folders, plain or gzip, streamed; stats over big plain files on all cores. */
export async function runLocalQuery(queryText: string, paths: readonly string[], options: LocalQueryOptions = {}): Promise<QueryResult> {
  const query = parseQuery(queryText, options.limits);
  const files = await expandPaths(paths);
  if (options.parallel !== false && parallelizable(query)) {
    const sink = new QuerySink(query, options.limits);
    const common = {
      ...(options.parallel ?? {}),
      ...(options.format ? { format: options.format } : {}),
      strict: options.strict ?? false,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    };
    // Plain files split by byte ranges; gzip decompressed here and dealt in blocks, for stats
    // whose aggregates do not depend on record order (else on one thread).
    const info =
      (await runInParallel(sink.executor, queryText, files, common)) ?? (await runGzipInParallel(sink.executor, sink.plan, queryText, files, common));
    if (info) {
      const output = sink.executor.finish();
      return {
        ...output,
        statistics: { source: 'files', recordsScanned: info.records, bytesScanned: info.bytes, recordsMatched: output.matched, info, files: files.length },
      };
    }
  }
  return runQueryOnSources(
    query,
    files.map((f) => ({ name: f, chunks: fileChunks(f) })),
    options,
  );
}

/** Runs a parsed query over named byte sources (files, stdin, CloudWatch events). */
export async function runQueryOnSources(
  query: Query,
  sources: ReadonlyArray<{ name: string; chunks: AsyncIterable<Uint8Array> }>,
  options: LocalQueryOptions = {},
): Promise<QueryResult> {
  const sink = new QuerySink(query, options.limits);
  const info = emptyInfo();
  for (const source of sources) {
    const progress = options.onProgress
      ? (current: ParseInfo) => {
          const sofar = emptyInfo();
          mergeInfo(sofar, info);
          mergeInfo(sofar, current);
          options.onProgress!(sofar, source.name);
        }
      : undefined;
    const fileInfo = await parseStream(source.chunks, sink.parserOptions(source.name, options), progress);
    mergeInfo(info, fileInfo);
    options.onProgress?.(info, source.name);
  }
  const output = sink.executor.finish();
  return {
    ...output,
    statistics: { source: 'files', recordsScanned: info.records, bytesScanned: info.bytes, recordsMatched: output.matched, info, files: sources.length },
  };
}
