import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// A fresh clone has no dist/ when `npm ci` runs: npm links a package's bin only if the file exists,
// so the bin must be a committed file (a shim that loads dist/), or `npx artos-net` asks the registry.
const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { bin: Record<string, string>; type: string; files: string[] };
const work = mkdtempSync(join(tmpdir(), 'artos-install-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the artos-net bin after npm ci', () => {
  it('is a file committed in git, executable, not a build output', () => {
    const rel = join('packages/tui', pkg.bin['artos-net']!);
    const entry = execFileSync('git', ['ls-files', '-s', rel], { cwd: repo, encoding: 'utf8' });
    expect(entry, `${rel} must be committed`).toMatch(/^100755 /);
    expect(rel.includes('/dist/')).toBe(false);
    expect(pkg.files).toContain(pkg.bin['artos-net']!.replace(/^\.\//, '').split('/')[0]);
  });

  it('the lockfile links the same path npm ci will use', () => {
    const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { bin?: Record<string, string> }> };
    expect(lock.packages['packages/tui']?.bin?.['artos-net']).toBe(pkg.bin['artos-net']!.replace(/^\.\//, ''));
  });

  it('npm links it in a workspace without dist/, and it then says how to build (exit 2)', () => {
    // A workspace like a fresh clone's: the tui package's manifest and committed bin, no dist/.
    const root = join(work, 'clone');
    mkdirSync(join(root, 'packages/tui'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'clone', private: true, workspaces: ['packages/*'] }));
    writeFileSync(join(root, 'packages/tui/package.json'), JSON.stringify({ name: '@artos/tui', version: '0.0.0', type: pkg.type, bin: pkg.bin }));
    cpSync(join(pkgDir, 'bin'), join(root, 'packages/tui/bin'), { recursive: true });
    execFileSync('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, stdio: 'pipe' });
    const linked = join(root, 'node_modules/.bin/artos-net');
    expect(existsSync(linked), 'npm did not link artos-net').toBe(true);
    const r = spawnSync(linked, ['--help'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('artos-net is not built yet');
    expect(r.stderr).toContain('npm start');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('after the build, `npx artos-net --help` at the repository root runs the local CLI', () => {
    // --no-install: never ask the registry (a package published under that name would run instead).
    const r = spawnSync('npx', ['--no-install', 'artos-net', '--help'], { cwd: repo, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: artos-net');
  });
});

describe('a fresh clone', () => {
  it('every dependency with an install script is reviewed in allowScripts (npm ci prints no warning)', () => {
    // npm 11 skips and warns about install scripts not covered by the root allowScripts field.
    const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts)
      expect(
        Object.keys(root.allowScripts ?? {}).some((k) => k === name || k.startsWith(`${name}@`)),
        name,
      ).toBe(true);
  });

  it("the README's links point at files inside the repository", () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)\)|`(\.\.\/[^`]+)`/g)].map((m) => m[1] ?? m[2]!).filter((t) => !/^[a-z]+:/.test(t));
    expect(targets).toContain('docs/architecture.md');
    for (const t of targets) {
      expect(t.startsWith('..'), `${t} leaves the repository`).toBe(false);
      expect(existsSync(join(repo, t)), t).toBe(true);
    }
  });
});
