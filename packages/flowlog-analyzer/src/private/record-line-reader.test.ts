import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { RecordParser, type FieldValue, type RecordParserOptions } from './record-parser.js';
import { RecordFormat } from './record-format.js';
import { lineReaderFor, lineReaderSource } from './record-line-reader.js';

/** Which of the parser's paths reads the well-formed lines. */
type Path = 'generic' | 'reader' | 'scanner';

/**
 * Every record and every counter of one parse on one path, the text pushed in pieces of `chunk`
 * bytes; `window` is the scanner's window in bytes.
 */
function parseAll(text: string, options: Omit<RecordParserOptions, 'onRecord'>, path: Path, chunk = Infinity, window = 1 << 20) {
  const records: { line: number; values: FieldValue[]; message: string | undefined }[] = [];
  const parser = new RecordParser({ ...options, onRecord: (values, ctx) => records.push({ line: ctx.line, values: [...values], message: ctx.message }) });
  // Test-only swaps of private fields: no scanner; for the generic loop alone, the reader that accepts no line.
  const internals = parser as unknown as { reader: () => boolean; scanner: undefined; scanWindow: number };
  if (path !== 'scanner') internals.scanner = undefined;
  if (path === 'generic') internals.reader = () => false;
  internals.scanWindow = window;
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += chunk) parser.push(bytes.subarray(at, at + chunk));
  parser.close();
  return { records, info: parser.info };
}

// Field texts the fast paths must either read exactly as the generic parser does, or hand back:
// well-formed ones, and the ones that are not (or that only the generic parser reads).
const INTEGERS = {
  good: ['0', '7', '60482', '1700000889', '123456789012345' /* 15 digits: the scanner's longest */, '-'],
  bad: [
    '9007199254740993', // 16 digits, past 2^53
    '83312712317135829', // 17 digits: JavaScript's digit-by-digit arithmetic rounds it to ...840, exact rounding to ...820
    '18446744073709551615',
    '123456789012345678901',
    '--',
    '12a',
    '+5',
    '1.5',
    '٣',
    '',
  ],
};
const ADDRESSES = {
  good: ['10.0.0.1', '255.255.255.255', '0.0.0.0', '172.31.16.139', '-'],
  bad: ['010.0.0.1', '10.0.0.256', '256.0.0.1', '10.0.0', '10.0.0.1.2', '1..2.3', '10.0.0.1000', '::1', '2001:db8::1', 'x', ''],
};
const TEXTS = { good: ['eni-1235b8ca123456789', '123456789010', '-'], bad: ['é', 'vpc-ü', 'a\tb', ''] };
const ACTIONS = { good: ['ACCEPT', 'REJECT', '-'], bad: ['accept', 'ACCEPTED', 'REJECTS', 'OK', ''] };
const STATUSES = { good: ['OK', 'NODATA', 'SKIPDATA', '-'], bad: ['ok', 'SKIP', 'NODATA2', 'SKIPDATAX', 'OKAY', ''] };

/** Mostly well-formed field texts (so most lines reach the fast paths), sometimes one that is not. */
function fieldTexts(format: RecordFormat): fc.Arbitrary<string>[] {
  return format.fields.map((f) => {
    const texts = f.name === 'action' ? ACTIONS : f.name === 'log-status' ? STATUSES : f.kind === 'int' ? INTEGERS : f.kind === 'address' ? ADDRESSES : TEXTS;
    return fc.oneof({ arbitrary: fc.constantFrom(...texts.good), weight: 15 }, { arbitrary: fc.constantFrom(...texts.bad), weight: 1 });
  });
}

/**
 * A line of the format, mostly well-formed, sometimes with a field too many or too few, a \r, a
 * leading space, or blank.
 */
function lineOf(format: RecordFormat): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.tuple(...fieldTexts(format)),
      fc.constantFrom('same', 'same', 'same', 'more', 'fewer', 'cr', 'double-space', 'leading-space', 'empty', 'spaces', 'cr-only'),
    )
    .map(([fields, shape]) => {
      if (shape === 'empty') return '';
      if (shape === 'spaces') return '  ';
      if (shape === 'cr-only') return '\r';
      const parts = [...fields];
      if (shape === 'more') parts.push('9');
      if (shape === 'fewer') parts.pop();
      const line = parts.join(shape === 'double-space' ? '  ' : ' ');
      return shape === 'cr' ? `${line}\r` : shape === 'leading-space' ? ` ${line}` : line;
    });
}

const CUSTOM = RecordFormat.fromFormatString(
  '${version} ${vpc-id} ${srcaddr} ${dstport} ${tcp-flags} ${action} ${pkt-dstaddr} ${log-status} ${flow-direction}',
);

describe('the fast paths (generated JavaScript reader, WebAssembly scanner)', () => {
  for (const [label, format] of [
    ['default format', RecordFormat.DEFAULT],
    ['custom format', CUSTOM],
  ] as const) {
    it(`give the generic parser's records, counts and errors on random lines (${label})`, () => {
      const insights = format.fields.map((f) => f.insights);
      fc.assert(
        fc.property(
          fc.array(lineOf(format), { minLength: 1, maxLength: 30 }),
          fc.subarray(insights),
          fc.boolean(),
          fc.boolean(),
          fc.integer({ min: 1, max: 400 }),
          fc.integer({ min: 1, max: 300 }),
          (lines, kept, keepMessage, headers, chunk, window) => {
            const text = `${['1 x', ...lines].join('\n')}\n`; // a first bad line: no header detection on the random ones
            const options = { format, fields: new Set(kept), keepMessage, headers };
            const generic = parseAll(text, options, 'generic');
            expect(parseAll(text, options, 'reader')).toEqual(generic);
            // The scanner in one piece, and in random chunks with a random window (lines cut, lines longer than the window).
            expect(parseAll(text, options, 'scanner')).toEqual(generic);
            expect(parseAll(text, options, 'scanner', chunk, window)).toEqual(generic);
          },
        ),
        { numRuns: 400 },
      );
    });
  }

  it('scans the lines after the first record (the scanner is taken, not only correct)', () => {
    // Every word of the action and log status, `-` in each kind, \r\n, and an empty line.
    const lines = [
      '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK',
      '2 123456789010 eni-1235b8ca123456789 172.31.16.21 172.31.16.139 22 20641 6 1 40 1418530010 1418530070 REJECT OK\r',
      '2 123456789010 eni-1235b8ca123456789 - - - - - - - 1418530010 1418530070 - NODATA',
      '',
      '2 - eni-1235b8ca123456789 - - - - - - - 1418530010 1418530070 - SKIPDATA',
    ];
    const text = `${Array.from({ length: 250 }, () => lines.join('\n')).join('\n')}\n`;
    const parser = new RecordParser({ onRecord: () => {} });
    const parseLine = vi.spyOn(parser as unknown as { parseLine: () => void }, 'parseLine');
    parser.push(text);
    parser.close();
    expect(parser.info.records).toBe(1000);
    expect(parser.info.lines).toBe(1250);
    // JavaScript read the first line (a header could have come before it), the scanner the other 1,249.
    expect(parseLine).toHaveBeenCalledTimes(1);
  });

  it('reads a well-formed default line itself (the fast path is taken, not only correct)', () => {
    const reader = lineReaderFor(Uint8Array.from(RecordFormat.DEFAULT.fields.map((f) => (f.kind === 'int' ? 1 : f.kind === 'address' ? 2 : 0) | 8)));
    const line = Buffer.from('2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK');
    const values: FieldValue[] = new Array(14);
    const addresses = { known: new Map<number, string>(), text: (_n: number, b: Buffer, s: number, e: number) => b.toString('latin1', s, e) };
    expect(reader(line as never, 0, line.length, values, addresses as never)).toBe(true);
    expect(values).toEqual([
      2,
      '123456789010',
      'eni-1235b8ca123456789',
      '172.31.16.139',
      '172.31.16.21',
      20641,
      22,
      6,
      20,
      4249,
      1418530010,
      1418530070,
      'ACCEPT',
      'OK',
    ]);
    // IPv6 is left to the generic parser.
    const v6 = Buffer.from('2 123456789010 eni-1 2001:db8::1 2001:db8::2 1 2 6 1 1 1 2 ACCEPT OK');
    expect(reader(v6 as never, 0, v6.length, values, addresses as never)).toBe(false);
  });

  it('puts no text of the input into the generated source', () => {
    expect(lineReaderSource(Uint8Array.from([1, 0, 2, 3, 4, 8 | 1]))).not.toMatch(/eni-|\d+\.\d+\.\d+\.\d+/);
  });
});
