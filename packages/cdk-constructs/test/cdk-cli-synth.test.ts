import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The real CDK CLI, as a user runs it from this folder: offline, no credentials, no notices,
// no telemetry, cdk.json's app command and feature flags.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'artos-cdk-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npx cdk synth', () => {
  it('synthesizes the production preset offline', () => {
    const env = {
      ...process.env,
      CDK_DISABLE_CLI_TELEMETRY: 'true',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_PROFILE: '',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    execFileSync('npx', ['cdk', 'synth', '--no-notices', '-q', '-c', 'preset=production', '-o', out], { cwd: packageDir, env, stdio: 'pipe' });
    const template = JSON.parse(readFileSync(join(out, 'artos-production-network.template.json'), 'utf8')) as { Resources: Record<string, { Type: string }> };
    const types = Object.values(template.Resources).map((r) => r.Type);
    expect(types.filter((t) => t === 'AWS::EC2::Subnet')).toHaveLength(6);
    expect(types.filter((t) => t === 'AWS::EC2::VPCEndpoint')).toHaveLength(11);
  }, 120_000);
});
