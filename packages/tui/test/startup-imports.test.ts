import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Each command loads only what it needs: `--version` and `--help` load no framework at all, and the
// commands that print text never load Ink, React or the AWS SDK. Proven by the module URLs the
// built binary resolves (speed itself is measured by hand, see the README's figures).
const bin = fileURLToPath(new URL('../bin/artos-net.js', import.meta.url));
const hook = fileURLToPath(new URL('./support/log-resolved.mjs', import.meta.url));

function resolvedPackages(...argv: string[]): { status: number | null; packages: Set<string>; urls: string[] } {
  const r = spawnSync(process.execPath, ['--import', hook, bin, ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const packages = new Set<string>();
  const urls = r.stderr
    .split('\n')
    .filter((line) => line.startsWith('resolved: '))
    .map((line) => line.slice('resolved: '.length));
  for (const line of r.stderr.split('\n')) {
    const m = /^resolved: .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line);
    if (m) packages.add(m[1]!);
    const own = /^resolved: .*\/packages\/([^/]+)\/dist\//.exec(line);
    if (own && own[1] !== 'tui') packages.add(`@artos/${own[1]}`);
  }
  return { status: r.status, packages, urls };
}

const FRAMEWORKS = ['ink', 'react', '@aws-sdk/client-ec2', '@aws-sdk/client-cloudwatch-logs'];

describe('what each command loads', () => {
  it.each([['--version'], ['--help']])('%s loads the option parser and the sanitiser only', (...argv) => {
    const r = resolvedPackages(...argv);
    expect(r.status).toBe(0);
    expect([...r.packages].filter((p) => !['commander', 'strip-ansi', 'ansi-regex'].includes(p))).toEqual([]);
  });

  it.each([
    ['spec', 'validate', '--preset', 'basic'],
    ['cidr', 'check', '--preset', 'basic'],
    ['overview', '--preset', 'basic'],
    ['help', 'cidr'],
  ])('%s … loads no Ink, React or AWS SDK', (...argv) => {
    const r = resolvedPackages(...argv);
    expect(r.status).toBe(0);
    for (const p of FRAMEWORKS) expect(r.packages.has(p), p).toBe(false);
  });

  it('flowlogs query over a file loads neither the whole model nor the whole analyzer (no schema, no YAML, no detectors)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'artos-startup-'));
    try {
      const file = join(dir, 'records.log');
      writeFileSync(file, '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n');
      const r = resolvedPackages('flowlogs', 'query', 'stats count() as n', '--file', file, '--json');
      expect(r.status).toBe(0);
      // It did run the query through the analyzer's light entries.
      expect(r.urls.some((u) => /packages\/flowlog-analyzer\/dist\/query\.js$/.test(u))).toBe(true);
      for (const heavy of [/packages\/model\/dist\/index\.js$/, /packages\/flowlog-analyzer\/dist\/index\.js$/])
        expect(r.urls.filter((u) => heavy.test(u))).toEqual([]);
      for (const p of ['zod', 'yaml', ...FRAMEWORKS]) expect(r.packages.has(p), p).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
