/**
 * The query's record tests (query/record-tests.ts) on the scanner's result records: one function
 * generated per test list and format says whether a scanned record can still pass the leading
 * filters, before any value is made.
 */
import { FieldCheck, KEEP, WORDS } from './record-line-reader.js';
import { slotCode } from './line-scanner.js';
import type { RecordTest } from './query/record-tests.js';

/** Says whether a scanned record may pass the query's leading filters (false: it cannot). */
export type ScannedTest = (i32: Int32Array, f64: Float64Array, r: number) => boolean;

/** A literal as Insights' `=` compares it with a number (values.ts, looseEquals): a number, or text that reads as one. */
function numberOf(value: number | string): number | undefined {
  if (typeof value === 'number') return value;
  return value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : undefined;
}

/** The condition under which a record fails `test`, on field `index` of kind `kind`; undefined when it cannot be told from the slot. */
function failCode(test: RecordTest, index: number, kind: number): string | undefined {
  const { value, start } = slotCode(index);
  const present = `${start} !== -1`;
  const check = (kind & 7) as FieldCheck;
  if (test.kind === 'present') return `!(${present})`;
  if (test.kind === 'ipv4-in') return check === FieldCheck.Address ? `${present} && ((${value} & ${test.mask}) >>> 0) !== ${test.base}` : undefined;
  let matches: number[];
  if (check === FieldCheck.Integer) matches = test.values.map(numberOf).filter((n): n is number => n !== undefined);
  else if (check === FieldCheck.Action || check === FieldCheck.LogStatus) matches = WORDS[check]!.flatMap((w, i) => (test.values.includes(w) ? [i] : []));
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
