import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startMoto, type MotoServer } from './moto-server.js';
import { deployProduction, INSIGHTS_SINCE, type DeployedNetwork } from './deploy-production.js';
import { cliEnv, runArtosNet, type CliRun, type DoctorJson } from './run-cli.js';

/** A region other than moto's default, so that nothing passes by falling back to us-east-1. */
export const REGION = 'eu-west-1';

export interface LiveContext {
  readonly moto: MotoServer;
  readonly workDir: string;
}

/**
 * Per test file: one moto server and one scratch folder, both removed after the file's tests
 * (so a second run, or two runs at once, find neither a taken port nor old state).
 */
export function useMoto(): () => LiveContext {
  let context: LiveContext | undefined;
  beforeAll(async () => {
    context = { moto: await startMoto(), workDir: mkdtempSync(join(tmpdir(), 'artos-live-')) };
  }, 60_000);
  afterAll(async () => {
    await context?.moto.stop();
    if (context) rmSync(context.workDir, { recursive: true, force: true });
  });
  return () => {
    if (!context) throw new Error('moto did not start (see beforeAll)');
    return context;
  };
}

/** A fresh emulator state with the production network deployed in REGION. */
export async function freshNetwork(live: LiveContext): Promise<DeployedNetwork> {
  await live.moto.reset();
  return deployProduction(live.moto.url, REGION, live.workDir);
}

/** `artos-net doctor all --live --json` against the deployed network, as a user runs it. */
export async function doctorAllLive(live: LiveContext, net: DeployedNetwork, ...extra: string[]): Promise<CliRun & { json: DoctorJson | undefined }> {
  const run = await runArtosNet(
    ['doctor', 'all', '--live', '--json', '--region', REGION, '--spec', net.specFile, '--since', INSIGHTS_SINCE, ...extra],
    cliEnv({ endpoint: live.moto.url, workDir: live.workDir }),
  );
  let json: DoctorJson | undefined;
  try {
    json = JSON.parse(run.stdout) as DoctorJson;
  } catch {
    json = undefined;
  }
  return { ...run, json };
}
