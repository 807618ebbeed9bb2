import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runLocalQuery } from './run-query.js';

const dir = mkdtempSync(join(tmpdir(), 'artos-flow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINES = Array.from(
  { length: 500 },
  (_, i) =>
    `2 123456789012 eni-0a ${i % 2 ? '10.0.10.5' : '10.0.20.6'} 10.0.100.20 4${i} 5432 6 1 100 ${1700000000 + i} ${1700000060 + i} ${i % 5 ? 'ACCEPT' : 'REJECT'} OK`,
);
const COUNT = 'stats count() as n';

describe('sources', () => {
  it('detects gzip by content, not by name, and reads folders', async () => {
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'a.log'), gzipSync(LINES.slice(0, 200).join('\n')));
    writeFileSync(join(dir, 'logs', 'b.txt.gz'), LINES.slice(200).join('\n'));
    const result = await runLocalQuery(COUNT, [join(dir, 'logs')]);
    expect(result.rows).toEqual([{ n: '500' }]);
    expect(result.statistics.files).toBe(2);
  });

  it('counts a truncated gzip file instead of crashing, keeping what was read', async () => {
    const full = gzipSync(LINES.join('\n'));
    writeFileSync(join(dir, 'cut.gz'), full.subarray(0, Math.floor(full.length * 0.6)));
    const result = await runLocalQuery(COUNT, [join(dir, 'cut.gz')]);
    expect(result.statistics.info.malformed['truncated-gzip']?.count).toBe(1);
    expect(Number(result.rows[0]!['n'])).toBeLessThan(500);
  });

  it('reports progress during a long file, not only at its end', async () => {
    const big = Array.from({ length: 120_000 }, (_, i) => LINES[i % LINES.length]).join('\n');
    writeFileSync(join(dir, 'big.log'), big);
    const seen: number[] = [];
    const result = await runLocalQuery(COUNT, [join(dir, 'big.log')], { onProgress: (info) => seen.push(info.bytes) });
    expect(result.rows).toEqual([{ n: '120000' }]);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[0]).toBeLessThan(seen[seen.length - 1]!);
  });

  it('names a missing file', async () => {
    await expect(runLocalQuery(COUNT, [join(dir, 'missing.log')])).rejects.toThrowError(/no such file or folder: .*missing\.log/);
  });
});
