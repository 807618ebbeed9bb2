// The record parser's three paths (generic loop, generated JavaScript reader, WebAssembly scanner), in one run, on the same bytes:
// node --import tsx bench/line-reader.bench.ts [records, default 2000000]
// Prints ns a line for each, with every field kept and with the three fields the seed's query reads.
import { readFileSync } from 'node:fs';
import { RecordParser, type RecordParserOptions } from '../src/private/record-parser.js';
import { ensureBenchData } from './bench-data.js';

const RECORDS = Number(process.argv[2] ?? 2_000_000);
const { plain } = await ensureBenchData(RECORDS);
const bytes = readFileSync(plain);

type Path = 'generic' | 'reader' | 'scanner';

/** Best of five parses of the whole file, in ns a line, on one path. */
function nsPerLine(options: Omit<RecordParserOptions, 'onRecord'>, path: Path): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    let records = 0;
    const parser = new RecordParser({ ...options, onRecord: () => records++ });
    // Paths turned off by swapping private fields, as in the tests: no scanner, and for the
    // generic loop alone, the reader that accepts no line.
    const internals = parser as unknown as { reader: () => boolean; scanner: undefined };
    if (path !== 'scanner') internals.scanner = undefined;
    if (path === 'generic') internals.reader = () => false;
    const started = performance.now();
    for (let at = 0; at < bytes.length; at += 1 << 20) parser.push(bytes.subarray(at, Math.min(bytes.length, at + (1 << 20))));
    parser.close();
    best = Math.min(best, ((performance.now() - started) * 1e6) / records);
  }
  return best;
}

console.log(`record parser on ${RECORDS.toLocaleString('en-US')} default-format records (best of 5)`);
for (const [label, options] of [
  ['every field kept', {}],
  ['srcAddr, dstPort, action kept', { fields: new Set(['srcAddr', 'dstPort', 'action']) }],
] as const) {
  const generic = nsPerLine(options, 'generic');
  const reader = nsPerLine(options, 'reader');
  const scanner = nsPerLine(options, 'scanner');
  console.log(
    `  ${label.padEnd(32)} generic ${generic.toFixed(0)} ns/line, JavaScript reader ${reader.toFixed(0)} (${(generic / reader).toFixed(2)}x faster), ` +
      `WebAssembly scanner ${scanner.toFixed(0)} (${(generic / scanner).toFixed(2)}x faster, ${(reader / scanner).toFixed(2)}x the reader)`,
  );
}
