import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runArtosNet } from './run-cli.js';
import { REGION } from './live-network.js';

// How the live provider ends when the account cannot be read: no emulator needed, only a
// loopback server that never answers, and AWS config files that lack the profile asked for.
let workDir = '';
let silent: Server;
const sockets: Socket[] = [];
let silentUrl = '';

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'artos-live-robust-'));
  // Accepts every connection, reads the request, never writes a byte back.
  silent = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  silentUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  rmSync(workDir, { recursive: true, force: true });
});

describe('the live provider when the account cannot be read', () => {
  it('an endpoint that accepts and never answers: the CLI ends by itself within 30 s, saying which endpoint and what to check', async () => {
    // The SDK's default request timeout is 0, none (@smithy/types NodeHttpHandlerOptions
    // "requestTimeout ... Defaults to 0, which disables the timeout"): without one set, the
    // CLI waits for ever. The test stops it at 30 s, the bound the issue asks for.
    const run = await runArtosNet(['doctor', 'all', '--live', '--json', '--region', REGION], cliEnv({ endpoint: silentUrl, workDir }), 30_000);
    expect(run.killed, 'the CLI was still waiting after 30 s').toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`no answer from the endpoint ${silentUrl}`);
    expect(run.stderr).toContain('next:');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('Logs Insights (flowlogs query --log-group) against the same endpoint also ends by itself within 30 s', async () => {
    // With --format the query goes straight to StartQuery.
    const run = await runArtosNet(
      ['flowlogs', 'query', 'fields @timestamp', '--log-group', '/vpc/vpc-0/flow-logs', '--format', '${version} ${srcaddr}', '--region', REGION],
      cliEnv({ endpoint: silentUrl, workDir }),
      30_000,
    );
    expect(run.killed, 'the CLI was still waiting after 30 s').toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('StartQuery failed: TimeoutError');
  }, 60_000);

  it("without --format, reading the flow log's format (DescribeFlowLogs) times out first: the CLI stops there, within 30 s", async () => {
    const run = await runArtosNet(
      ['flowlogs', 'query', 'fields @timestamp', '--log-group', '/vpc/vpc-0/flow-logs', '--region', REGION],
      cliEnv({ endpoint: silentUrl, workDir }),
      30_000,
    );
    expect(run.killed, 'the CLI was still waiting after 30 s').toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DescribeFlowLogs failed: TimeoutError');
    expect(run.stderr).not.toContain('StartQuery');
  }, 60_000);

  it('--profile no-such-profile: a message naming the profile and how to make or pick one, before any call', async () => {
    writeFileSync(join(workDir, 'aws-config'), '[default]\nregion = eu-west-1\n\n[profile staging]\nregion = eu-west-1\n');
    writeFileSync(join(workDir, 'aws-credentials'), '[prod-readonly]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
    const run = await runArtosNet(
      ['doctor', 'all', '--live', '--region', REGION, '--profile', 'no-such-profile'],
      cliEnv({ endpoint: silentUrl, workDir }),
      30_000,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('AWS profile "no-such-profile" is not in the AWS config or credentials file');
    // The profiles the SDK could use, from both files ("[profile NAME]" in config, "[NAME]" in credentials).
    expect(run.stderr).toContain('"default", "staging", "prod-readonly"');
    expect(run.stderr).toContain('aws configure --profile no-such-profile');
    expect(run.stdout).toBe('');
  });

  it('a profile that exists but yields no credentials: the error names the profile and how to give it some', async () => {
    writeFileSync(join(workDir, 'aws-config'), '[profile no-keys]\nregion = eu-west-1\n');
    writeFileSync(join(workDir, 'aws-credentials'), '');
    const run = await runArtosNet(
      ['doctor', 'all', '--live', '--region', REGION, '--profile', 'no-keys'],
      cliEnv({ endpoint: silentUrl, workDir, withoutKeys: true }),
      30_000,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no usable AWS credentials from profile "no-keys"');
    expect(run.stderr).toContain('aws configure --profile no-keys');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
