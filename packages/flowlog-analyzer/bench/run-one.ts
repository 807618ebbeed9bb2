// One engine over one file, in its own process so its peak RSS is its own.
// Usage: node --import tsx bench/run-one.ts engine|duckdb|readline FILE
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
// The built engine, as users run it (its worker threads are plain JS there).
import { runLocalQuery } from '../dist/index.js';

export const SEED_QUESTION_INSIGHTS = 'filter action = "REJECT" | stats count() as n by srcAddr, dstPort | sort n desc, srcAddr asc, dstPort asc | limit 20';

type Row = { srcAddr: string; dstPort: string; n: string };

async function engine(file: string): Promise<Row[]> {
  const result = await runLocalQuery(SEED_QUESTION_INSIGHTS, [file]);
  return result.rows as Row[];
}

async function duckdb(file: string): Promise<Row[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await db.connect();
  const columns =
    "{'version':'INTEGER','account_id':'VARCHAR','interface_id':'VARCHAR','srcaddr':'VARCHAR','dstaddr':'VARCHAR','srcport':'INTEGER','dstport':'INTEGER','protocol':'INTEGER','packets':'BIGINT','bytes':'BIGINT','start':'BIGINT','end':'BIGINT','action':'VARCHAR','log_status':'VARCHAR'}";
  const reader = await connection.runAndReadAll(
    `SELECT srcaddr, dstport, count(*) AS n FROM read_csv('${file.replace(/'/g, "''")}', delim=' ', header=false, nullstr='-', columns=${columns}${file.endsWith('.gz') ? ", compression='gzip'" : ''})
     WHERE action = 'REJECT' GROUP BY srcaddr, dstport ORDER BY n DESC, srcaddr ASC, dstport ASC LIMIT 20`,
  );
  return reader.getRows().map(([s, p, n]) => ({ srcAddr: String(s), dstPort: String(p), n: String(n) }));
}

async function readlineLoop(file: string): Promise<Row[]> {
  const input = file.endsWith('.gz') ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
  const counts = new Map<string, number>();
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    const p = line.split(' ');
    if (p[12] !== 'REJECT') continue;
    const key = `${p[3]} ${p[6]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([k, n]) => ({ srcAddr: k.split(' ')[0]!, dstPort: k.split(' ')[1]!, n }))
    .sort((a, b) => b.n - a.n || (a.srcAddr < b.srcAddr ? -1 : a.srcAddr > b.srcAddr ? 1 : Number(a.dstPort) - Number(b.dstPort)))
    .slice(0, 20)
    .map((r) => ({ ...r, n: String(r.n) }));
}

const [which, file] = process.argv.slice(2);
const started = performance.now();
const rows = await (which === 'engine' ? engine(file!) : which === 'duckdb' ? duckdb(file!) : readlineLoop(file!));
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, rows, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
