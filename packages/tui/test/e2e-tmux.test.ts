import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { assertValidSpec, preset } from '@artos/model';
import { planSampleTraffic } from '@artos/flowlog-analyzer';

// Drives the built artos-net binary in a real pseudo-terminal (tmux, 80×24), as a person would.
// .ci/run installs tmux when it is missing; without it this test fails and says so.
const bin = fileURLToPath(new URL('../dist/bin/artos-net.js', import.meta.url));
const socket = `artos-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'e2e');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(text: string, timeout = 20_000): Promise<string> {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = screen();
    if (last.includes(text)) return last;
    await sleep(100);
  }
  throw new Error(`"${text}" never appeared on the screen:\n${last}`);
}

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe('artos-net in a terminal', () => {
  it('starts on the overview, runs the RDS workflow to its failing step, and quits on q', async () => {
    const hasTmux = spawnSync('tmux', ['-V']).status === 0;
    expect(hasTmux, 'tmux is required for this test: apt-get install -y tmux (.ci/run installs it)').toBe(true);
    // A person's terminal: not "in CI" (Ink then draws only the last frame), no forced colour.
    tmux('new-session', '-d', '-s', 'e2e', '-x', '80', '-y', '24', `env -u CI -u CONTINUOUS_INTEGRATION -u FORCE_COLOR NO_COLOR=1 ${process.execPath} ${bin}`);
    const overview = await waitFor('[Overview]');
    expect(overview).toContain('Interface eks');
    tmux('send-keys', '-t', 'e2e', 'Tab');
    await waitFor('[Doctor]');
    tmux('send-keys', '-t', 'e2e', 'j');
    await sleep(200);
    tmux('send-keys', '-t', 'e2e', 'Enter');
    const doctor = await waitFor('RDS connection failures — ✖ a check failed');
    expect(doctor).toContain('✖ No recent REJECTs on PostgreSQL (5432) in the flow logs');
    // The demo traffic's rogue pod (on a node without the eks-nodes group) is named in the evidence.
    expect(doctor).toContain(planSampleTraffic(assertValidSpec(preset('production')), { records: 1 }).placement.strayPods[0]!.address);
    expect(doctor.split('\n').every((l) => [...l].length <= 80)).toBe(true);
    tmux('send-keys', '-t', 'e2e', 'q');
    const end = Date.now() + 10_000;
    while (Date.now() < end && spawnSync('tmux', ['-L', socket, 'has-session', '-t', 'e2e']).status === 0) await sleep(100);
    expect(spawnSync('tmux', ['-L', socket, 'has-session', '-t', 'e2e']).status).not.toBe(0);
  }, 60_000);
});
