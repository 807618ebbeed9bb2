/**
 * The record parser's fastest path: a WebAssembly scanner (line-scanner.wat) that reads whole
 * windows of lines and checks every field of every line by its kind, writing one fixed-size result
 * a line; JavaScript then makes values only for the fields the query reads. Measured on 2 million
 * default-format records: about 90 ns a line to scan and check, where the generated JavaScript
 * reader took about 200 ns (`npm run bench:parser`).
 *
 * The scanner is the JavaScript reader's twin: it accepts exactly the lines that reader accepts
 * (less, for numbers over 15 digits) and hands every other line back, to be read by JavaScript,
 * which owns every error. So it can make parsing faster, never different:
 * `record-line-reader.test.ts` checks that on random lines.
 */
import { FieldCheck, KEEP, type AddressTexts, type FieldValue, type LineBytes } from './record-line-reader.js';
import { LINE_SCANNER_WASM } from './line-scanner-wasm.js';
import type { RecordTest } from './query/record-tests.js';

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

/**
 * Makes the values of a scanned line from its result record at byte `r`: `b` is the line's bytes in
 * the caller's buffer, `delta` maps the scanner's offsets onto it.
 */
export type ValuesReader = (i32: Int32Array, f64: Float64Array, r: number, b: LineBytes, delta: number, addresses: AddressTexts) => FieldValue[];

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

/** The expression for field `index`'s value, read from its 16-byte slot (f64 value, i32 start, i32 end). */
function valueCode(index: number, kind: number): string {
  if ((kind & KEEP) === 0) return 'null';
  const value = `f64[f + ${2 + 2 * index}]`;
  const start = `i32[q + ${6 + 4 * index}]`;
  const end = `i32[q + ${7 + 4 * index}]`;
  switch ((kind & 7) as FieldCheck) {
    case FieldCheck.Integer:
      return `${start} === -1 ? null : ${value}`;
    case FieldCheck.Action:
      return `${start} === -1 ? null : ${value} === 0 ? 'ACCEPT' : 'REJECT'`;
    case FieldCheck.LogStatus:
      return `${start} === -1 ? null : (v = ${value}) === 0 ? 'OK' : v === 1 ? 'NODATA' : 'SKIPDATA'`;
    case FieldCheck.Address:
      // A known address's text is shared when its length matches (010.0.0.1 is not 10.0.0.1's text).
      return `(s = ${start}) === -1 ? null : ((v = ${value}), (t = addresses.known.get(v)) !== undefined && t.length === ${end} - s ? t : addresses.text(v, b, s + delta, ${end} + delta))`;
    default:
      return `(s = ${start}) === -1 ? null : b.latin1Slice(s + delta, ${end} + delta)`;
  }
}

/** The source of the values reader for these kinds (only small numbers and fixed words go into it). */
export function valuesReaderSource(kinds: Uint8Array): string {
  const values = [...kinds].map((kind, i) => valueCode(i, kind));
  return `const f = r >> 3, q = r >> 2; let s = 0, v = 0, t;\nreturn [\n${values.join(',\n')}\n];`;
}

const valuesReaders = new Map<string, ValuesReader>();

/** One values reader a kind list, shared by every parser (so V8 optimizes each once). */
export function valuesReaderFor(kinds: Uint8Array): ValuesReader {
  const key = kinds.join(',');
  let reader = valuesReaders.get(key);
  if (!reader) {
    // Generated code, not eval of input: the source holds only the kinds' slot numbers and fixed words.
    reader = new Function('i32', 'f64', 'r', 'b', 'delta', 'addresses', valuesReaderSource(kinds)) as ValuesReader;
    valuesReaders.set(key, reader);
  }
  return reader;
}

/** Says whether a scanned record may pass the query's leading filters (false: it cannot). */
export type ScannedTest = (i32: Int32Array, f64: Float64Array, r: number) => boolean;

const WORD_INDEX: Readonly<Record<number, readonly string[]>> = {
  [FieldCheck.Action]: ['ACCEPT', 'REJECT'],
  [FieldCheck.LogStatus]: ['OK', 'NODATA', 'SKIPDATA'],
};

/** A literal as Insights' `=` compares it with a number (values.ts, looseEquals): a number, or text that reads as one. */
function numberOf(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  return value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : undefined;
}

/** The condition under which a record fails `test`, on field `index` of kind `kind`; undefined when it cannot be told from the slot. */
function failCode(test: RecordTest, index: number, kind: number): string | undefined {
  const value = `f64[f + ${2 + 2 * index}]`;
  const present = `i32[q + ${6 + 4 * index}] !== -1`;
  const check = (kind & 7) as FieldCheck;
  if (test.kind === 'present') return `!(${present})`;
  if (test.kind === 'ipv4-in') return check === FieldCheck.Address ? `${present} && ((${value} & ${test.mask}) >>> 0) !== ${test.base}` : undefined;
  let matches: number[];
  if (check === FieldCheck.Integer) matches = test.values.map(numberOf).filter((n): n is number => n !== undefined);
  else if (check === FieldCheck.Action || check === FieldCheck.LogStatus) matches = WORD_INDEX[check]!.flatMap((w, i) => (test.values.includes(w) ? [i] : []));
  else return undefined;
  const equal = matches.length === 0 ? 'false' : matches.map((m) => `v === ${m}`).join(' || ');
  return `${present} && ((v = ${value}), ${test.negated ? equal : `!(${equal})`})`;
}

/**
 * The scanned form of the query's record tests for one format (see query/record-tests.ts), or
 * undefined when none applies: only numbers, words, `-` and IPv4 addresses are told from the slots.
 */
export function scannedTestFor(indexOf: (insightsName: string) => number, kinds: Uint8Array, tests: readonly RecordTest[]): ScannedTest | undefined {
  const fails = tests.flatMap((test) => {
    const index = indexOf(test.field);
    if (index < 0 || (kinds[index]! & KEEP) === 0) return [];
    const code = failCode(test, index, kinds[index]!);
    return code === undefined ? [] : [`if (${code}) return false;`];
  });
  if (fails.length === 0) return undefined;
  const source = `const f = r >> 3, q = r >> 2; let v = 0;\n${fails.join('\n')}\nreturn true;`;
  // One function a source, shared by every parser (a gzip worker makes a parser a block; a new
  // function each time would be compiled and optimized again each time).
  let test = scannedTests.get(source);
  if (!test) {
    // Generated code, not eval of input: the tests' numbers are numbers, their words matched to indexes here.
    test = new Function('i32', 'f64', 'r', source) as ScannedTest;
    scannedTests.set(source, test);
  }
  return test;
}

const scannedTests = new Map<string, ScannedTest>();
