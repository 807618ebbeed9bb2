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
for (let i = 1; i < 8; i++)
  levels.push(
    `l${i}: &l${i} [${Array(9)
      .fill(i === 1 ? '*a' : `*l${i - 1}`)
      .join(',')}]`,
  );
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
    [['doctor', 'reach', '--from', 'bogus', '--to', 'rds', '--port', '5432'], /--from: cannot read "bogus"/],
    [['doctor', 'reach', '--from', 'eks-nodes'], /--from was given without --to/],
    [['doctor', 'reach', '--to', 'rds'], /--to was given without --port/],
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
    [
      ['flowlogs', 'query', 'fields srcAddr', '--json', '--csv', '--file', aFolder],
      ['--csv', '--json'],
    ],
    [
      ['flowlogs', 'query', 'fields srcAddr', '--file', aFolder, '--log-group', '/vpc/x'],
      ['--file', '--log-group'],
    ],
    [
      ['flowlogs', 'detect', '--file', aFolder, '--log-group', '/vpc/x'],
      ['--file', '--log-group'],
    ],
    [
      ['cidr', 'plan', '--vpc', '10.0.0.0/16', '--vpc-size', '20'],
      ['--vpc-size', '--vpc'],
    ],
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
  it('skips the bastion steps and says so, instead of failing them (basic preset: no bastion group)', async () => {
    const r = await cli('doctor', 'all', '--preset', 'basic');
    expect(r.stdout).toContain('[skip] The bastion group is among additionalSecurityGroupIds');
    expect(r.stdout).toContain('the spec has no bastion');
    expect(r.code).toBe(0);
    const json = JSON.parse((await cli('doctor', 'all', '--preset', 'basic', '--json')).stdout) as {
      workflows: { id: string; steps: { id: string; status: string }[] }[];
    };
    const bastion = json.workflows.find((w) => w.id === 'bastion')!;
    expect(bastion.steps.filter((s) => s.id !== 'eks-endpoint').map((s) => s.status)).toEqual(['skipped', 'skipped']);
  });

  it('named alone, the bastion workflow skips too (it does not apply), and never shows a pass for it', async () => {
    const r = await cli('doctor', 'bastion', '--preset', 'basic');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('[ok  ] The bastion group');
  });
});

describe('what generated inputs found (test/fuzz-cli.test.ts)', () => {
  const log = (name: string, text: string) => file(name, text);
  const record = (start: string) => `2 123456789012 eni-0a1b2c3d4e5f60718 10.0.10.5 10.0.100.20 40000 5432 6 1 40 ${start} ${start} REJECT OK\n`;

  it('a regular expression JavaScript rejects in parse is a query error (exit 2)', async () => {
    const r = await cli('flowlogs', 'query', 'parse @message /(?<a>[/', '--file', log('one.log', record('1700000000')));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad regular expression');
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('a record start past the range of JavaScript dates is bad data (exit 2)', async () => {
    // ECMAScript dates end 8.64e15 ms after 1970 (ECMA-262, "Time Values and Time Range").
    const r = await cli('flowlogs', 'query', 'fields @timestamp, srcAddr', '--file', log('far.log', record('99999999999999')));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('outside the range of dates');
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('an empty folder for --file is said, not run silently (exit 2)', async () => {
    const empty = join(dir, 'empty-folder');
    mkdirSync(empty);
    const r = await cli('flowlogs', 'query', 'stats count()', '--file', empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no flow-log files in');
  });

  it('cidr map and capacity on a VPC CIDR with host bits set name the block (exit 1)', async () => {
    const spec = file('host-bits.yaml', 'namePrefix: artos-x\nvpcCidr: 10.0.0.1/16\n');
    for (const command of ['map', 'capacity']) {
      const r = await cli('cidr', command, '--spec', spec);
      expect(r.code, command).toBe(1);
      expect(r.stderr).toContain('vpcCidr: 10.0.0.1/16');
      expect(r.stderr).not.toMatch(NO_STACK);
    }
  });

  it('a 1 MB endpoint name is not echoed whole', async () => {
    const spec = file('long-endpoint.json', JSON.stringify({ namePrefix: 'artos-x', interfaceEndpointServices: ['e'.repeat(1_000_000)] }));
    for (const argv of [
      ['overview', '--spec', spec],
      ['spec', 'validate', '--spec', spec],
      ['spec', 'validate', '--spec', spec, '--json'],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBeGreaterThan(0);
      expect(r.stdout.length + r.stderr.length, argv.join(' ')).toBeLessThan(10_000);
    }
  });

  it('a moderate alias expansion (4^5 = 1,024 strings) is refused as a parse error', async () => {
    const levels = ['l0: &l0 ["x", "x", "x", "x"]'];
    for (let i = 1; i <= 5; i++) levels.push(`l${i}: &l${i} [*l${i - 1}, *l${i - 1}, *l${i - 1}, *l${i - 1}]`);
    const r = await cli('spec', 'validate', '--spec', file('aliases.yaml', `${levels.join('\n')}\nnamePrefix: *l5\n`));
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(NO_STACK);
  });
});

describe('query limits', () => {
  it('limit past the 100,000 rows Logs Insights returns is refused (exit 2)', async () => {
    // "If you omit limit, the query defaults to returning up to 10,000 log events. You can specify a
    // limit value of up to 100,000." — CloudWatch Logs Insights query syntax, limit
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Limit.html).
    const empty = join(dir, 'limit-folder');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'one.log'), '2 123456789012 eni-0a1b2c3d4e5f60718 10.0.10.5 10.0.100.20 40000 5432 6 1 40 1700000000 1700000060 REJECT OK\n');
    const r = await cli('flowlogs', 'query', 'fields srcAddr | limit 1000000000', '--file', empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("over Insights' maximum of 100,000 rows");
    expect((await cli('flowlogs', 'query', 'fields srcAddr | limit 100000', '--file', empty)).code).toBe(0);
  });
});
