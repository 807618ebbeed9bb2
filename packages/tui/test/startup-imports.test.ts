import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Each command loads only what it needs: `--version` and `--help` load no framework at all, and the
// commands that print text never load Ink, React or the AWS SDK. Proven by the module URLs the
// built binary resolves (speed itself is measured by hand, see the README's figures).
const bin = fileURLToPath(new URL('../bin/artos-net.js', import.meta.url));
const hook = fileURLToPath(new URL('./support/log-resolved.mjs', import.meta.url));

function resolvedPackages(...argv: string[]): { status: number | null; packages: Set<string> } {
  const r = spawnSync(process.execPath, ['--import', hook, bin, ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const packages = new Set<string>();
  for (const line of r.stderr.split('\n')) {
    const m = /^resolved: .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line);
    if (m) packages.add(m[1]!);
    const own = /^resolved: .*\/packages\/([^/]+)\/dist\//.exec(line);
    if (own && own[1] !== 'tui') packages.add(`@artos/${own[1]}`);
  }
  return { status: r.status, packages };
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
});
