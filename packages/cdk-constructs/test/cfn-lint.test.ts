import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '@artos/model';
import { createArtosApp } from '../src/app.js';

// cfn-lint (AWS's CloudFormation linter: resource specs, schemas, best-practice rules) on every
// preset's template. The machine image and CI have it, so a missing cfn-lint is a failure, not a
// skip; ARTOS_NO_CFN_LINT=1 skips it on a machine without Python.
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Finding {
  readonly Level: 'Error' | 'Warning' | 'Informational';
  readonly Message: string;
  readonly Location: { readonly Path: ReadonlyArray<string | number> };
  readonly Rule: { readonly Id: string };
}

/**
 * The only findings accepted: W3005 (a DependsOn already implied by a GetAtt) on the functions
 * aws-cdk-lib itself generates (the default-security-group restriction and AwsCustomResource's
 * singleton). Their templates are aws-cdk-lib's, not ours; the warning is harmless.
 */
const ACCEPTED = (f: Finding) =>
  f.Rule.Id === 'W3005' && /^(CustomVpcRestrictDefaultSGCustomResourceProviderHandler|AWS679f53fac002430cb0da5b7982bd2287)/.test(String(f.Location.Path[1]));

const skip = process.env.ARTOS_NO_CFN_LINT === '1';

describe.skipIf(skip)('cfn-lint on each preset', () => {
  it('is installed (set ARTOS_NO_CFN_LINT=1 to skip these tests where it cannot be)', () => {
    const version = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
    expect(version.error, 'cfn-lint is not on PATH: pip install cfn-lint, or ARTOS_NO_CFN_LINT=1').toBeUndefined();
    expect(version.stdout).toMatch(/^cfn-lint \d+\./);
  });

  it.each(PRESET_NAMES)('%s: no error and no warning beyond aws-cdk-lib’s own W3005', async (name) => {
    const outdir = mkdtempSync(join(tmpdir(), `artos-cfn-lint-${name}-`));
    dirs.push(outdir);
    const { app } = await createArtosApp({ preset: name, nag: false, outdir, context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
    app.synth();
    const templates = readdirSync(outdir).filter((f) => f.endsWith('.template.json'));
    expect(templates).toHaveLength(1);
    const run = spawnSync('cfn-lint', ['--format', 'json', join(outdir, templates[0]!)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(run.error).toBeUndefined();
    const findings = JSON.parse(run.stdout) as Finding[];
    expect(findings.filter((f) => !ACCEPTED(f)).map((f) => `${f.Rule.Id} ${f.Location.Path.join('/')}: ${f.Message}`)).toEqual([]);
    // cfn-lint's exit code is a bitmask: 2 errors, 4 warnings, 8 informational.
    expect(run.status! & 2).toBe(0);
  });

  it('is really linting: a template with a wrong property type is an error', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'artos-cfn-lint-bad-'));
    dirs.push(outdir);
    const bad = join(outdir, 'bad.template.json');
    const template = { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', EnableDnsHostnames: 'sometimes' } } } };
    writeFileSync(bad, JSON.stringify(template));
    const run = spawnSync('cfn-lint', ['--format', 'json', bad], { encoding: 'utf8' });
    const findings = JSON.parse(run.stdout) as Finding[];
    expect(findings.some((f) => f.Level === 'Error' && f.Location.Path.includes('EnableDnsHostnames'))).toBe(true);
    expect(run.status! & 2).toBe(2);
  });
});
