// Benchmark: the seed's question (rejected records counted by srcAddr and dstPort, top 20) over
// 10 million generated default-format records, through the local engine, DuckDB and a plain
// readline + split loop, each in its own process; all three must give the same rows.
// Run: npm run bench (root), or node --import tsx bench/seed-query.bench.ts [records].
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBenchData } from './bench-data.js';

const RECORDS = Number(process.argv[2] ?? 10_000_000);
const here = fileURLToPath(new URL('.', import.meta.url));
const { plain, gz } = await ensureBenchData(RECORDS);

interface Run {
  ms: number;
  rows: unknown[];
  maxRssMiB: number;
}
function run(which: string, file: string): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'run-one.ts'), which, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return JSON.parse(out) as Run;
}

const results: [string, string, Run][] = [];
for (const [label, file] of [
  ['plain', plain],
  ['gzip', gz],
] as const) {
  for (const which of ['engine', 'duckdb', 'readline']) {
    process.stderr.write(`running ${which} on ${label} ...\n`);
    results.push([which, label, run(which, file)]);
  }
}

const reference = JSON.stringify(results[0]![2].rows);
for (const [which, label, r] of results) {
  if (JSON.stringify(r.rows) !== reference) throw new Error(`${which} on ${label} returned different rows:\n${JSON.stringify(r.rows)}\nvs\n${reference}`);
}
const duck = (label: string) => results.find(([w, l]) => w === 'duckdb' && l === label)![2].ms;
console.log(
  `flowlog-analyzer: the seed's question over ${RECORDS.toLocaleString('en-US')} records (${(statSync(plain).size / 1e9).toFixed(2)} GB plain, ${(statSync(gz).size / 1e9).toFixed(2)} GB gzip); all engines returned the same ${results[0]![2].rows.length} rows`,
);
console.log(`${'engine'.padEnd(10)}${'input'.padEnd(7)}${'time'.padStart(10)}${'records/s'.padStart(14)}${'peak RSS'.padStart(11)}${'vs DuckDB'.padStart(11)}`);
for (const [which, label, r] of results) {
  console.log(
    `${which.padEnd(10)}${label.padEnd(7)}${`${(r.ms / 1000).toFixed(2)} s`.padStart(10)}${Math.round(RECORDS / (r.ms / 1000))
      .toLocaleString('en-US')
      .padStart(14)}${`${r.maxRssMiB.toFixed(0)} MiB`.padStart(11)}${`${(r.ms / duck(label)).toFixed(2)}x`.padStart(11)}`,
  );
}
console.log('targets: engine at or below DuckDB (1.00x) on plain input, peak RSS under 300 MB, gzip within 1.5x DuckDB on the same .gz');
