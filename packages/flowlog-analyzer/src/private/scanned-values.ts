/**
 * Values from the scanner's result records (line-scanner.ts): one function generated per list of
 * field kinds reads the slots of the fields the query reads, and only those become values (a
 * string only for kept text, an address text shared when it is known).
 */
import { FieldCheck, KEEP, WORDS, type AddressTexts, type FieldValue, type LineBytes } from './record-line-reader.js';
import { slotCode } from './line-scanner.js';

/**
 * Makes the values of a scanned line from its result record at byte `r`: `b` is the line's bytes in
 * the caller's buffer, `delta` maps the scanner's offsets onto it.
 */
export type ValuesReader = (i32: Int32Array, f64: Float64Array, r: number, b: LineBytes, delta: number, addresses: AddressTexts) => FieldValue[];

/** The expression for field `index`'s value, read from its 16-byte slot (f64 value, i32 start, i32 end). */
function valueCode(index: number, kind: number): string {
  if ((kind & KEEP) === 0) return 'null';
  const { value, start, end } = slotCode(index);
  switch ((kind & 7) as FieldCheck) {
    case FieldCheck.Integer:
      return `${start} === -1 ? null : ${value}`;
    case FieldCheck.Action:
    case FieldCheck.LogStatus: {
      // The word by its index: a chain of constant strings, nothing allocated.
      const words = WORDS[kind & 7]!;
      const chain = words.slice(0, -1).map((w, i) => `v === ${i} ? ${JSON.stringify(w)} : `);
      return `${start} === -1 ? null : ((v = ${value}), ${chain.join('')}${JSON.stringify(words.at(-1))})`;
    }
    case FieldCheck.Address:
      // A known address's text is shared when its length matches (010.0.0.1 is not 10.0.0.1's text).
      return `(s = ${start}) === -1 ? null : ((v = ${value}), (t = addresses.known.get(v)) !== undefined && t.length === ${end} - s ? t : addresses.text(v, b, s + delta, ${end} + delta))`;
    default:
      return `(s = ${start}) === -1 ? null : b.latin1Slice(s + delta, ${end} + delta)`;
  }
}

/** The source of the values reader for these kinds (only small numbers and fixed words go into it). */
function valuesReaderSource(kinds: Uint8Array): string {
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
