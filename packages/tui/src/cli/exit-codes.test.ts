import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli-harness.js';

// The README's exit codes: 0 clean, 1 a check failed or errors found, 2 usage or input error.
// Bad input never prints a stack trace.
const dir = mkdtempSync(join(tmpdir(), 'artos-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const NO_STACK = /\n\s+at |internal error/;

const wrongTypes = file('wrong-types.yaml', 'namePrefix: 42\n');
const cidrList = file('cidr-list.yaml', 'namePrefix: artos-x\nvpcCidr: [10.0.0.0/16]\n');
const empty = file('empty.yaml', '');
const badPrefix = file('bad-prefix.yaml', 'namePrefix: "Bad Prefix!"\n');
const badId = file('bad-id.yaml', 'namePrefix: artos-x\nbastionSecurityGroupId: security-group-1\n');
const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
for (let i = 1; i < 8; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
const bomb = file('bomb.yaml', `${levels.join('\n')}\nnamePrefix: *l7\n`);
const aFolder = join(dir, 'a-folder');
mkdirSync(aFolder);

describe('input errors exit 2 with one clean message', () => {
  it.each([
    [['cidr', 'check', '--spec', wrongTypes], /not a network spec.*\n.*namePrefix: expected string, got number 42/],
    [['cidr', 'map', '--spec', cidrList], /vpcCidr: expected string, got a list/],
    [['cidr', 'capacity', '--spec', wrongTypes], /not a network spec/],
    [['spec', 'validate', '--spec', empty], /not a network spec.*\n.*expected object/],
    [['doctor', '--spec', wrongTypes], /not a network spec/],
    [['spec', 'validate', '--spec', bomb], /aliases expand too far/],
    [['cidr', 'check', '--spec', bomb], /aliases expand too far/],
    [['overview', '--spec', bomb], /aliases expand too far/],
    [['doctor', 'rds', '--flow-logs', join(dir, 'nofile')], /cannot read --flow-logs .*nofile: no such file/],
    [['cidr', 'map', '--out', join(dir, 'no-such-folder', 'x.svg')], /cannot write --out .*: its folder does not exist/],
    [['cidr', 'plan', '--spec-out', aFolder], /cannot write --spec-out .*: it is a folder/],
    [['doctor', 'reach', '--from', 'eks-nodes', '--to', 'rds', '--port', 'abc'], /--port abc: expected a whole number from 0 to 65,535/],
    [['doctor', 'reach', '--from', 'eks-nodes', '--to', 'rds', '--port', '70000'], /--port 70000/],
    [['doctor', 'reach', '--from', 'bogus', '--to', 'rds', '--port', '5432'], /--from bogus: not a source/],
    [['doctor', 'reach', '--from', 'eks-nodes'], /needs --from, --to and --port; --to and --port are missing/],
    [['flowlogs', 'explain', '--limit', 'abc', '--file', aFolder], /--limit abc: expected a whole number from 1 to 100,000/],
    [['flowlogs', 'explain', '--port', '-5', '--file', aFolder], /--port -5/],
    [['cidr', 'plan', '--reserve', '99999999999999999999'], /--reserve 99999999999999999999: expected a whole number/],
  ])('%j', async (argv, message) => {
    const r = await cli(...(argv as string[]));
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).not.toMatch(NO_STACK);
  });
});

describe('conflicting flags exit 2 naming both', () => {
  it.each([
    [['flowlogs', 'query', 'fields srcAddr', '--json', '--csv', '--file', aFolder], ['--csv', '--json']],
    [['flowlogs', 'query', 'fields srcAddr', '--file', aFolder, '--log-group', '/vpc/x'], ['--file', '--log-group']],
    [['flowlogs', 'detect', '--file', aFolder, '--log-group', '/vpc/x'], ['--file', '--log-group']],
    [['cidr', 'plan', '--vpc', '10.0.0.0/16', '--vpc-size', '20'], ['--vpc-size', '--vpc']],
  ])('%j', async (argv, flags) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    for (const f of flags) expect(r.stderr).toContain(f);
  });
});

describe('a spec with errors is a failed check (exit 1)', () => {
  it('cidr check validates the spec, not only its addresses', async () => {
    const r = await cli('cidr', 'check', '--spec', badPrefix);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('spec namePrefix');
  });

  it('an id AWS would reject makes the spec invalid', async () => {
    const r = await cli('spec', 'validate', '--spec', badId);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error bastionSecurityGroupId: "security-group-1" is not an AWS sg id/);
    expect(r.stdout).toContain('invalid');
  });
});

describe('doctor all on a network without a bastion', () => {
  it('leaves the bastion workflow out and says so, instead of failing it (basic preset: no bastion group)', async () => {
    const r = await cli('doctor', 'all', '--preset', 'basic');
    expect(r.stdout).toContain('bastion: not run');
    expect(r.code).toBe(0);
    const json = JSON.parse((await cli('doctor', 'all', '--preset', 'basic', '--json')).stdout) as { workflows: { id: string }[]; skipped: { id: string }[] };
    expect(json.workflows.map((w) => w.id)).not.toContain('bastion');
    expect(json.skipped.map((s) => s.id)).toEqual(['bastion']);
  });

  it('named alone, the bastion workflow still runs and fails', async () => {
    expect((await cli('doctor', 'bastion', '--preset', 'basic')).code).toBe(1);
  });
});
