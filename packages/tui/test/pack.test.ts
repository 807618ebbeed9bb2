import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// The pack harness is workspace tooling (tools/), shared by every package's pack test.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { runReadmeExample, type ReadmeExampleRun } from '../../../tools/pack-harness/pack-harness.js';

let result: ReadmeExampleRun | undefined;
// Removing a fresh node_modules (aws-cdk-lib alone is large) outlasts the default hook timeout.
afterAll(() => result?.cleanup(), 120_000);

describe('npm pack of @artos/tui', () => {
  it('installs with the packed model, planner and analyzer; its README example runs; the artos-net bin works', () => {
    result = runReadmeExample({ packageDir: fileURLToPath(new URL('..', import.meta.url)) });
    expect(result.packed.files).toContain('dist/bin/artos-net.js');
    expect(result.installed.filter((n) => n.startsWith('@artos/')).sort()).toEqual([
      '@artos/cidr-planner',
      '@artos/flowlog-analyzer',
      '@artos/model',
      '@artos/tui',
    ]);
    // The TUI never installs the constructs or aws-cdk-lib (DESIGN.md: troubleshooters need no CDK).
    expect(result.installed).not.toContain('aws-cdk-lib');
    expect(result.stdout.trim()).toBe('exit 0: 10.0.0.0/16 + 100.64.0.0/16');
    const bin = join(result.consumer, 'node_modules', '.bin', 'artos-net');
    const validate = execFileSync(bin, ['spec', 'validate', '--preset', 'production'], {
      cwd: result.consumer,
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    expect(validate).toContain('valid');
  }, 600_000);
});
