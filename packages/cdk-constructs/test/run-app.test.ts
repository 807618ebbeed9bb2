import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runArtosApp } from '../src/app.js';

// Issue 15: bad input to `cdk synth` (-c spec=, -c preset=, an id given with -c) prints one line
// naming the input and the fix, no stack, and exits 2 (the toolkit's usage/input-error code).
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'artos-run-app-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// "Billion laughs": nine levels of nine aliases each would expand to 9^9 strings.
const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
  .concat(
    Array.from({ length: 8 }, (_, i) => {
      const [prev, cur] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
      return `${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`;
    }),
  )
  .join('\n');

async function run(context: Record<string, string>) {
  let stderr = '';
  const codes: number[] = [];
  const returned = await runArtosApp(
    { nag: false, outdir: mkdtempSync(join(dir, 'out-')), context },
    { stderr: { write: (t: string) => (stderr += t) }, exit: (c) => codes.push(c) },
  );
  return { stderr, codes, returned };
}

describe('runArtosApp: bad input is one line and exit 2', () => {
  const cases: Array<[string, () => Record<string, string>, RegExp]> = [
    [
      'a spec file that does not exist',
      () => ({ spec: '/nonexistent/spec.yaml' }),
      /^error: -c spec=\/nonexistent\/spec\.yaml: cannot read .*no such file; give the path of a JSON or YAML spec file/,
    ],
    [
      'an unknown preset',
      () => ({ preset: 'bogus' }),
      /^error: -c preset=bogus: no such preset; use -c preset=basic\|existing-vpc\|production\|development or -c spec=FILE/,
    ],
    [
      'a spec with wrong types',
      () => ({ spec: file('types.yaml', 'namePrefix: 42\nvpcCidr: [1, 2]\n') }),
      /^error: -c spec=.*types\.yaml: the spec is invalid: namePrefix: expected string, got number 42 .*vpcCidr: expected string/,
    ],
    [
      'a YAML alias bomb',
      () => ({ spec: file('bomb.yaml', bomb) }),
      /^error: -c spec=.*bomb\.yaml: anchors and aliases expand too far.*; write the values out/,
    ],
    [
      'an invalid -c bastionSecurityGroupId',
      () => ({ preset: 'production', bastionSecurityGroupId: 'security-group-1' }),
      /^error: -c bastionSecurityGroupId=security-group-1: "security-group-1" is not an AWS security-group id.*e\.g\. -c bastionSecurityGroupId=sg-0123456789abcdef0/,
    ],
    [
      'an invalid -c privateRouteTableIds',
      () => ({ preset: 'existing-vpc', privateRouteTableIds: 'rtb-0123456789abcdef0,rtb-main' }),
      /^error: -c privateRouteTableIds=rtb-0123456789abcdef0,rtb-main: "rtb-main" is not an AWS route-table id/,
    ],
    ['an invalid -c vpcId', () => ({ preset: 'existing-vpc', vpcId: 'my-vpc' }), /^error: -c vpcId=my-vpc: "my-vpc" is not an AWS VPC id/],
    [
      'an invalid -c s3PrefixListId',
      () => ({ preset: 'basic', s3PrefixListId: 'com.amazonaws.eu-west-1.s3' }),
      /^error: -c s3PrefixListId=com\.amazonaws\.eu-west-1\.s3: .* is not an AWS prefix-list id/,
    ],
  ];
  it.each(cases)('%s', async (_name, context, line) => {
    const { stderr, codes, returned } = await run(context());
    expect(stderr).toMatch(line);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(codes).toEqual([2]);
    expect(returned).toBe(2);
  });

  it('synthesizes good input and exits 0 without writing', async () => {
    const { stderr, codes, returned } = await run({ preset: 'basic', bastionSecurityGroupId: 'sg-0123456789abcdef0', s3PrefixListId: 'pl-6da54004' });
    expect([stderr, codes, returned]).toEqual(['', [], 0]);
  });

  it('keeps the stack of an error that is not bad input (a bug must stay visible)', async () => {
    let stderr = '';
    const notADirectory = file('plain-file', 'x');
    await expect(
      runArtosApp({ nag: false, outdir: join(notADirectory, 'out') }, { stderr: { write: (t: string) => (stderr += t) }, exit: () => undefined }),
    ).rejects.toThrow(/ENOTDIR|not a directory|EEXIST/);
    expect(stderr).toBe('');
  });
});

describe('bin/app.ts as cdk runs it', () => {
  it('prints one line without source frames and exits 2 for -c spec=/nonexistent', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bin/app.ts'], {
      cwd: packageDir,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ spec: '/nonexistent' }), CDK_OUTDIR: mkdtempSync(join(dir, 'cli-')) },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'error: -c spec=/nonexistent: cannot read /nonexistent: no such file; give the path of a JSON or YAML spec file (relative to packages/cdk-constructs), or -c preset=NAME\n',
    );
    expect(result.stdout).toBe('');
  });
});
