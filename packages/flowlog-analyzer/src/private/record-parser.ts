import { isAscii } from 'node:buffer';
import { isIPv6 } from 'node:net';
import { FlowLogError, type FlowLogErrorCode } from './errors.js';
import { RecordFormat } from './record-format.js';
import { checkHeaderAgainstFormat } from './header-check.js';
import { FieldCheck, KEEP, lineReaderFor, type AddressTexts, type FieldValue, type LineBytes, type LineReader } from './record-line-reader.js';
import { lineScanner, MAX_SCANNED_FIELDS, ScanStatus, type LineScanner } from './line-scanner.js';
import { valuesReaderFor } from './scanned-values.js';
import { scannedTestFor, type ScannedTest } from './scanned-tests.js';
import type { RecordTest } from './query/record-tests.js';

export type { FieldValue } from './record-line-reader.js';

/** What the parser counts: bytes, lines, records, and each kind of bad line with where. */
export interface ParseInfo {
  bytes: number;
  lines: number;
  records: number;
  headers: number;
  skipped: number;
  readonly malformed: Partial<Record<FlowLogErrorCode, { count: number; firstLines: number[] }>>;
}

/** Valid only during the onRecord call: the parser reuses it for the next record. */
export interface RecordContext {
  /** 1-based line number in its source. */
  readonly line: number;
  readonly format: RecordFormat;
  /** The raw line, when the parser keeps it (`keepMessage`). */
  readonly message: string | undefined;
}

export interface RecordParserOptions {
  /** @default - the default format, or the file's header line */
  readonly format?: RecordFormat;
  readonly onRecord: (values: FieldValue[], context: RecordContext) => void;
  /** Called for every bad line (after it is counted). @default - nothing */
  readonly onSkip?: (error: FlowLogError, raw: string) => void;
  /** Make the first bad line an error instead of a counted skip. @default false */
  readonly strict?: boolean;
  /** Keep each raw line for `@message`. @default false */
  readonly keepMessage?: boolean;
  /** Name of the input, for messages. @default '<input>' */
  readonly source?: string;
  /**
   * Insights names of the only fields to type; the others are left null and not parsed (a query
   * reads a few of the fourteen). The field count of every line is still checked.
   * @default - every field
   */
  readonly fields?: ReadonlySet<string>;
  /**
   * Whether a line before the first record may be a header line. Off for a piece cut from the
   * middle of a file (a worker's share), where a header-like line is data, as on one thread.
   * @default true
   */
  readonly headers?: boolean;
  /**
   * Tests the query's leading filters imply (query/record-tests.ts): a record that fails one is
   * counted and may not be handed to `onRecord`, as the filter would drop it anyway.
   * @default - every record is handed over
   */
  readonly recordTests?: readonly RecordTest[];
}

export const FIRST_LINES_KEPT = 5;

export function emptyInfo(): ParseInfo {
  return { bytes: 0, lines: 0, records: 0, headers: 0, skipped: 0, malformed: {} };
}

export function recordSkip(info: ParseInfo, code: FlowLogErrorCode, line: number): void {
  const entry = (info.malformed[code] ??= { count: 0, firstLines: [] });
  entry.count++;
  if (entry.firstLines.length < FIRST_LINES_KEPT) entry.firstLines.push(line);
  info.skipped++;
}

function checkOf(name: string, kind: 'int' | 'string' | 'address'): FieldCheck {
  if (name === 'action') return FieldCheck.Action;
  if (name === 'log-status') return FieldCheck.LogStatus;
  return kind === 'int' ? FieldCheck.Integer : kind === 'address' ? FieldCheck.Address : FieldCheck.Text;
}

/**
 * A dotted-quad IPv4 address in `bytes[start, end)` (four parts of 1 to 3 digits, each at most
 * 255) as its 32-bit number, or -1. The number also tells whether the address was seen before.
 */
function ipv4At(bytes: Uint8Array, start: number, end: number): number {
  let parts = 0;
  let part = 0;
  let address = 0;
  let digits = 0;
  for (let i = start; i <= end; i++) {
    const c = i === end ? 46 : bytes[i]!;
    if (c === 46) {
      if (digits === 0 || part > 255 || ++parts > 4) return -1;
      address = address * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return -1;
      part = part * 10 + c - 48;
    } else return -1;
  }
  return parts === 4 ? address : -1;
}

/**
 * Address strings already made, by number: a flow log repeats a few thousand addresses millions of
 * times, so each is sliced once and then shared (its hash is computed once too, which speeds up
 * grouping by address). Bounded: past the limit new addresses are sliced every time.
 */
const MAX_INTERNED_ADDRESSES = 1 << 16;

/** `bytes[start, end)` equals the ASCII word `word`. */
function isWordAt(bytes: Uint8Array, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[start + k] !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * The one value of an action or log-status field (a shared constant string, nothing allocated), or
 * undefined when the field holds something else.
 */
function actionAt(bytes: Uint8Array, start: number, end: number): string | undefined {
  return isWordAt(bytes, start, end, 'ACCEPT') ? 'ACCEPT' : isWordAt(bytes, start, end, 'REJECT') ? 'REJECT' : undefined;
}
function logStatusAt(bytes: Uint8Array, start: number, end: number): string | undefined {
  return isWordAt(bytes, start, end, 'OK')
    ? 'OK'
    : isWordAt(bytes, start, end, 'NODATA')
      ? 'NODATA'
      : isWordAt(bytes, start, end, 'SKIPDATA')
        ? 'SKIPDATA'
        : undefined;
}

/** Longest run of digits read as a number (2^64 has 20 digits). */
const MAX_DIGITS = 20;
const SPACE = 32;
const NEWLINE = 10;
const RETURN = 13;
const DASH = 45;
const LOWER_A = 97;
const LOWER_Z = 122;

function asBuffer(bytes: Uint8Array): LineBytes {
  return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as LineBytes;
}

/**
 * The platform-free core, on bytes: `push(bytes)` any number of times, then `close()`. Lines are
 * split on `\n` (a trailing `\r` is dropped); a header line of field names switches the format.
 * Every field of every line is checked in one pass over its bytes (digits, dotted quads, the
 * action and log-status words, `-`), whatever the query reads, so the malformed count never
 * depends on the query; only the fields the query reads become values, and only text fields
 * become strings. Every bad line is counted by reason with its first line numbers, and never stops
 * the parse unless `strict` is set.
 */
export class RecordParser {
  readonly info: ParseInfo = emptyInfo();
  private format: RecordFormat;
  /** The bytes of a line cut by the end of the previous chunk. */
  private pending: Buffer | undefined;
  private kinds: Uint8Array;
  /** The fast path for well-formed lines of these kinds (see record-line-reader.ts). */
  private reader: LineReader;
  /** The fastest path, for whole windows of lines once the header is past (see line-scanner.ts). */
  private scanner: LineScanner | undefined = lineScanner();
  /** Bytes handed to the scanner at a time (a line longer than this is read in JavaScript). */
  private scanWindow = 1 << 20;
  /** The record tests on scanned records, for the current format (undefined: none applies). */
  private scannedTest: ScannedTest | undefined;
  private readonly context: { line: number; format: RecordFormat; message: string | undefined } = { line: 0, format: RecordFormat.DEFAULT, message: undefined };

  constructor(private readonly options: RecordParserOptions) {
    this.format = options.format ?? RecordFormat.DEFAULT;
    this.kinds = this.kindsOf(this.format);
    this.reader = lineReaderFor(this.kinds);
    this.scannedTest = this.scannedTestOf(this.format);
  }

  private scannedTestOf(format: RecordFormat): ScannedTest | undefined {
    const tests = this.options.recordTests;
    return tests && tests.length > 0 ? scannedTestFor((name) => format.indexOf(name), this.kinds, tests) : undefined;
  }

  /**
   * Per field, how it is checked (low bits, FieldCheck) and whether its value is kept (KEEP): every
   * field of every line is checked, whatever the query reads, so the malformed count does not
   * depend on the query; only the fields the query reads become values.
   */
  private kindsOf(format: RecordFormat): Uint8Array {
    const wanted = this.options.fields;
    return Uint8Array.from(format.fields.map((f) => checkOf(f.name, f.kind) | (wanted && !wanted.has(f.insights) ? 0 : KEEP)));
  }

  /** The texts of IPv4 addresses, shared between records (see MAX_INTERNED_ADDRESSES). */
  private readonly addresses: AddressTexts = {
    known: new Map<number, string>(),
    text(ipv4: number, bytes: LineBytes, start: number, end: number): string {
      const known = this.known.get(ipv4);
      // Only the canonical spelling is shared; 010.0.0.1 (same number, longer) stays as written.
      if (known !== undefined && known.length === end - start) return known;
      const text = bytes.latin1Slice(start, end);
      if (known === undefined && this.known.size < MAX_INTERNED_ADDRESSES && isCanonicalIpv4(text)) this.known.set(ipv4, text);
      return text;
    },
  };

  get currentFormat(): RecordFormat {
    return this.format;
  }

  push(chunk: Uint8Array | string): void {
    const bytes = asBuffer(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    this.info.bytes += bytes.byteLength;
    let start = 0;
    if (this.pending) {
      const newline = bytes.indexOf(NEWLINE);
      if (newline < 0) {
        this.pending = Buffer.concat([this.pending, bytes]);
        return;
      }
      const joined = asBuffer(Buffer.concat([this.pending, bytes.subarray(0, newline)]));
      this.pending = undefined;
      this.lineAt(joined, 0, joined.length);
      start = newline + 1;
    }
    for (let newline = bytes.indexOf(NEWLINE, start); newline >= 0; newline = bytes.indexOf(NEWLINE, start)) {
      // Once no header can come (past the first record, or in a piece cut from a file's middle),
      // the rest of the chunk's whole lines go to the scanner.
      if (
        this.scanner !== undefined &&
        !this.scanner.busy &&
        this.kinds.length <= MAX_SCANNED_FIELDS &&
        (this.info.records > 0 || this.options.headers === false)
      ) {
        const end = bytes.lastIndexOf(NEWLINE) + 1;
        this.scanLines(bytes, start, end);
        start = end;
        break;
      }
      this.lineAt(bytes, start, newline);
      start = newline + 1;
    }
    // A copy: the caller may reuse the chunk's memory.
    if (start < bytes.length) this.pending = Buffer.from(bytes.subarray(start));
  }

  close(): void {
    const rest = this.pending;
    this.pending = undefined;
    if (rest && rest.length > 0) this.lineAt(asBuffer(rest), 0, rest.length);
  }

  /** Parses one line (without its newline). */
  line(raw: string): void {
    const bytes = asBuffer(Buffer.from(raw, 'utf8'));
    this.lineAt(bytes, 0, bytes.length);
  }

  /** Reads the whole lines `bytes[start, end)` with the scanner, one window at a time. */
  private scanLines(bytes: LineBytes, start: number, end: number): void {
    while (start < end) {
      let stop = end;
      if (end - start > this.scanWindow) {
        stop = bytes.lastIndexOf(NEWLINE, start + this.scanWindow - 1) + 1;
        if (stop <= start) {
          // One line longer than the window: JavaScript reads it.
          stop = bytes.indexOf(NEWLINE, start) + 1;
          this.lineAt(bytes, start, stop - 1);
          start = stop;
          continue;
        }
      }
      this.scanWindowOf(bytes, start, stop);
      start = stop;
    }
  }

  private scanWindowOf(bytes: LineBytes, start: number, end: number): void {
    const scanner = this.scanner!;
    const readValues = valuesReaderFor(this.kinds);
    const test = this.scannedTest;
    scanner.busy = true;
    try {
      const delta = scanner.load(bytes, start, end, this.kinds);
      const { i32, f64, stride, out } = scanner;
      for (let lines = scanner.next(); lines > 0; lines = scanner.next()) {
        for (let k = 0, r = out; k < lines; k++, r += stride) {
          const status = i32[r >> 2] as ScanStatus;
          const from = i32[(r >> 2) + 1]! + delta;
          const to = i32[(r >> 2) + 2]! + delta;
          if (status === ScanStatus.Record) {
            const lineNo = ++this.info.lines;
            // A record the query's leading filters would drop: counted, no values made.
            if (test !== undefined && !test(i32, f64, r)) this.info.records++;
            else this.record(readValues(i32, f64, r, bytes, delta, this.addresses), bytes, from, to, lineNo);
          } else if (status === ScanStatus.Empty) this.info.lines++;
          else this.parseLine(bytes, from, to);
        }
      }
    } finally {
      scanner.busy = false;
    }
  }

  private lineAt(bytes: LineBytes, from: number, to: number): void {
    this.parseLine(bytes, from, to > from && bytes[to - 1] === RETURN ? to - 1 : to);
  }

  /**
   * Parses the line `bytes[from, to)` in place, field by field in one pass: numbers are read from
   * their digits, addresses and words checked on their bytes, and a string is made only for a text
   * field the query reads (or the whole line for @message, a header, an error). A well-formed line
   * is read by the generated fast path; the loop below reads the others and owns every error.
   */
  private parseLine(bytes: LineBytes, from: number, to: number): void {
    const lineNo = ++this.info.lines;
    if (to === from || (bytes[from]! <= SPACE && isBlank(bytes, from, to))) return;
    // Before the first record, a line that starts like a field name may be a header (files
    // delivered to S3): checked first, since a header of text fields would also pass as a record.
    if (this.info.records === 0 && this.options.headers !== false && bytes[from]! >= LOWER_A && bytes[from]! <= LOWER_Z) {
      const raw = bytes.utf8Slice(from, to);
      if (RecordFormat.isHeaderLine(raw)) return this.header(raw, lineNo);
    }
    const kinds = this.kinds;
    const count = kinds.length;
    const values: FieldValue[] = new Array(count);
    if (this.reader(bytes, from, to, values, this.addresses)) return this.record(values, bytes, from, to, lineNo);
    // Flow logs are ASCII: then text fields are sliced as latin1, the cheapest string there is.
    const ascii = isAscii(bytes.subarray(from, to));
    let p = from;
    let i = 0;
    for (; i < count; i++) {
      const start = p;
      const kind = kinds[i]!;
      const check = kind & 7;
      if (check === FieldCheck.Integer) {
        let value = 0;
        let digitsOnly = true;
        for (; p < to; p++) {
          const c = bytes[p]!;
          if (c === SPACE) break;
          const digit = c - 48;
          if (digit < 0 || digit > 9) digitsOnly = false;
          value = value * 10 + digit;
        }
        // An empty field, or too few fields (then the last one is not checked: the line has the wrong shape).
        if (p === start || (p === to && i < count - 1)) break;
        if (digitsOnly && p - start <= MAX_DIGITS) values[i] = kind & KEEP ? value : null;
        else if (p - start === 1 && bytes[start] === DASH) values[i] = null;
        else return this.badField('bad-number', 'not a number', bytes, from, to, start, p, i, lineNo);
      } else {
        while (p < to && bytes[p] !== SPACE) p++;
        // An empty field, or too few fields (then the last one is not checked: the line has the wrong shape).
        if (p === start || (p === to && i < count - 1)) break;
        if (p - start === 1 && bytes[start] === DASH) values[i] = null;
        else if (check === FieldCheck.Action) {
          const word = actionAt(bytes, start, p);
          if (word === undefined) return this.badField('bad-value', 'not ACCEPT, REJECT or -', bytes, from, to, start, p, i, lineNo);
          values[i] = kind & KEEP ? word : null;
        } else if (check === FieldCheck.LogStatus) {
          const word = logStatusAt(bytes, start, p);
          if (word === undefined) return this.badField('bad-value', 'not OK, NODATA or SKIPDATA', bytes, from, to, start, p, i, lineNo);
          values[i] = kind & KEEP ? word : null;
        } else if (check === FieldCheck.Address) {
          const ipv4 = ipv4At(bytes, start, p);
          if (ipv4 >= 0) values[i] = kind & KEEP ? this.addresses.text(ipv4, bytes, start, p) : null;
          else {
            // IPv6 (flow logs carry it in srcaddr/dstaddr for IPv6 traffic): rare, checked on a string.
            const text = ascii ? bytes.latin1Slice(start, p) : bytes.utf8Slice(start, p);
            if (!isIPv6(text)) return this.badField('bad-address', 'not an IP address', bytes, from, to, start, p, i, lineNo);
            values[i] = kind & KEEP ? text : null;
          }
        } else values[i] = kind & KEEP ? (ascii ? bytes.latin1Slice(start, p) : bytes.utf8Slice(start, p)) : null;
      }
      if (p === to) {
        i++;
        break;
      }
      p++; // the space
      if (i === count - 1) {
        i = count + 1; // more fields than the format has
        break;
      }
    }
    if (i !== count) {
      const raw = bytes.utf8Slice(from, to);
      if (this.info.records === 0 && this.options.headers !== false && RecordFormat.isHeaderLine(raw)) return this.header(raw, lineNo);
      const found = raw.split(' ').filter((part) => part !== '').length;
      return this.skip('field-count', `line ${lineNo}: ${found} fields${raw.includes('  ') ? ' (or an empty one)' : ''}, the format has ${count}`, raw, lineNo);
    }
    this.record(values, bytes, from, to, lineNo);
  }

  private record(values: FieldValue[], bytes: LineBytes, from: number, to: number, lineNo: number): void {
    this.info.records++;
    // One context object, refilled per record: the callback reads it before the next line.
    const context = this.context;
    context.line = lineNo;
    context.format = this.format;
    context.message = this.options.keepMessage ? messageText(bytes, from, to) : undefined;
    this.options.onRecord(values, context);
  }

  /** A field that is not of its type: counted by reason (or, on the first line, maybe a header). */
  private badField(
    code: FlowLogErrorCode,
    what: string,
    bytes: LineBytes,
    from: number,
    to: number,
    start: number,
    end: number,
    index: number,
    lineNo: number,
  ): void {
    const raw = bytes.utf8Slice(from, to);
    if (this.info.records === 0 && this.options.headers !== false && RecordFormat.isHeaderLine(raw)) return this.header(raw, lineNo);
    return this.skip(
      code,
      `line ${lineNo}: ${this.format.fields[index]!.name} is ${JSON.stringify(bytes.utf8Slice(start, end).slice(0, 40))}, ${what}`,
      raw,
      lineNo,
    );
  }

  private header(raw: string, lineNo: number): void {
    let format: RecordFormat;
    try {
      format = RecordFormat.fromHeader(raw);
    } catch (error) {
      return this.skip('bad-format', `line ${lineNo}: header ${(error as Error).message}`, raw, lineNo);
    }
    // A format given by the caller stays; the header must name the same fields.
    if (this.options.format) checkHeaderAgainstFormat(format, this.options.format, this.options.source ?? '<input>', lineNo);
    else {
      this.format = format;
      this.kinds = this.kindsOf(format);
      this.reader = lineReaderFor(this.kinds);
      this.scannedTest = this.scannedTestOf(format);
    }
    this.info.headers++;
  }

  /** Counts a failure that happened outside line parsing (a truncated gzip stream, a read error). */
  fail(code: FlowLogErrorCode, message: string): void {
    const error = new FlowLogError(code, message, { source: this.options.source ?? '<input>', line: this.info.lines });
    if (this.options.strict) throw error;
    recordSkip(this.info, code, this.info.lines);
    this.options.onSkip?.(error, '');
  }

  private skip(code: FlowLogErrorCode, message: string, raw: string, lineNo: number): void {
    const error = new FlowLogError(code, `${this.options.source ?? '<input>'}: ${message}`, {
      source: this.options.source ?? '<input>',
      line: lineNo,
      raw: raw.slice(0, 200),
    });
    if (this.options.strict) throw error;
    recordSkip(this.info, code, lineNo);
    this.options.onSkip?.(error, raw);
  }
}

/**
 * A line of only white space, as String.prototype.trim sees it (so a non-breaking space counts):
 * called only when the line starts with a control byte or a space.
 */
function isBlank(bytes: LineBytes, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = bytes[k]!;
    if (c >= 0x80) return bytes.utf8Slice(from, to).trim().length === 0;
    if (c !== SPACE && (c < 9 || c > 13)) return false;
  }
  return true;
}

/** The raw line for @message: latin1 when ASCII (the cheapest string there is), else UTF-8. */
function messageText(bytes: LineBytes, from: number, to: number): string {
  return isAscii(bytes.subarray(from, to)) ? bytes.latin1Slice(from, to) : bytes.utf8Slice(from, to);
}

/** No leading zeros: the one spelling of its number, so a cached text is the text of every record with that number. */
function isCanonicalIpv4(text: string): boolean {
  return !/(^|\.)0\d/.test(text);
}

/** Merges the counters of several parses (one per file). */
export function mergeInfo(into: ParseInfo, from: ParseInfo): void {
  into.bytes += from.bytes;
  into.lines += from.lines;
  into.records += from.records;
  into.headers += from.headers;
  into.skipped += from.skipped;
  for (const [code, entry] of Object.entries(from.malformed) as [FlowLogErrorCode, { count: number; firstLines: number[] }][]) {
    const target = (into.malformed[code] ??= { count: 0, firstLines: [] });
    target.count += entry.count;
    target.firstLines.push(...entry.firstLines.slice(0, FIRST_LINES_KEPT - target.firstLines.length));
  }
}
