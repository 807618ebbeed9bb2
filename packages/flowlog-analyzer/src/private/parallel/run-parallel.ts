import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { startWorker } from './start-worker.js';
import type { Query } from '../query/ast.js';
import { planQuery } from '../query/plan.js';
import { RecordFormat } from '../record-format.js';
import { checkHeaderAgainstFormat } from '../header-check.js';
import { FlowLogError, type FlowLogErrorCode } from '../errors.js';
import { emptyInfo, mergeInfo, type ParseInfo } from '../record-parser.js';
import type { QueryExecutor } from '../engine/execute.js';
import type { WorkerProgress, WorkerReply, WorkerTask } from './protocol.js';

export interface ParallelOptions {
  /** Worker threads. @default - the machine's parallelism, at most 8 */
  readonly workers?: number;
  /** Plain input smaller than this is read on one thread. @default 64 MiB */
  readonly minBytes?: number;
}

/** What both parallel runners (plain ranges, gzip blocks) are given: the split and how to read. */
export type ParallelRunOptions = ParallelOptions & { format?: RecordFormat; strict?: boolean; onProgress?: (info: ParseInfo, file: string) => void };

/** Worker threads for a run: the option, else the machine's parallelism, at most 8. */
export function workerCount(options: ParallelOptions): number {
  return Math.max(1, Math.min(8, options.workers ?? availableParallelism()));
}

/** Bytes of (decompressed) input below which a run stays on one thread. */
export function minParallelBytes(options: ParallelOptions): number {
  return options.minBytes ?? 64 * 2 ** 20;
}

const GZIP = [0x1f, 0x8b];

/**
 * A query can run on several threads when everything before its first `stats` works record by
 * record (filter, fields, parse): each worker then computes partial groups of its share. A query
 * without stats can when it is record by record up to its final sort and limit: each worker then
 * returns its best rows.
 */
export function parallelizable(query: Query): boolean {
  return planQuery(query).parallel !== false;
}

interface FilePlan {
  readonly file: string;
  readonly size: number;
  readonly dataStart: number;
  readonly formatFields: readonly string[] | undefined;
  readonly headerLines: number;
}

async function planFile(file: string, format: RecordFormat | undefined): Promise<FilePlan | undefined> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 65_536));
    await handle.read(head, 0, head.length, 0);
    if (head[0] === GZIP[0] && head[1] === GZIP[1]) return undefined; // gzip cannot be split
    const firstNewline = head.indexOf(10);
    const firstLine = head.subarray(0, firstNewline < 0 ? head.length : firstNewline).toString('utf8');
    if (RecordFormat.isHeaderLine(firstLine)) {
      const header = RecordFormat.fromHeader(firstLine);
      if (format) checkHeaderAgainstFormat(header, format, file, 1);
      return { file, size, dataStart: firstNewline + 1, formatFields: header.fields.map((f) => f.name), headerLines: 1 };
    }
    return { file, size, dataStart: 0, formatFields: format?.fields.map((f) => f.name), headerLines: 0 };
  } finally {
    await handle.close();
  }
}

/** The counts of a piece of a file with its bad lines' numbers moved by the lines before the piece. */
export function shiftLines(info: ParseInfo, offset: number): ParseInfo {
  return {
    ...info,
    malformed: Object.fromEntries(
      Object.entries(info.malformed).map(([code, e]) => [code, { count: e!.count, firstLines: e!.firstLines.map((l) => l + offset) }]),
    ),
  };
}

/** Moves a byte offset forward to the start of the next line. */
async function alignToLine(file: string, offset: number, size: number): Promise<number> {
  if (offset >= size) return size;
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    for (let at = offset - 1; at < size; at += buffer.length) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
      const nl = buffer.subarray(0, bytesRead).indexOf(10);
      if (nl >= 0) return at + nl + 1;
      if (bytesRead === 0) break;
    }
    return size;
  } finally {
    await handle.close();
  }
}

function runWorker(task: WorkerTask, onProgress: (progress: WorkerProgress['progress']) => void): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('query-worker', task);
    worker.on('message', (message: WorkerReply | WorkerProgress) => {
      if ('progress' in message) return onProgress(message.progress);
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/**
 * Runs a query on worker threads over line-aligned byte ranges of plain files: the part up to its
 * first stats command, whose groups are merged into `executor`, or (without stats) the whole
 * query, whose best rows are merged; the caller then finishes `executor`. Returns undefined when
 * the input does not suit (gzip, small) so the caller reads it on one thread.
 */
export async function runInParallel(
  executor: QueryExecutor,
  queryText: string,
  files: readonly string[],
  options: ParallelRunOptions,
): Promise<ParseInfo | undefined> {
  const workers = workerCount(options);
  if (workers < 2) return undefined;
  const plans: FilePlan[] = [];
  for (const file of files) {
    const plan = await planFile(file, options.format);
    if (!plan) return undefined;
    plans.push(plan);
  }
  const total = plans.reduce((s, p) => s + p.size, 0);
  if (total < minParallelBytes(options)) return undefined;

  // Ranges: each file split in proportion to its size, on line boundaries.
  const tasks: { task: WorkerTask; plan: FilePlan; index: number }[] = [];
  for (const plan of plans) {
    const parts = Math.max(1, Math.round((plan.size / total) * workers));
    const bounds = [plan.dataStart];
    for (let k = 1; k < parts; k++)
      bounds.push(await alignToLine(plan.file, plan.dataStart + Math.floor(((plan.size - plan.dataStart) * k) / parts), plan.size));
    bounds.push(plan.size);
    for (let k = 0; k < parts; k++) {
      if (bounds[k + 1]! <= bounds[k]!) continue;
      tasks.push({
        plan,
        index: k,
        task: {
          queryText,
          file: plan.file,
          start: bounds[k]!,
          end: bounds[k + 1]! - 1,
          formatFields: plan.formatFields,
          strict: options.strict ?? false,
          // A header is looked for at the start of the data only (after the first record, one thread sees none).
          headers: k === 0,
        },
      });
    }
  }
  // While the workers run: their counts so far, summed (bad lines are told at the end, in order).
  const sofar = tasks.map(() => ({ bytes: 0, lines: 0, records: 0 }));
  const report = (k: number, progress: WorkerProgress['progress']): void => {
    sofar[k] = progress;
    const sum = (field: 'bytes' | 'lines' | 'records') => sofar.reduce((n, p) => n + p[field], 0);
    options.onProgress?.({ ...emptyInfo(), bytes: sum('bytes'), lines: sum('lines'), records: sum('records') }, tasks[k]!.plan.file);
  };
  const replies = await Promise.all(tasks.map((t, k) => runWorker(t.task, (progress) => report(k, progress))));

  // Merge in file and range order, so line numbers of bad lines become absolute again.
  const info = emptyInfo();
  const linesBefore = new Map<string, number>();
  for (const [i, reply] of replies.entries()) {
    const { plan } = tasks[i]!;
    const offset = linesBefore.get(plan.file) ?? plan.headerLines;
    if (!reply.ok) {
      throw new FlowLogError(
        (reply.code as FlowLogErrorCode | undefined) ?? 'read-error',
        reply.message.replace(/line (\d+)/, (_m, n: string) => `line ${Number(n) + offset}`),
        { source: plan.file, ...(reply.line !== undefined ? { line: reply.line + offset } : {}) },
      );
    }
    if ('groups' in reply.partial) executor.mergeStatsGroups(reply.partial.groups);
    else {
      // The format is not sent with each row: it is the range's, the one the worker parsed with.
      const format = plan.formatFields ? RecordFormat.custom(plan.formatFields) : RecordFormat.DEFAULT;
      executor.mergeResultRows(
        reply.partial.rows.map((row) => ({ ...row, format })),
        reply.partial.resultRows,
      );
    }
    executor.addMatched(reply.matched);
    mergeInfo(info, shiftLines(reply.info, offset));
    linesBefore.set(plan.file, offset + reply.info.lines);
    options.onProgress?.(info, plan.file);
  }
  info.headers += plans.reduce((s, p) => s + p.headerLines, 0);
  info.lines += plans.reduce((s, p) => s + p.headerLines, 0);
  info.bytes += plans.reduce((s, p) => s + p.dataStart, 0);
  return info;
}
