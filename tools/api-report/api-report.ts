// API reports: one `api/<entry>.api.md` per public entry point of every package, written by
// @microsoft/api-extractor from the built `dist/*.d.ts`. The reports are checked in, so a change
// to a public type shows up as a diff in review.
//
//   node --import tsx tools/api-report/api-report.ts            check: exit 1 when a report is stale
//   node --import tsx tools/api-report/api-report.ts --update   rewrite the reports
//
// Run after `nx run-many -t build` (the root scripts `api:check` / `api:update` do both).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Extractor, ExtractorConfig, type ExtractorMessage } from '@microsoft/api-extractor';

const ROOT = resolve(import.meta.dirname, '../..');
const update = process.argv.includes('--update');

interface EntryPoint {
  packageDir: string;
  /** Report name: `model`, or `cdk-constructs-app` for the `./app` subpath. */
  reportName: string;
  typesFile: string;
}

/** Every `exports` entry with a `types` condition is a public entry point and gets a report. */
function entryPoints(): EntryPoint[] {
  const found: EntryPoint[] = [];
  const packagesDir = join(ROOT, 'packages');
  for (const dir of readdirSync(packagesDir).sort()) {
    const packageDir = join(packagesDir, dir);
    const manifestPath = join(packageDir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, unknown> };
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (typeof target !== 'object' || target === null) continue;
      const types = (target as { types?: unknown }).types;
      if (typeof types !== 'string') continue;
      const suffix = subpath === '.' ? '' : `-${subpath.replace(/^\.\//, '').replace(/[^a-z0-9]+/gi, '-')}`;
      found.push({ packageDir, reportName: `${dir}${suffix}`, typesFile: join(packageDir, types) });
    }
  }
  return found;
}

function runOne(entry: EntryPoint, tempFolder: string): { changed: boolean; errors: string[] } {
  if (!existsSync(entry.typesFile)) {
    return { changed: true, errors: [`${entry.typesFile} is missing: run \`npx nx run-many -t build\` first.`] };
  }
  if (update) mkdirSync(join(entry.packageDir, 'api'), { recursive: true });
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: entry.packageDir,
      mainEntryPointFilePath: entry.typesFile,
      // The packages' own tsconfig.json files include tests; the declarations need only these options.
      compiler: {
        overrideTsconfig: {
          compilerOptions: { target: 'es2022', module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: true, types: ['node'] },
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: entry.reportName,
        reportFolder: join(entry.packageDir, 'api'),
        reportTempFolder: tempFolder,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // The reports are about shapes, not doc comments: no release tags or TSDoc checks.
        extractorMessageReporting: {
          default: { logLevel: 'warning' as never, addToApiReportFile: true },
          'ae-missing-release-tag': { logLevel: 'none' as never },
          // Its warnings carry source line numbers, so every unrelated edit would churn the report.
          'ae-undocumented': { logLevel: 'none' as never },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' as never } },
        compilerMessageReporting: { default: { logLevel: 'warning' as never } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(entry.packageDir, 'package.json'),
  });
  const errors: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback: (message: ExtractorMessage) => {
      // Warnings are written into the report itself; only errors are printed here.
      if (message.logLevel === 'error') errors.push(message.text);
      message.handled = true;
    },
  });
  return { changed: result.apiReportChanged, errors };
}

const tempFolder = mkdtempSync(join(tmpdir(), 'artos-api-report-'));
let stale = 0;
let failed = 0;
try {
  for (const entry of entryPoints()) {
    const { changed, errors } = runOne(entry, tempFolder);
    const reportPath = join('packages', entry.packageDir.split('/').pop() ?? '', 'api', `${entry.reportName}.api.md`);
    for (const error of errors.filter((e) => !/You have changed the API signature|public API report/i.test(e))) {
      console.error(`${reportPath}: ${error}`);
      failed += 1;
    }
    if (changed && !update) {
      stale += 1;
      console.error(`${reportPath} is stale: the public API changed. Review the diff below, then run \`npm run api:update\` and commit the report.`);
      // The fresh report is in the temp folder; show what changed, checked-in → built.
      const fresh = join(tempFolder, `${entry.reportName}.api.md`);
      const diff = spawnSync('diff', ['-u', join(ROOT, reportPath), fresh], { encoding: 'utf8' });
      console.error(diff.stdout || diff.stderr);
    } else if (changed) {
      console.log(`${reportPath} updated`);
    }
  }
} finally {
  rmSync(tempFolder, { recursive: true, force: true });
}
if (stale > 0 || failed > 0) process.exit(1);
console.log(update ? 'API reports written.' : 'API reports are up to date.');
