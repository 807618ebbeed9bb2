/**
 * The record parser's fastest path: a WebAssembly scanner (line-scanner.wat) that reads whole
 * windows of lines and checks every field of every line by its kind, writing one fixed-size result
 * a line; JavaScript then makes values only for the fields the query reads (scanned-values.ts) and
 * applies the query's record tests (scanned-tests.ts). Measured on 2 million default-format
 * records with the seed's three fields: 135 ns a line, values included, against 226 ns for the
 * generated JavaScript reader (`npm run bench:parser`).
 *
 * The scanner is the JavaScript reader's twin: it accepts exactly the lines that reader accepts
 * (less, for numbers over 15 digits) and hands every other line back, to be read by JavaScript,
 * which owns every error. So it can make parsing faster, never different:
 * `record-line-reader.test.ts` checks that on random lines.
 */
import { LINE_SCANNER_WASM } from './line-scanner-wasm.js';

/** Byte offsets of the scanner's memory layout (see line-scanner.wat). */
const CONSUMED_AT = 8;
const KINDS_AT = 64;
/** Formats with more fields than this are read by JavaScript (the kinds area is 192 bytes). */
export const MAX_SCANNED_FIELDS = 192;
const OUT_AT = 256;
/** Result records written a call: enough to amortize the call, small enough to stay in cache. */
const LINES_PER_CALL = 512;
/** Bytes readable after the input: the line-end search loads 16 bytes at a time. */
const PADDING = 16;
const PAGE = 65536;

/** A line's status in its result record. */
export const enum ScanStatus {
  HandBack = 0,
  Record = 1,
  Empty = 2,
}

type ScanFunction = (at: number, end: number, out: number, maxLines: number, fields: number) => number;

/** The little of WebAssembly's API used here (the project's libs declare no DOM or WebAssembly types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => WasmInstance;
}

/** One scanner a thread (its memory is reused by every parser there, one window at a time). */
export class LineScanner {
  private readonly memory: WasmMemory;
  private readonly scanFunction: ScanFunction;
  private bytes!: Uint8Array;
  i32!: Int32Array;
  f64!: Float64Array;
  /** Set while a window is being read: a parser called back from a record then reads in JavaScript. */
  busy = false;
  private at = 0;
  private end = 0;
  private fields = 0;
  /** Bytes from one result record to the next, for the loaded kinds. */
  stride = 0;
  readonly out = OUT_AT;

  constructor(instance: WasmInstance) {
    this.memory = instance.exports['memory'] as WasmMemory;
    this.scanFunction = instance.exports['scan'] as ScanFunction;
    this.views();
  }

  private views(): void {
    this.bytes = new Uint8Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
    this.f64 = new Float64Array(this.memory.buffer);
  }

  /**
   * Copies the whole lines `bytes[start, end)` (the last ending in \n) and the field kinds into the
   * scanner's memory; returns `start` minus where they now are, to map offsets back.
   */
  load(bytes: Uint8Array, start: number, end: number, kinds: Uint8Array): number {
    this.stride = 16 + 16 * kinds.length;
    const inputAt = OUT_AT + LINES_PER_CALL * this.stride;
    const needed = inputAt + (end - start) + PADDING;
    if (needed > this.memory.buffer.byteLength) {
      this.memory.grow(Math.ceil((needed - this.memory.buffer.byteLength) / PAGE));
      this.views();
    }
    this.bytes.set(kinds, KINDS_AT);
    this.bytes.set(bytes.subarray(start, end), inputAt);
    this.at = inputAt;
    this.end = inputAt + (end - start);
    this.fields = kinds.length;
    return start - inputAt;
  }

  /** Scans the next lines of the loaded window: how many result records are at `out` (0 at its end). */
  next(): number {
    if (this.at >= this.end) return 0;
    const lines = this.scanFunction(this.at, this.end, OUT_AT, LINES_PER_CALL, this.fields);
    this.at = this.i32[CONSUMED_AT >> 2]!;
    return lines;
  }
}

let scanner: LineScanner | null | undefined;

/** This thread's scanner, or undefined where WebAssembly (with SIMD) is not available. */
export function lineScanner(): LineScanner | undefined {
  if (scanner === undefined) {
    try {
      const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
      scanner = new LineScanner(new wasm.Instance(new wasm.Module(Buffer.from(LINE_SCANNER_WASM, 'base64'))));
    } catch {
      scanner = null;
    }
  }
  return scanner ?? undefined;
}

/**
 * The expressions for field `index`'s 16-byte slot in a result record at byte `r`, for generated
 * code that has `f = r >> 3` and `q = r >> 2`: the f64 value, the i32 start (-1 for `-`) and end.
 */
export function slotCode(index: number): { value: string; start: string; end: string } {
  return { value: `f64[f + ${2 + 2 * index}]`, start: `i32[q + ${6 + 4 * index}]`, end: `i32[q + ${7 + 4 * index}]` };
}
