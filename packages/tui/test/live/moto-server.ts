import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * Moto (https://docs.getmoto.org, "Non-Python SDK's / Server Mode") run as a local AWS
 * emulator for the live tier: `python3 -m moto.server -H 127.0.0.1 -p PORT`. One server per
 * test file, on a port the OS hands out, bound to loopback only; its state lives in memory, so
 * stopping it leaves nothing behind and a second run starts clean.
 */
export interface MotoServer {
  /** http://127.0.0.1:PORT, for AWS_ENDPOINT_URL. */
  readonly url: string;
  /** Forgets every resource in every region (moto's POST /moto-api/reset). */
  reset(): Promise<void>;
  /**
   * From now on (true) every call is checked against the caller's IAM policies, or (false) none
   * is: moto's POST /moto-api/reset-auth sets how many calls pass unchecked
   * (docs.getmoto.org, "IAM-like Access Control").
   */
  enforceIam(on: boolean): Promise<void>;
  stop(): Promise<void>;
}

export const MOTO_MISSING = "moto is not installed: the live tier needs it (pip install 'moto[server]'), then run again";

const PYTHON = process.env['ARTOS_LIVE_PYTHON'] ?? 'python3';

/** Fails with one line when moto's server cannot be imported. */
export function assertMotoInstalled(): void {
  const probe = spawnSync(PYTHON, ['-c', 'import moto.server'], { stdio: 'ignore' });
  if (probe.status !== 0) throw new Error(MOTO_MISSING);
}

/** A port free on 127.0.0.1 now (the OS picks it); the caller retries if another process takes it first. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntilUp(url: string, child: ChildProcess, exited: () => boolean, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end && !exited()) {
    try {
      const answer = await fetch(`${url}/moto-api/`, { signal: AbortSignal.timeout(2_000) });
      if (answer.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  return false;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts moto on a free loopback port and waits until it answers. */
export async function startMoto(): Promise<MotoServer> {
  assertMotoInstalled();
  let lastOutput = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(PYTHON, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      // Keep the tail only: moto logs every request on stderr.
      output = (output + chunk.toString()).slice(-4_000);
    });
    let exited = false;
    child.once('exit', () => (exited = true));
    // If the test process dies without afterAll, the server must not outlive it.
    const onExit = () => child.kill('SIGKILL');
    process.once('exit', onExit);
    if (await waitUntilUp(url, child, () => exited, 30_000)) {
      return {
        url,
        async reset() {
          const answer = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
          if (!answer.ok) throw new Error(`moto reset answered ${answer.status}`);
        },
        async enforceIam(on) {
          const answer = await fetch(`${url}/moto-api/reset-auth`, { method: 'POST', body: on ? '0' : 'inf' });
          if (!answer.ok) throw new Error(`moto reset-auth answered ${answer.status}`);
        },
        async stop() {
          process.removeListener('exit', onExit);
          await stopProcess(child);
        },
      };
    }
    process.removeListener('exit', onExit);
    await stopProcess(child);
    lastOutput = output;
  }
  throw new Error(`moto did not start on a loopback port after 3 attempts; its last output:\n${lastOutput}`);
}
