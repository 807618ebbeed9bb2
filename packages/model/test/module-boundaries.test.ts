import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// Lints fixture code as if it sat in a package, with the workspace's real ESLint config, and
// proves that the layer rules of DESIGN.md fire (and stay quiet for allowed imports).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const RULE = '@nx/enforce-module-boundaries';

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

beforeAll(() => {
  // The Nx rule reads the cached project graph; make sure it exists (nx writes it on any command).
  execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }, stdio: 'pipe' });
}, 120_000);

describe('module boundaries', () => {
  it('forbid the model importing another package of ours', async () => {
    const errors = await boundaryErrors('packages/model/src/private/fixture.ts', "import { x } from '@artos/cidr-planner';\nexport const y = x;\n");
    // Reported as the cycle it would create (cidr-planner depends on the model).
    expect(errors.join('\n')).toMatch(/@artos\/model|scope:model/);
  });

  it('forbid a sideways import between layers by tag (flowlog-analyzer → cidr-planner)', async () => {
    const errors = await boundaryErrors('packages/flowlog-analyzer/src/fixture.ts', "import { x } from '@artos/cidr-planner';\nexport const y = x;\n");
    expect(errors.join('\n')).toMatch(/scope:flowlog-analyzer.*scope:model/);
  });

  it('forbid the model importing aws-cdk-lib', async () => {
    const errors = await boundaryErrors('packages/model/src/private/fixture.ts', "import { Stack } from 'aws-cdk-lib';\nexport const s = Stack;\n");
    // Banned by tag once aws-cdk-lib is installed, and as an undeclared dependency before.
    expect(errors.join('\n')).toMatch(/aws-cdk-lib|package\.json/);
  });

  it('forbid the TUI importing the CDK constructs (sideways)', async () => {
    const errors = await boundaryErrors('packages/tui/src/fixture.ts', "import { x } from '@artos/cdk-constructs';\nexport const y = x;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('allow the TUI importing the model (downwards)', async () => {
    const errors = await boundaryErrors('packages/tui/src/fixture.ts', "import { preset } from '@artos/model';\nexport const p = preset;\n");
    expect(errors).toEqual([]);
  });
});
