/**
 * The record parser's fast path: a line reader generated for one list of field kinds, so that a
 * well-formed line is read by straight code (no per-field dispatch on the kind, the field count a
 * constant). Measured on 2 million default-format records: 165 ns a line against 280 ns for the
 * generic loop (`node bench/line-reader.bench.ts`).
 *
 * It accepts only the lines it is sure of: decimal numbers, dotted-quad IPv4 addresses, the
 * action and log-status words, `-`, and ASCII text. Anything else (IPv6, non-ASCII text, a bad
 * field, the wrong field count) returns false, and the caller reads the line again with the
 * generic parser, which owns every error and every message. So the fast path can make a line
 * faster, never different; `record-line-reader.test.ts` checks that on random lines.
 */

/** A parsed value: numbers as numbers, `-` as null, everything else as text. */
export type FieldValue = number | string | null;

/** Node's native slicers: a string straight from the bytes of one field, without `toString`'s encoding lookup. */
export interface NativeSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}
export type LineBytes = Buffer & NativeSlices;

/** How a field's text is checked (the low three bits of a field kind). */
export const enum FieldCheck {
  Text = 0,
  Integer = 1,
  Address = 2,
  Action = 3,
  LogStatus = 4,
}
/** Bit of a field kind: the query reads the field, so its value is kept. */
export const KEEP = 8;

/**
 * IPv4 texts already made, by address number (see RecordParser): the reader takes a known text
 * when its length matches, and asks `text` for the others.
 */
export interface AddressTexts {
  readonly known: Map<number, string>;
  text(ipv4: number, bytes: LineBytes, start: number, end: number): string;
}

/**
 * Reads `bytes[from, to)` into `values` (one entry per field, null for `-` and for fields not
 * kept); false when the line is not one the fast path reads (then `values` is undefined garbage).
 */
export type LineReader = (bytes: LineBytes, from: number, to: number, values: FieldValue[], addresses: AddressTexts) => boolean;

/** Longest run of digits read as a number (2^64 has 20 digits): the generic parser's bound. */
const MAX_DIGITS = 20;

/**
 * The words of the action and log-status fields, by check. Their order is the word index the
 * WebAssembly scanner writes (line-scanner.wat), which scanned-values.ts and scanned-tests.ts read.
 */
export const WORDS: Readonly<Record<number, readonly string[]>> = {
  [FieldCheck.Action]: ['ACCEPT', 'REJECT'],
  [FieldCheck.LogStatus]: ['OK', 'NODATA', 'SKIPDATA'],
};

/** `bytes[s, p)` is `word`, as a JavaScript condition on the bytes. */
function wordCondition(word: string): string {
  return [`p - s === ${word.length}`, ...[...word].map((ch, k) => `b[s + ${k}] === ${ch.charCodeAt(0)}`)].join(' && ');
}

/** The statements that read field `index` of kind `kind`, leaving `p` on the byte after it. */
function fieldCode(index: number, kind: number): string {
  const keep = (kind & KEEP) !== 0;
  const store = (value: string): string => `values[${index}] = ${keep ? value : 'null'};`;
  const dash = 'p - s === 1 && b[s] === 45';
  switch ((kind & 7) as FieldCheck) {
    case FieldCheck.Integer:
      // A number the query does not read is only checked: digits, no arithmetic.
      return keep
        ? `s = p; v = 0; ok = 1;
        for (; p < to; p++) { c = b[p]; if (c === 32) break; d = c - 48; if (d < 0 || d > 9) ok = 0; v = v * 10 + d; }
        if (ok === 1 && p > s && p - s <= ${MAX_DIGITS}) values[${index}] = v; else if (${dash}) values[${index}] = null; else return false;`
        : `s = p; ok = 1;
        for (; p < to; p++) { c = b[p]; if (c === 32) break; if (c < 48 || c > 57) ok = 0; }
        if ((ok === 1 && p > s && p - s <= ${MAX_DIGITS}) || ${dash}) values[${index}] = null; else return false;`;
    case FieldCheck.Address:
      return `s = p; v = 0; part = 0; dots = 0; digits = 0; ok = 1;
        for (; p < to; p++) {
          c = b[p]; if (c === 32) break;
          if (c === 46) { if (digits === 0 || part > 255) ok = 0; dots++; v = v * 256 + part; part = 0; digits = 0; }
          else { d = c - 48; if (d < 0 || d > 9 || ++digits > 3) ok = 0; part = part * 10 + d; }
        }
        if (ok === 1 && dots === 3 && digits > 0 && part <= 255) {
          ${keep ? `v = v * 256 + part; t = addresses.known.get(v); values[${index}] = t !== undefined && t.length === p - s ? t : addresses.text(v, b, s, p);` : `values[${index}] = null;`}
        } else if (${dash}) values[${index}] = null; else return false;`;
    case FieldCheck.Action:
    case FieldCheck.LogStatus: {
      const words = WORDS[kind & 7]!;
      return `s = p; while (p < to && b[p] !== 32) p++;
        ${words.map((w) => `if (${wordCondition(w)}) ${store(JSON.stringify(w))}`).join(' else ')}
        else if (${dash}) values[${index}] = null; else return false;`;
    }
    default:
      // Text: only a string when kept, and only when ASCII (latin1 is then exact).
      return `s = p; p = b.indexOf(32, s); if (p < 0 || p > to) p = to;
        if (p === s) return false;
        ${keep ? `if (${dash}) values[${index}] = null; else { for (k = s; k < p; k++) if (b[k] > 127) return false; values[${index}] = b.latin1Slice(s, p); }` : `values[${index}] = null;`}`;
  }
}

/** The source of the reader for these field kinds (only small numbers and fixed words go into it). */
export function lineReaderSource(kinds: Uint8Array): string {
  const fields = [...kinds].map((kind, i) => {
    // Between fields one space; after the last, the end of the line.
    const after = i < kinds.length - 1 ? 'if (p >= to) return false; p++;' : 'if (p !== to) return false;';
    return `${fieldCode(i, kind)}\n${after}`;
  });
  return `let p = from, s = 0, v = 0, c = 0, d = 0, k = 0, ok = 0, part = 0, dots = 0, digits = 0, t;\n${fields.join('\n')}\nreturn true;`;
}

/** One reader per kind list, shared by every parser (so V8 optimizes each reader once). */
const readers = new Map<string, LineReader>();

export function lineReaderFor(kinds: Uint8Array): LineReader {
  const key = kinds.join(',');
  let reader = readers.get(key);
  if (!reader) {
    // Generated code, not eval of input: the source holds only the kinds' numbers and fixed words.
    reader = new Function('b', 'from', 'to', 'values', 'addresses', lineReaderSource(kinds)) as LineReader;
    readers.set(key, reader);
  }
  return reader;
}
