import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RecordParser, type FieldValue, type RecordParserOptions } from './record-parser.js';
import { RecordFormat } from './record-format.js';
import { lineReaderFor, lineReaderSource } from './record-line-reader.js';

/** Every record and every counter of one parse; `generic` turns the fast path off. */
function parseAll(text: string, options: Omit<RecordParserOptions, 'onRecord'>, generic: boolean) {
  const records: { line: number; values: FieldValue[]; message: string | undefined }[] = [];
  const parser = new RecordParser({ ...options, onRecord: (values, ctx) => records.push({ line: ctx.line, values: [...values], message: ctx.message }) });
  // The generic loop alone: the reader that accepts no line (a test-only swap of a private field).
  if (generic) (parser as unknown as { reader: () => boolean }).reader = () => false;
  parser.push(text);
  parser.close();
  return { records, info: parser.info };
}

// Field texts the reader must either read exactly as the generic parser does, or hand back.
const INTEGERS = ['0', '7', '60482', '1700000889', '18446744073709551615', '123456789012345678901', '-', '--', '12a', '+5', '1.5', '٣', ''];
const ADDRESSES = [
  '10.0.0.1',
  '255.255.255.255',
  '0.0.0.0',
  '010.0.0.1',
  '10.0.0.256',
  '10.0.0',
  '10.0.0.1.2',
  '1..2.3',
  '10.0.0.1000',
  '::1',
  '2001:db8::1',
  '-',
  'x',
  '',
];
const TEXTS = ['eni-1235b8ca123456789', '123456789010', '-', 'é', 'vpc-ü', 'a\tb', ''];
const ACTIONS = ['ACCEPT', 'REJECT', '-', 'accept', 'ACCEPTED', 'OK', ''];
const STATUSES = ['OK', 'NODATA', 'SKIPDATA', '-', 'ok', 'SKIP', ''];

function fieldTexts(format: RecordFormat): fc.Arbitrary<string>[] {
  return format.fields.map((f) =>
    fc.constantFrom(
      ...(f.name === 'action' ? ACTIONS : f.name === 'log-status' ? STATUSES : f.kind === 'int' ? INTEGERS : f.kind === 'address' ? ADDRESSES : TEXTS),
    ),
  );
}

/** A line of the format, mostly well-formed, sometimes with a field too many or too few, or a \r. */
function lineOf(format: RecordFormat): fc.Arbitrary<string> {
  return fc.tuple(fc.tuple(...fieldTexts(format)), fc.constantFrom('same', 'same', 'same', 'more', 'fewer', 'cr', 'double-space')).map(([fields, shape]) => {
    const parts = [...fields];
    if (shape === 'more') parts.push('9');
    if (shape === 'fewer') parts.pop();
    const line = parts.join(shape === 'double-space' ? '  ' : ' ');
    return shape === 'cr' ? `${line}\r` : line;
  });
}

const CUSTOM = RecordFormat.fromFormatString(
  '${version} ${vpc-id} ${srcaddr} ${dstport} ${tcp-flags} ${action} ${pkt-dstaddr} ${log-status} ${flow-direction}',
);

describe('the generated line reader', () => {
  for (const [label, format] of [
    ['default format', RecordFormat.DEFAULT],
    ['custom format', CUSTOM],
  ] as const) {
    it(`gives the generic parser's records, counts and errors on random lines (${label})`, () => {
      const insights = format.fields.map((f) => f.insights);
      fc.assert(
        fc.property(fc.array(lineOf(format), { minLength: 1, maxLength: 30 }), fc.subarray(insights), fc.boolean(), (lines, kept, keepMessage) => {
          const text = `${['1 x', ...lines].join('\n')}\n`; // a first bad line: no header detection on the random ones
          const options = { format, fields: new Set(kept), keepMessage };
          const fast = parseAll(text, options, false);
          const generic = parseAll(text, options, true);
          expect(fast).toEqual(generic);
        }),
        { numRuns: 400 },
      );
    });
  }

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
