// Benchmark of the user's path: `artos-net flowlogs query QUERY --file FILE --json`, the built CLI
// run as a user runs it, against DuckDB (read_csv, two threads) on the same file, for queries that
// flow-log users write. Each run is its own process; time is wall time, peak RSS from /usr/bin/time.
// Run: npm run bench (package), or node --import tsx bench/cli-queries.bench.ts [records] [plain|gzip|both]
// Records also from ARTOS_BENCH_RECORDS (e.g. 10000000); each side is run ARTOS_BENCH_RUNS times
// (default 2) and its best time kept, as the machine may be shared.
// Needs the built packages (npx nx run @artos/tui:build).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBenchData } from './bench-data.js';

const RECORDS = Number(process.argv[2] ?? process.env['ARTOS_BENCH_RECORDS'] ?? 10_000_000);
const RUNS = Math.max(1, Number(process.env['ARTOS_BENCH_RUNS'] ?? 2));
const INPUTS = (process.argv[3] ?? 'both') as 'plain' | 'gzip' | 'both';
const here = fileURLToPath(new URL('.', import.meta.url));
// ARTOS_BENCH_CLI: another build of artos-net (an older commit), to compare in the same conditions.
const cli = process.env['ARTOS_BENCH_CLI'] ?? join(here, '..', '..', 'tui', 'dist', 'bin', 'artos-net.js');
if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (npx nx run @artos/tui:build)`);

/** Each query in Insights syntax and the same question in DuckDB SQL. */
const QUERIES: ReadonlyArray<{ name: string; insights: string; sql: string }> = [
  {
    name: 'seed: top 20 rejected',
    insights: 'filter action = "REJECT" | stats count() as n by srcAddr, dstPort | sort n desc | limit 20',
    sql: "SELECT srcaddr, dstport, count(*) n FROM {src} WHERE action = 'REJECT' GROUP BY ALL ORDER BY n DESC LIMIT 20",
  },
  {
    name: 'AWS: top 15 packet transfers',
    insights: 'stats sum(packets) as packetsTransferred by srcAddr, dstAddr | sort packetsTransferred desc | limit 15',
    sql: 'SELECT srcaddr, dstaddr, sum(packets) p FROM {src} GROUP BY ALL ORDER BY p DESC NULLS LAST LIMIT 15',
  },
  {
    name: 'top talkers by bytes',
    insights: 'filter ispresent(bytes) | stats sum(bytes) as b by srcAddr | sort b desc | limit 10',
    sql: 'SELECT srcaddr, sum(bytes) b FROM {src} WHERE bytes IS NOT NULL GROUP BY ALL ORDER BY b DESC LIMIT 10',
  },
  {
    name: 'subnet filter',
    insights: 'filter isIpv4InSubnet(srcAddr, "10.0.20.0/24") | stats count() as n by dstPort | sort n desc | limit 10',
    sql: "SELECT dstport, count(*) n FROM {src} WHERE srcaddr LIKE '10.0.20.%' GROUP BY ALL ORDER BY n DESC LIMIT 10",
  },
  {
    name: 'bin(5m) series of rejects',
    insights: 'filter action = "REJECT" | stats count() as n by bin(5m)',
    sql: "SELECT start // 300 * 300 t, count(*) n FROM {src} WHERE action = 'REJECT' GROUP BY ALL",
  },
  {
    name: 'count_distinct ports per source',
    insights: 'filter action = "REJECT" | stats count_distinct(dstPort) as ports by srcAddr | sort ports desc | limit 10',
    sql: "SELECT srcaddr, count(DISTINCT dstport) ports FROM {src} WHERE action = 'REJECT' GROUP BY ALL ORDER BY ports DESC LIMIT 10",
  },
  {
    name: 'fields | limit',
    insights: 'fields @timestamp, srcAddr, dstAddr, dstPort | filter dstPort = 22 | limit 20',
    sql: 'SELECT start, srcaddr, dstaddr, dstport FROM {src} WHERE dstport = 22 ORDER BY start DESC LIMIT 20',
  },
  { name: 'bytes by action', insights: 'stats sum(bytes) as b, count() as n by action', sql: 'SELECT action, sum(bytes), count(*) FROM {src} GROUP BY ALL' },
  {
    name: 'NODATA/SKIPDATA',
    insights: 'filter logStatus != "OK" | stats count() as n by logStatus, interfaceId',
    sql: "SELECT log_status, interface_id, count(*) FROM {src} WHERE log_status <> 'OK' GROUP BY ALL",
  },
  {
    name: 'bytes stats by protocol',
    insights: 'stats avg(bytes) as mean, max(bytes) as top, pct(bytes, 95) as p95 by protocol',
    sql: 'SELECT protocol, avg(bytes), max(bytes), quantile_disc(bytes, 0.95) FROM {src} GROUP BY ALL',
  },
  {
    name: 'rejected SSH and RDP',
    insights: 'filter action = "REJECT" and dstPort in [22, 3389] | stats count() as n by srcAddr | sort n desc | limit 10',
    sql: "SELECT srcaddr, count(*) n FROM {src} WHERE action = 'REJECT' AND dstport IN (22, 3389) GROUP BY ALL ORDER BY n DESC LIMIT 10",
  },
];

interface Run {
  readonly seconds: number;
  readonly rssMiB: number;
  readonly rows: number;
}

/** The best of RUNS runs (least time; the highest peak RSS of them, to hide nothing). */
function best(args: string[]): Run {
  const runs = Array.from({ length: RUNS }, () => timed(args));
  const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...fastest, rssMiB: Math.max(...runs.map((r) => r.rssMiB)) };
}

/** Runs a command under /usr/bin/time; its stderr's last line is the peak RSS in KiB. */
function timed(args: string[]): Run {
  const started = performance.now();
  const out = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  const seconds = (performance.now() - started) / 1000;
  if (out.status !== 0) throw new Error(`${args.join(' ')} failed (${out.status}):\n${out.stderr}`);
  const rssKiB = Number(out.stderr.trim().split('\n').pop());
  const parsed = JSON.parse(out.stdout) as { rows: unknown[] | number };
  return { seconds, rssMiB: rssKiB / 1024, rows: typeof parsed.rows === 'number' ? parsed.rows : parsed.rows.length };
}

const { plain, gz } = await ensureBenchData(RECORDS);
const inputs =
  INPUTS === 'both'
    ? ([
        ['plain', plain],
        ['gzip', gz],
      ] as const)
    : INPUTS === 'plain'
      ? ([['plain', plain]] as const)
      : ([['gzip', gz]] as const);
console.log(
  `flowlog-analyzer: ${QUERIES.length} queries through \`artos-net flowlogs query --file --json\` vs DuckDB, ${RECORDS.toLocaleString('en-US')} records (${(statSync(plain).size / 1e9).toFixed(2)} GB plain), best of ${RUNS}`,
);
/** Reads a file once so that both sides find it in the page cache (the first side timed would pay the disk otherwise). */
function warm(file: string): void {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 22);
  while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  closeSync(fd);
}

for (const [label, file] of inputs) {
  warm(file);
  console.log(
    `\n${label}: ${'query'.padEnd(34)}${'artos-net'.padStart(11)}${'RSS'.padStart(9)}${'DuckDB'.padStart(10)}${'RSS'.padStart(9)}${'ratio'.padStart(8)}`,
  );
  const ratios: number[] = [];
  let maxRss = 0;
  for (const q of QUERIES) {
    const ours = best([cli, 'flowlogs', 'query', q.insights, '--file', file, '--json']);
    const duck = best([join(here, 'duckdb-one.mjs'), file, q.sql]);
    if (ours.rows !== duck.rows) console.log(`  ${q.name}: artos-net returned ${ours.rows} rows, DuckDB ${duck.rows}`);
    ratios.push(ours.seconds / duck.seconds);
    maxRss = Math.max(maxRss, ours.rssMiB);
    console.log(
      `${''.padEnd(label.length + 2)}${q.name.padEnd(34)}${`${ours.seconds.toFixed(2)} s`.padStart(11)}${`${ours.rssMiB.toFixed(0)} MiB`.padStart(9)}${`${duck.seconds.toFixed(2)} s`.padStart(10)}${`${duck.rssMiB.toFixed(0)} MiB`.padStart(9)}${`${(ours.seconds / duck.seconds).toFixed(2)}x`.padStart(8)}`,
    );
  }
  const geomean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  console.log(`${''.padEnd(label.length + 2)}geometric mean of artos-net / DuckDB: ${geomean.toFixed(2)}x; artos-net peak RSS ${maxRss.toFixed(0)} MiB`);
}
