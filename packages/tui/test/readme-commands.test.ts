import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Every `npx artos-net …` line of the README, run as written, in order, in an empty folder (as a
// new user would after `npm ci && npm start`), through the committed bin npm links. Only the
// lines that need an AWS account (--live, --log-group) are left out, and they are listed apart.
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const shim = fileURLToPath(new URL('../bin/artos-net.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'artos-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Splits a shell command line into words: quotes group, `#` outside quotes starts a comment. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = undefined;
      else word = (word ?? '') + c;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '#' && word === undefined) break;
    else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const lines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n')).filter((l) => l.startsWith('npx artos-net'));
const needsAccount = (l: string) => /--live|--log-group/.test(l);

describe("the README's commands", () => {
  it('has commands to run, and names those that need an account', () => {
    expect(lines.filter((l) => !needsAccount(l)).length).toBeGreaterThanOrEqual(8);
    expect(lines.filter(needsAccount).length).toBeGreaterThan(0);
  });

  it('each runs as written: a result (exit 0) or a failed check (exit 1), never a usage error', () => {
    for (const line of lines.filter((l) => !needsAccount(l))) {
      const argv = shellWords(line).slice(2);
      const r = spawnSync(process.execPath, [shim, ...argv], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect([0, 1], `${line}\n${r.stderr}`).toContain(r.status);
      expect(r.stderr, line).not.toMatch(/^error:|internal error/m);
    }
  }, 120_000);

  it('splits words as a shell does', () => {
    expect(shellWords(`npx artos-net q 'a "b" | c' --x y # note`)).toEqual(['npx', 'artos-net', 'q', 'a "b" | c', '--x', 'y']);
  });
});
