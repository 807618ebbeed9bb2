import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Proves the published package works outside the monorepo: pack it, install the tarball into a
// fresh project, import it and validate a preset. Needs `build` first (the test target depends on it).
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'artos-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false' } });

describe('npm pack of @artos/model', () => {
  it('installs into another project, imports and validates a preset', () => {
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], packageDir)) as [{ filename: string; files: { path: string }[] }];
    const files = packed[0].files.map((f) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/network-spec.schema.json');
    expect(files.some((f) => f.startsWith('src/') || f.includes('.test.'))).toBe(false);

    const consumer = join(work, 'consumer');
    run('mkdir', ['-p', consumer], work);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
    run('npm', ['install', '--prefer-offline', '--no-save', join(work, packed[0].filename)], consumer);
    expect(readdirSync(join(consumer, 'node_modules', '@artos'))).toEqual(['model']);

    writeFileSync(
      join(consumer, 'check.mjs'),
      `import { preset, validateSpec } from '@artos/model';
import { createRequire } from 'node:module';
const schema = createRequire(import.meta.url)('@artos/model/network-spec.schema.json');
const result = validateSpec(preset('production'));
console.log(JSON.stringify({ ok: result.ok, azs: result.spec.availabilityZoneCount, title: schema.title }));`,
    );
    const output = JSON.parse(run('node', ['check.mjs'], consumer)) as { ok: boolean; azs: number; title: string };
    expect(output).toEqual({ ok: true, azs: 3, title: 'Artos network spec' });
  }, 180_000);
});
