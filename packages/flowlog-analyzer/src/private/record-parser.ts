import { isAscii } from 'node:buffer';
import { isIPv6 } from 'node:net';
import { FlowLogError, type FlowLogErrorCode } from './errors.js';
import { RecordFormat } from './record-format.js';

/** A parsed value: numbers as numbers, `-` as null, everything else as text. */
export type FieldValue = number | string | null;

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

/** How a field's text is checked. */
const enum FieldCheck {
  Text = 0,
  Integer = 1,
  Address = 2,
  Action = 3,
  LogStatus = 4,
}
/** Bit of a field kind: the query reads the field, so its value is kept. */
const KEEP = 8;

function checkOf(name: string, kind: 'int' | 'string' | 'address'): FieldCheck {
  if (name === 'action') return FieldCheck.Action;
  if (name === 'log-status') return FieldCheck.LogStatus;
  return kind === 'int' ? FieldCheck.Integer : kind === 'address' ? FieldCheck.Address : FieldCheck.Text;
}

/** A dotted-quad IPv4 address in `text[start, end)`: four parts of 1 to 3 digits, each at most 255. */
function isIpv4At(text: string, start: number, end: number): boolean {
  let parts = 0;
  let value = 0;
  let digits = 0;
  for (let i = start; i <= end; i++) {
    const c = i === end ? 46 : text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || value > 255 || ++parts > 4) return false;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return false;
      value = value * 10 + c - 48;
    } else return false;
  }
  return parts === 4;
}

/** An IPv4 or IPv6 address (flow logs carry IPv6 in srcaddr/dstaddr for IPv6 traffic). */
function isAddressAt(text: string, start: number, end: number): boolean {
  return isIpv4At(text, start, end) || isIPv6(text.slice(start, end));
}

function isOneOf(text: string, start: number, end: number, words: readonly string[]): boolean {
  const n = end - start;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.length === n && text.startsWith(w, start)) return true;
  }
  return false;
}
const ACTIONS = ['ACCEPT', 'REJECT'];
const LOG_STATUSES = ['OK', 'NODATA', 'SKIPDATA'];

/** Parses `text[start, end)` as an unsigned decimal integer, or returns NaN: no sign, space or fraction. */
function parseUnsignedAt(text: string, start: number, end: number): number {
  if (end <= start || end - start > 20) return NaN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    value = value * 10 + c;
  }
  return value;
}

/**
 * The platform-free core: `push(bytes)` any number of times, then `close()`. Lines are split on
 * `\n` (a trailing `\r` is dropped); a header line of field names switches the format; every
 * bad line is counted by reason with its first line numbers, and never stops the parse unless
 * `strict` is set.
 */
export class RecordParser {
  readonly info: ParseInfo = emptyInfo();
  private format: RecordFormat;
  private readonly decoder = new TextDecoder('utf-8');
  private decoderUsed = false;
  private pending = '';
  private kinds: Uint8Array;
  private readonly context: { line: number; format: RecordFormat; message: string | undefined } = { line: 0, format: RecordFormat.DEFAULT, message: undefined };

  constructor(private readonly options: RecordParserOptions) {
    this.format = options.format ?? RecordFormat.DEFAULT;
    this.kinds = this.kindsOf(this.format);
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

  get currentFormat(): RecordFormat {
    return this.format;
  }

  push(chunk: Uint8Array | string): void {
    const text = typeof chunk === 'string' ? chunk : this.decode(chunk);
    this.info.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    const data = this.pending + text;
    let start = 0;
    for (let end = data.indexOf('\n'); end >= 0; end = data.indexOf('\n', start)) {
      this.parseLine(data, start, end > start && data.charCodeAt(end - 1) === 13 ? end - 1 : end);
      start = end + 1;
    }
    this.pending = data.slice(start);
  }

  /**
   * Flow logs are ASCII: such chunks skip UTF-8 decoding (a third of the parse time) and are read
   * as latin1. Anything else goes through the streaming UTF-8 decoder, which keeps split characters.
   */
  private decode(chunk: Uint8Array): string {
    if (isAscii(chunk)) {
      // Bytes a previous chunk left inside the decoder cannot be completed by ASCII: flush them.
      const left = this.decoderUsed ? this.decoder.decode() : '';
      this.decoderUsed = false;
      return left + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    }
    this.decoderUsed = true;
    return this.decoder.decode(chunk, { stream: true });
  }

  close(): void {
    const rest = this.pending + this.decoder.decode();
    this.pending = '';
    if (rest.length > 0) this.line(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  }

  /** Parses one line (without its newline). */
  line(raw: string): void {
    this.parseLine(raw, 0, raw.length);
  }

  /**
   * Parses the line `data[from, to)` in place: fields are found by index, and only the fields the
   * caller reads are sliced or read as numbers. The line itself becomes a string only when needed
   * (@message, a header, an error).
   */
  private parseLine(data: string, from: number, to: number): void {
    const lineNo = ++this.info.lines;
    // Blank lines are skipped; trim() only when the line starts with white space (it allocates).
    if (to === from || (data.charCodeAt(from) <= 32 && data.slice(from, to).trim().length === 0)) return;
    const format = this.format;
    const kinds = this.kinds;
    const count = format.fields.length;
    const values: FieldValue[] = new Array(count);
    let start = from;
    let i = 0;
    for (; i < count; i++) {
      let space = data.indexOf(' ', start);
      if (space >= to) space = -1;
      const end = space < 0 ? to : space;
      if (end === start || (space < 0 && i < count - 1)) break;
      const kind = kinds[i]!;
      const check = kind & 7;
      if (end - start === 1 && data.charCodeAt(start) === 45) values[i] = null; // "-"
      else if (check === FieldCheck.Integer) {
        const n = parseUnsignedAt(data, start, end);
        if (Number.isNaN(n)) return this.badField('bad-number', 'not a number', data, from, to, start, end, i, lineNo);
        values[i] = kind & KEEP ? n : null;
      } else {
        if (check === FieldCheck.Address && !isAddressAt(data, start, end)) return this.badField('bad-address', 'not an IP address', data, from, to, start, end, i, lineNo);
        if (check === FieldCheck.Action && !isOneOf(data, start, end, ACTIONS)) return this.badField('bad-value', 'not ACCEPT, REJECT or -', data, from, to, start, end, i, lineNo);
        if (check === FieldCheck.LogStatus && !isOneOf(data, start, end, LOG_STATUSES)) return this.badField('bad-value', 'not OK, NODATA or SKIPDATA', data, from, to, start, end, i, lineNo);
        values[i] = kind & KEEP ? data.slice(start, end) : null;
      }
      start = end + 1;
      if (space < 0) {
        i++;
        break;
      }
    }
    if (i !== count || start <= to) {
      const raw = data.slice(from, to);
      if (this.info.records === 0 && RecordFormat.isHeaderLine(raw)) return this.header(raw, lineNo);
      const found = raw.split(' ').filter((p) => p !== '').length;
      return this.skip('field-count', `line ${lineNo}: ${found} fields${raw.includes('  ') ? ' (or an empty one)' : ''}, the format has ${count}`, raw, lineNo);
    }
    this.info.records++;
    // One context object, refilled per record: the callback reads it before the next line.
    const context = this.context;
    context.line = lineNo;
    context.format = format;
    context.message = this.options.keepMessage ? data.slice(from, to) : undefined;
    this.options.onRecord(values, context);
  }

  /** A field that is not of its type: counted by reason (or, on the first line, maybe a header). */
  private badField(code: FlowLogErrorCode, what: string, data: string, from: number, to: number, start: number, end: number, index: number, lineNo: number): void {
    const raw = data.slice(from, to);
    if (this.info.records === 0 && RecordFormat.isHeaderLine(raw)) return this.header(raw, lineNo);
    return this.skip(code, `line ${lineNo}: ${this.format.fields[index]!.name} is ${JSON.stringify(data.slice(start, Math.min(end, start + 40)))}, ${what}`, raw, lineNo);
  }

  private header(raw: string, lineNo: number): void {
    try {
      this.format = RecordFormat.fromHeader(raw);
      this.kinds = this.kindsOf(this.format);
      this.info.headers++;
    } catch (error) {
      this.skip('bad-format', `line ${lineNo}: header ${(error as Error).message}`, raw, lineNo);
    }
  }

  /** Counts a failure that happened outside line parsing (a truncated gzip stream, a read error). */
  fail(code: FlowLogErrorCode, message: string): void {
    const error = new FlowLogError(code, message, { source: this.options.source ?? '<input>', line: this.info.lines });
    if (this.options.strict) throw error;
    recordSkip(this.info, code, this.info.lines);
    this.options.onSkip?.(error, '');
  }

  private skip(code: FlowLogErrorCode, message: string, raw: string, lineNo: number): void {
    const error = new FlowLogError(code, `${this.options.source ?? '<input>'}: ${message}`, { source: this.options.source ?? '<input>', line: lineNo, raw: raw.slice(0, 200) });
    if (this.options.strict) throw error;
    recordSkip(this.info, code, lineNo);
    this.options.onSkip?.(error, raw);
  }
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
