import { open } from 'node:fs/promises';
import type { QueryPlan } from '../query/plan.js';
import { RecordFormat } from '../record-format.js';
import { FlowLogError, type FlowLogErrorCode } from '../errors.js';
import { emptyInfo, mergeInfo, recordSkip, type ParseInfo } from '../record-parser.js';
import { decodedChunks, fileChunks, PROGRESS_EVERY_BYTES } from '../sources.js';
import type { PartialGroups, QueryExecutor } from '../engine/execute.js';
import { BlockPool, BlockPoolFailed, SLOT_BYTES } from './block-pool.js';
import { minParallelBytes, shiftLines, workerCount, type ParallelRunOptions } from './run-parallel.js';

/** One block of the input, in order: its file, whether it starts the file, and its counts once parsed. */
interface Block {
  readonly file: string;
  readonly first: boolean;
  info?: ParseInfo;
  /** The file's gzip stream ended cut short after this block. */
  truncated?: boolean;
}

/**
 * The gzip input of a stats query whose aggregates do not depend on record order, on worker
 * threads: gzip cannot be split by byte ranges, so the main thread decompresses (zlib works on
 * libuv's pool) and deals line-aligned blocks to whichever worker is free; the counts of the
 * blocks are merged in input order, so the line numbers of bad lines are those one thread reports.
 * Returns undefined when the query or input does not suit (the caller reads it on one thread).
 */
export async function runGzipInParallel(
  executor: QueryExecutor,
  plan: QueryPlan,
  queryText: string,
  files: readonly string[],
  options: ParallelRunOptions,
): Promise<ParseInfo | undefined> {
  const workers = workerCount(options);
  // strict stops at the first bad line, which only one thread reading in order can tell.
  if (workers < 2 || plan.parallel !== 'stats' || !plan.orderFreeStats || options.strict) return undefined;
  let compressed = 0;
  for (const file of files) {
    const size = await gzipSize(file);
    if (size === undefined) return undefined;
    compressed += size;
  }
  // Flow logs compress about tenfold: the same threshold as for plain input.
  if (compressed * 10 < minParallelBytes(options)) return undefined;

  const given = options.format?.fields.map((f) => f.name);
  const blocks: Block[] = [];
  const pool = new BlockPool(workers, queryText);
  // The counts are merged in input order as blocks come back, with progress every few MiB.
  const total = emptyInfo();
  let merged = 0;
  let sealed = 0;
  let offset = 0;
  let nextReport = PROGRESS_EVERY_BYTES;
  const advance = (): void => {
    // The last block dealt may yet learn that its file was cut short, until the file is done.
    const limit = Math.max(sealed, blocks.length - 1);
    while (merged < limit && blocks[merged]!.info) {
      const block = blocks[merged++]!;
      if (block.first) offset = 0; // line numbers restart with each file, as with one parser per file
      mergeInfo(total, shiftLines(block.info!, offset));
      offset += block.info!.lines;
      if (block.truncated) recordSkip(total, 'truncated-gzip', offset);
      const endsFile = merged < blocks.length ? blocks[merged]!.first : merged === sealed;
      if (total.bytes >= nextReport || endsFile) {
        options.onProgress?.(total, block.file);
        nextReport = total.bytes + PROGRESS_EVERY_BYTES;
      }
    }
  };
  try {
    for (const file of files) {
      await dealFile(file, given, blocks, pool, advance);
      sealed = blocks.length;
      advance();
    }
    const { groups, origins, matched } = await pool.end();
    advance();
    executor.mergeStatsGroups(inFirstSightOrder(groups, origins));
    executor.addMatched(matched);
    return total;
  } catch (error) {
    if (!(error instanceof BlockPoolFailed)) throw error;
    // The failing block's line, counted from its file's start: the lines of the file's blocks before it.
    await pool.drain();
    const { seq, reply } = error;
    let before = 0;
    for (let k = seq - 1; k >= 0 && blocks[k + 1]!.first === false; k--) before += blocks[k]!.info?.lines ?? 0;
    const file = blocks[seq]!.file;
    throw new FlowLogError(
      (reply.code as FlowLogErrorCode | undefined) ?? 'read-error',
      reply.message.replace(/line (\d+)/, (_m, n: string) => `line ${Number(n) + before}`),
      { source: file, ...(reply.line !== undefined ? { line: reply.line + before } : {}) },
    );
  } finally {
    pool.close();
  }
}

/**
 * The workers' groups in the order one thread makes them, the order of first sight in the input
 * (which the result keeps where no sort decides, and where a sort ties): by the block that made
 * each, then, within a block (read by one worker), in the order that worker made them. Merged in
 * this order, a group seen by several workers is made at its first sight. Without it the order
 * would follow which worker happened to be free, and change from run to run.
 */
function inFirstSightOrder(groups: readonly PartialGroups[], origins: readonly (readonly number[])[]): PartialGroups {
  const all = groups.flatMap((partial, w) => partial.map((group, k) => ({ group, origin: origins[w]![k]!, k })));
  all.sort((a, b) => a.origin - b.origin || a.k - b.k);
  return all.map((entry) => entry.group);
}

/**
 * Decompresses one file and deals it to the pool in blocks of whole lines, appended to `blocks`
 * in order: zlib chunks gathered up to a slot's size, cut after their last newline (the rest
 * starts the next block).
 */
async function dealFile(file: string, given: readonly string[] | undefined, blocks: Block[], pool: BlockPool, onBlockDone: () => void): Promise<void> {
  let fileFormat = given;
  const send = async (pieces: readonly Uint8Array[]): Promise<void> => {
    const first = blocks.length === 0 || blocks[blocks.length - 1]!.file !== file;
    // The first block is read as one thread reads a file's start (the given format; a header may
    // switch it); the others in the file's format, where a header-like line is data.
    if (first) fileFormat = headerFields(pieces[0]!) ?? given; // a file's first block starts with its first line
    const block: Block = { file, first };
    blocks.push(block);
    await pool.send({ kind: 'block', seq: blocks.length - 1, source: file, formatFields: first ? given : fileFormat, first }, pieces, (info) => {
      block.info = info;
      onBlockDone();
    });
  };
  let pieces: Buffer[] = [];
  let size = 0;
  /** Sends the gathered pieces up to their last newline; keeps the rest (none: a line longer than a slot, keep gathering). */
  const sendWholeLines = async (): Promise<void> => {
    for (let k = pieces.length - 1; k >= 0; k--) {
      const cut = pieces[k]!.lastIndexOf(10) + 1;
      if (cut === 0) continue;
      const rest = [pieces[k]!.subarray(cut), ...pieces.slice(k + 1)].filter((p) => p.length > 0);
      await send([...pieces.slice(0, k), pieces[k]!.subarray(0, cut)]);
      pieces = rest;
      size = rest.reduce((n, p) => n + p.length, 0);
      return;
    }
  };
  try {
    for await (const decoded of decodedChunks(fileChunks(file))) {
      const chunk = decoded as Buffer;
      if (size > 0 && size + chunk.length > SLOT_BYTES) await sendWholeLines();
      pieces.push(chunk);
      size += chunk.length;
    }
  } catch (error) {
    if (error instanceof BlockPoolFailed || error instanceof FlowLogError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'Z_BUF_ERROR' && code !== 'Z_DATA_ERROR') throw new FlowLogError('read-error', `${file}: ${(error as Error).message}`, { source: file });
    // Cut short: what was read is counted, then the truncation, as one thread does.
    if (size > 0) await send(pieces);
    if (blocks.length === 0 || blocks[blocks.length - 1]!.file !== file) blocks.push({ file, first: true, info: emptyInfo() });
    blocks[blocks.length - 1]!.truncated = true;
    return;
  }
  if (size > 0) await send(pieces);
}

/** The field names of a header line that starts the block, if it does (a bad header is the worker's to count). */
function headerFields(bytes: Uint8Array): readonly string[] | undefined {
  const newline = bytes.indexOf(10);
  const line = Buffer.from(bytes.subarray(0, newline < 0 ? Math.min(bytes.length, 4096) : newline)).toString('utf8');
  if (!RecordFormat.isHeaderLine(line)) return undefined;
  try {
    return RecordFormat.fromHeader(line).fields.map((f) => f.name);
  } catch {
    return undefined;
  }
}

/** The compressed size of a gzip file, or undefined when it is not gzip. */
async function gzipSize(file: string): Promise<number | undefined> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    if (head[0] !== 0x1f || head[1] !== 0x8b) return undefined;
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}
