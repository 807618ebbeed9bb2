import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// The pack harness is workspace tooling (tools/), not a package: tests only import it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { runReadmeExample, type ReadmeExampleRun } from '../../../tools/pack-harness/pack-harness.js';

let result: ReadmeExampleRun | undefined;
// Removing a fresh node_modules (aws-cdk-lib alone is large) outlasts the default hook timeout.
afterAll(() => result?.cleanup(), 120_000);

describe('npm pack of @artos/cidr-planner', () => {
  it('installs into a fresh project, and its README example compiles (node16, bundler) and runs', () => {
    result = runReadmeExample({ packageDir: fileURLToPath(new URL('..', import.meta.url)) });
    expect(result.packed.files).toContain('dist/index.js');
    expect(result.packed.files.some((f) => f.startsWith('src/') || f.includes('.test.'))).toBe(false);
    expect(result.stdout.trim()).toBe('10.0.0.0/16 pods 100.64.0.0/16 errors 0 max pods 110');
  }, 300_000);
});
