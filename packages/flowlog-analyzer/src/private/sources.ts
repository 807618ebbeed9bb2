import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { FlowLogError } from './errors.js';
import { RecordParser, type RecordParserOptions, type ParseInfo } from './record-parser.js';

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/**
 * The bytes of a source, gunzipped when they start with the gzip magic number: detected by
 * content, not by file name, so `records.log` that is really gzip works, and so does stdin.
 */
export async function* decodedChunks(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const rest = async function* () {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  };
  if (head.length >= 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1) {
    // Large output chunks: fewer, bigger pieces for the parser (zlib's default is 16 KiB).
    yield* Readable.from(rest()).pipe(createGunzip({ chunkSize: 1 << 20 })) as AsyncIterable<Uint8Array>;
  } else {
    yield* rest();
  }
}

/** How often a long source reports progress. */
export const PROGRESS_EVERY_BYTES = 8 * 2 ** 20;

/** Streams one source through a fresh parser; a truncated gzip is counted, not thrown. */
export async function parseStream(source: AsyncIterable<Uint8Array>, options: RecordParserOptions, onProgress?: (info: ParseInfo) => void): Promise<ParseInfo> {
  const parser = new RecordParser(options);
  let nextReport = PROGRESS_EVERY_BYTES;
  try {
    for await (const chunk of decodedChunks(source)) {
      parser.push(chunk);
      if (onProgress && parser.info.bytes >= nextReport) {
        onProgress(parser.info);
        nextReport = parser.info.bytes + PROGRESS_EVERY_BYTES;
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
      parser.close();
      parser.fail(
        'truncated-gzip',
        `${options.source ?? '<input>'}: the gzip stream is cut short or corrupt (${(error as Error).message}); records up to line ${parser.info.lines} were read`,
      );
      return parser.info;
    }
    if (error instanceof FlowLogError) throw error;
    throw new FlowLogError('read-error', `${options.source ?? '<input>'}: ${(error as Error).message}`, { source: options.source });
  }
  parser.close();
  return parser.info;
}

/** Files named on the command line: a folder stands for the files in it (sorted, recursively). */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new FlowLogError('bad-input', `no such file or folder: ${path}`, { source: path, hint: 'check the path given to --file' });
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).sort();
      out.push(...(await expandPaths(entries.filter((e) => !e.startsWith('.')).map((e) => join(path, e)))));
    } else out.push(path);
  }
  return out;
}

export function fileChunks(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: 1 << 20 });
}

/**
 * Parses the plain bytes `[start, end]` (inclusive, line-aligned) of a file with synchronous reads
 * into one reused buffer: what a worker thread does with its share. No stream, no buffer per
 * chunk: measured on 10 million records, the stream's reads and idle waits were 0.35 s a worker.
 */
export function parseFileRange(file: string, start: number, end: number, options: RecordParserOptions, onProgress?: (info: ParseInfo) => void): ParseInfo {
  const parser = new RecordParser(options);
  let nextReport = PROGRESS_EVERY_BYTES;
  const chunk = Buffer.allocUnsafe(1 << 20);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    for (let position = start; position <= end;) {
      const read = readSync(fd, chunk, 0, Math.min(chunk.length, end + 1 - position), position);
      if (read === 0) break;
      parser.push(chunk.subarray(0, read));
      position += read;
      if (onProgress && parser.info.bytes >= nextReport) {
        onProgress(parser.info);
        nextReport = parser.info.bytes + PROGRESS_EVERY_BYTES;
      }
    }
  } catch (error) {
    if (error instanceof FlowLogError) throw error;
    throw new FlowLogError('read-error', `${options.source ?? file}: ${(error as Error).message}`, { source: options.source ?? file });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  parser.close();
  return parser.info;
}
