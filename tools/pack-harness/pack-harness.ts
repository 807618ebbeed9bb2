/**
 * One harness for every package: proves that a package works once published, outside the
 * monorepo. It packs the package and the @artos packages it depends on (`npm pack`), installs the
 * tarballs into a fresh ESM project, takes the TypeScript example its README marks with
 * `<!-- pack-test -->`, type-checks it with `moduleResolution` `node16` and `bundler`, compiles
 * it with node16 and runs it. The caller asserts on what the example printed.
 *
 * Needs every packed package built first (nx: `test` depends on `build` and `^build`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const packagesDir = join(root, 'packages');

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Record<string, string>;
}

export interface PackedPackage {
  readonly name: string;
  readonly tarball: string;
  /** Files in the tarball, relative to the package. */
  readonly files: readonly string[];
}

export interface ReadmeExampleRun {
  /** The package under test, as packed. */
  readonly packed: PackedPackage;
  /** The consumer project's folder (removed by `cleanup`). */
  readonly consumer: string;
  /** What the README example printed, compiled with node16 and run by node. */
  readonly stdout: string;
  /** Packages installed under the consumer's node_modules (scoped ones as `@scope/name`). */
  readonly installed: readonly string[];
  readonly cleanup: () => void;
}

export interface ReadmeExampleOptions {
  /** The package's folder, e.g. `packages/cidr-planner` (absolute). */
  readonly packageDir: string;
  /** Registry packages the consumer installs too, at the workspace's installed version (peers such as aws-cdk-lib). */
  readonly alsoInstall?: readonly string[];
}

const run = (cmd: string, args: readonly string[], cwd: string): string =>
  execFileSync(cmd, [...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
  });

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Workspace packages by name. */
function workspacePackages(): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of readdirSync(packagesDir)) {
    try {
      out.set(readJson<PackageJson>(join(packagesDir, dir, 'package.json')).name, join(packagesDir, dir));
    } catch {
      // not a package folder
    }
  }
  return out;
}

/** The package and every workspace package it depends on, transitively. */
function withWorkspaceDependencies(packageDir: string): string[] {
  const byName = workspacePackages();
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    for (const dep of Object.keys(readJson<PackageJson>(join(dir, 'package.json')).dependencies ?? {})) {
      const depDir = byName.get(dep);
      if (depDir) visit(depDir);
    }
  };
  visit(packageDir);
  return [...seen];
}

export function packPackage(packageDir: string, destination: string): PackedPackage {
  const result = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', destination], packageDir)) as [
    { name: string; filename: string; files: { path: string }[] },
  ];
  const entry = result[0];
  return { name: entry.name, tarball: join(destination, entry.filename), files: entry.files.map((f) => f.path) };
}

/** The TypeScript block that follows `<!-- pack-test -->` in a README. */
export function readmeExample(readme: string): string {
  const match = /<!-- pack-test -->\s*```ts\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('the README has no `<!-- pack-test -->` marker before a ```ts block');
  return match[1]!;
}

function installedVersion(name: string): string {
  return readJson<PackageJson>(join(root, 'node_modules', name, 'package.json')).version;
}

const TSCONFIGS: Record<'node16' | 'bundler', object> = {
  node16: { module: 'node16', moduleResolution: 'node16', rootDir: 'src', outDir: 'out' },
  bundler: { module: 'esnext', moduleResolution: 'bundler', noEmit: true },
};

/** Packs, installs into a fresh project, type-checks the README example both ways and runs it. */
export function runReadmeExample(options: ReadmeExampleOptions): ReadmeExampleRun {
  const work = mkdtempSync(join(tmpdir(), 'artos-pack-'));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  try {
    const packedAll = withWorkspaceDependencies(options.packageDir).map((dir) => packPackage(dir, work));
    const packed = packedAll[0]!;
    const consumer = join(work, 'consumer');
    mkdirSync(join(consumer, 'src'), { recursive: true });
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
    const registry = ['@types/node', ...(options.alsoInstall ?? [])].map((name) => `${name}@${installedVersion(name)}`);
    run('npm', ['install', '--prefer-offline', '--no-save', ...packedAll.map((p) => p.tarball), ...registry], consumer);

    writeFileSync(join(consumer, 'src', 'example.ts'), readmeExample(readFileSync(join(options.packageDir, 'README.md'), 'utf8')));
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    for (const [resolution, extra] of Object.entries(TSCONFIGS)) {
      const compilerOptions = { target: 'ES2022', lib: ['ES2023'], strict: true, skipLibCheck: true, types: ['node'], ...extra };
      writeFileSync(join(consumer, `tsconfig.${resolution}.json`), JSON.stringify({ compilerOptions, include: ['src'] }));
      try {
        run('node', [tsc, '-p', `tsconfig.${resolution}.json`], consumer);
      } catch (error) {
        throw new Error(`the README example does not compile with moduleResolution ${resolution}:\n${(error as { stdout?: string }).stdout ?? error}`);
      }
    }
    const stdout = run('node', ['out/example.js'], consumer);
    const nodeModules = join(consumer, 'node_modules');
    const installed = readdirSync(nodeModules).flatMap((n) => (n.startsWith('@') ? readdirSync(join(nodeModules, n)).map((m) => `${n}/${m}`) : [n]));
    return { packed, consumer, stdout, installed, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
