import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// The pack harness is workspace tooling (tools/), shared by every package's pack test.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { runReadmeExample, type ReadmeExampleRun } from '../../../tools/pack-harness/pack-harness.js';

let result: ReadmeExampleRun | undefined;
// Removing a fresh node_modules (aws-cdk-lib alone is large) outlasts the default hook timeout.
afterAll(() => result?.cleanup(), 120_000);

describe('npm pack of @artos/flowlog-analyzer', () => {
  it('installs into a fresh project, and its README example compiles (node16, bundler) and runs', () => {
    result = runReadmeExample({ packageDir: fileURLToPath(new URL('..', import.meta.url)) });
    expect(result.packed.files).toContain('dist/index.js');
    expect(result.packed.files.some((f) => f.startsWith('src/') || f.includes('.test.'))).toBe(false);
    // Insights returns text values; the expected row is what the two records in the README give.
    expect(JSON.parse(result.stdout)).toEqual([{ srcAddr: '203.0.113.9', dstPort: '22', n: '1' }]);
  }, 300_000);
});
