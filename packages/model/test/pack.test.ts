import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// The pack harness is workspace tooling (tools/), shared by every package's pack test.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { runReadmeExample, type ReadmeExampleRun } from '../../../tools/pack-harness/pack-harness.js';

let result: ReadmeExampleRun | undefined;
// Removing a fresh node_modules (aws-cdk-lib alone is large) outlasts the default hook timeout.
afterAll(() => result?.cleanup(), 120_000);

describe('npm pack of @artos/model', () => {
  it('installs into another project; its README example compiles (node16, bundler) and runs; the schema and testing subpaths resolve', () => {
    result = runReadmeExample({ packageDir: fileURLToPath(new URL('..', import.meta.url)) });
    const files = result.packed.files;
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/network-spec.schema.json');
    expect(files.some((f) => f.startsWith('src/') || f.includes('.test.'))).toBe(false);
    expect(result.installed.filter((n) => n.startsWith('@artos/'))).toEqual(['@artos/model']);
    const [counts, summary] = result.stdout.trim().split('\n');
    // The production example's bastion group is a stand-in for a Terraform output: warned, never silent.
    expect(counts).toBe('placeholder-id, 6 groups, blocked');
    // The seed's RDS group admits 5432 from the EKS nodes' group only (seed table "RDS Security Group").
    expect(summary).toContain('admits tcp 5432 only from group eks-nodes');

    writeFileSync(
      join(result.consumer, 'schema.mjs'),
      `import { createRequire } from 'node:module';
console.log(createRequire(import.meta.url)('@artos/model/network-spec.schema.json').title);`,
    );
    expect(execFileSync('node', ['schema.mjs'], { cwd: result.consumer, encoding: 'utf8' }).trim()).toBe('Artos network spec');

    // The seeded PRNG is for synthetic data only: on the `testing` subpath, not on the main entry.
    writeFileSync(
      join(result.consumer, 'testing.mjs'),
      `import * as model from '@artos/model';
import { mulberry32 } from '@artos/model/testing';
console.log(typeof mulberry32 + ' ' + String('mulberry32' in model));`,
    );
    expect(execFileSync('node', ['testing.mjs'], { cwd: result.consumer, encoding: 'utf8' }).trim()).toBe('function false');
  }, 300_000);
});
