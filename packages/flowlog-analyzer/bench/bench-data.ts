// The benchmark's input: generated default-format records, written once into .bench-data/.
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { assertValidSpec, preset } from '@artos/model';
import { generateSampleTraffic } from '../src/index.js';

async function write(path: string, records: number, gzip: boolean): Promise<void> {
  const tmp = `${path}.tmp`;
  const file = createWriteStream(tmp, { highWaterMark: 1 << 22 });
  const sink = gzip ? createGzip({ level: 6 }) : file;
  if (gzip) (sink as ReturnType<typeof createGzip>).pipe(file);
  let batch: string[] = [];
  for (const line of generateSampleTraffic(assertValidSpec(preset('production')), { records, seed: 2024, durationSeconds: 86_400 })) {
    batch.push(line);
    if (batch.length === 10_000) {
      if (!sink.write(`${batch.join('\n')}\n`)) await once(sink, 'drain');
      batch = [];
    }
  }
  if (batch.length) sink.write(`${batch.join('\n')}\n`);
  sink.end();
  await once(file, 'close');
  renameSync(tmp, path);
}

/** The plain and gzip files of `records` records, generated on first use. */
export async function ensureBenchData(records: number): Promise<{ plain: string; gz: string }> {
  const dataDir = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', '.bench-data');
  const plain = join(dataDir, `flow-${records}.log`);
  const gz = `${plain}.gz`;
  mkdirSync(dataDir, { recursive: true });
  for (const [path, gzip] of [
    [plain, false],
    [gz, true],
  ] as const) {
    if (!existsSync(path)) {
      const t = performance.now();
      process.stderr.write(`generating ${path} ...\n`);
      await write(path, records, gzip);
      process.stderr.write(`  ${(statSync(path).size / 1e9).toFixed(2)} GB in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    }
  }
  return { plain, gz };
}
