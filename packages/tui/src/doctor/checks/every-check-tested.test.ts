import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WORKFLOWS } from '../workflows.js';

// Every check file has its own describe block in a test file of this folder, and every check a
// workflow runs is one of those files: a new check cannot arrive without its focused tests.
const folder = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(folder);
const checkFiles = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const tests = files
  .filter((f) => f.endsWith('.test.ts') && f !== 'every-check-tested.test.ts')
  .map((f) => readFileSync(`${folder}/${f}`, 'utf8'))
  .join('\n');

describe('the focused check tests', () => {
  it('cover the 23 check files', () => {
    expect(checkFiles).toHaveLength(23);
  });

  it.each(checkFiles.map((f) => [f.replace(/\.ts$/, '')]))('%s has a describe block with a pass, a failing and an unknown case', (id) => {
    const block = tests.split(/^describe\(/m).find((b) => b.startsWith(`'${id}'`));
    expect(block, `no describe('${id}') in checks/*.test.ts`).toBeDefined();
    expect(block).toMatch(/status\)\.toBe\('pass'\)|status: 'pass'/);
    expect(block).toMatch(/status\)\.toBe\('(fail|warn)'\)/);
    expect(block).toMatch(/unknownWhenDenied\(|status\)\.toBe\('unknown'\)/);
  });

  it('name every check the workflows run', () => {
    const ids = new Set(checkFiles.map((f) => f.replace(/\.ts$/, '')));
    for (const step of WORKFLOWS.flatMap((w) => w.steps)) expect(ids).toContain(step.id);
  });
});
