import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// The pack harness is workspace tooling (tools/), not a package: tests only import it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { runReadmeExample, type ReadmeExampleRun } from '../../../tools/pack-harness/pack-harness.js';

let result: ReadmeExampleRun | undefined;
// Removing a fresh node_modules (aws-cdk-lib alone is large) outlasts the default hook timeout.
afterAll(() => result?.cleanup(), 120_000);

describe('npm pack of @artos/cdk-constructs', () => {
  it('installs beside one aws-cdk-lib, without cdk-nag, and its README example compiles and synthesizes', () => {
    result = runReadmeExample({ packageDir: fileURLToPath(new URL('..', import.meta.url)), alsoInstall: ['aws-cdk-lib', 'constructs'] });
    expect(result.packed.files).toContain('dist/index.js');
    expect(result.packed.files).toContain('dist/app.js');
    // The entry must import cleanly where cdk-nag (an optional peer of the ./app subpath) is absent.
    expect(result.installed).not.toContain('cdk-nag');
    // One aws-cdk-lib, the app's: the package brings no copy of its own (peer dependencies only).
    expect(existsSync(join(result.consumer, 'node_modules', '@artos', 'cdk-constructs', 'node_modules', 'aws-cdk-lib'))).toBe(false);
    expect(result.stdout.trim()).toBe('3 private subnets, 11 endpoints');
  }, 600_000);
});
