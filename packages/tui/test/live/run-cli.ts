import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DUMMY_CREDENTIALS } from './aws-test-clients.js';

/** The built CLI, as a user runs it; the live tier tests the binary, not functions. */
export const ARTOS_NET = fileURLToPath(new URL('../../dist/bin/artos-net.js', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  /** Set when the test had to kill the CLI: it did not end by itself. */
  readonly killed: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliEnvOptions {
  readonly endpoint: string;
  readonly region?: string;
  /** A folder for AWS config and credentials files that do not exist: nothing from ~/.aws leaks in. */
  readonly workDir: string;
  readonly extra?: Readonly<Record<string, string>>;
  /** Leave out the dummy keys (a profile must then supply credentials). @default false */
  readonly withoutKeys?: boolean;
}

/** The environment of one run: the emulator, dummy keys, no metadata service, no user AWS files. */
export function cliEnv(options: CliEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  return {
    ...env,
    AWS_ENDPOINT_URL: options.endpoint,
    ...(options.withoutKeys ? {} : { AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey }),
    ...(options.region ? { AWS_REGION: options.region } : {}),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: `${options.workDir}/aws-config`,
    AWS_SHARED_CREDENTIALS_FILE: `${options.workDir}/aws-credentials`,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...options.extra,
  };
}

/** Runs `artos-net ARGS`; kills it after `killAfterMs` (then `killed` is true). */
export function runArtosNet(args: readonly string[], env: NodeJS.ProcessEnv, killAfterMs = 90_000): Promise<CliRun> {
  if (!existsSync(ARTOS_NET)) throw new Error(`${ARTOS_NET} is missing: build first (npx nx run @artos/tui:build)`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ARTOS_NET, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, killed, stdout, stderr });
    });
  });
}

export interface DoctorJson {
  readonly status: 'pass' | 'fail';
  readonly workflows: ReadonlyArray<{
    readonly id: string;
    readonly status: string;
    readonly steps: ReadonlyArray<{ readonly id: string; readonly status: string; readonly evidence: readonly string[] }>;
  }>;
}

/** Every step of a `doctor --json` answer, `workflow/step` → its status and evidence. */
export function stepsOf(json: DoctorJson): Map<string, { status: string; evidence: readonly string[] }> {
  return new Map(json.workflows.flatMap((w) => w.steps.map((s) => [`${w.id}/${s.id}`, { status: s.status, evidence: s.evidence }] as const)));
}
