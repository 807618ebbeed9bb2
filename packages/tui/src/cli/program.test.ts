import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'artos-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('artos-net spec', () => {
  it('validate passes every preset (exit 0)', async () => {
    for (const name of ['basic', 'existing-vpc', 'production', 'development']) {
      const r = await cli('spec', 'validate', '--preset', name);
      expect(r.code, name).toBe(0);
      expect(r.stdout).toContain(`preset ${name}: valid`);
    }
  });

  it('validate --json lists the development warning', async () => {
    const r = await cli('spec', 'validate', '--preset', 'development', '--json');
    const body = JSON.parse(r.stdout) as { ok: boolean; warnings: number; issues: { code: string }[] };
    expect(body.ok).toBe(true);
    expect(body.issues.map((i) => i.code)).toEqual(['single-az-database']);
  });

  it('validate exits 1 on a spec with errors, naming the path', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'namePrefix: artos-x\ndatabaseSubnetCidrs: [10.0.100.0/24, 10.0.100.7/24]\n');
    const r = await cli('spec', 'validate', '--spec', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('databaseSubnetCidrs[1]');
    expect(r.stdout).toContain('fix: use 10.0.100.0/24');
  });

  it('show prints the network with usable counts per subnet', async () => {
    const r = await cli('spec', 'show', '--preset', 'production');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/private\s+10\.0\.30\.0\/24\s+AZ3\s+256\s+251/);
    expect(r.stdout).toContain('not the 254 the seed states');
    expect(r.stdout).toContain('/vpc/{vpc_id}/flow-logs: traffic ALL, aggregation 60 s, retention 14 days');
  });

  it('show --json gives the validated spec', async () => {
    const r = await cli('spec', 'show', '--preset', 'basic', '--json');
    const body = JSON.parse(r.stdout) as { spec: { vpcCidr: string; flowLogs: { retentionDays: number } } };
    expect(body.spec.vpcCidr).toBe('10.0.0.0/16');
    expect(body.spec.flowLogs.retentionDays).toBe(14);
  });

  it('show exits 1 on an invalid spec and points at validate', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ namePrefix: 'artos-x', vpcId: 'vpc-0123456789abcdef0' }));
    const r = await cli('spec', 'show', '--spec', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('vpcCidr');
    expect(r.stderr).toContain('artos-net spec validate');
  });

  it('schema prints the JSON Schema', async () => {
    const r = await cli('spec', 'schema');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { title: string }).title).toBe('Artos network spec');
  });
});

describe('untrusted text', () => {
  it('an escape sequence in a tag never reaches the terminal', async () => {
    const file = join(dir, 'evil-tag.yaml');
    writeFileSync(file, 'namePrefix: artos-x\ntags:\n  Team: "\\e]0;pwned\\a\\e[2Jred"\n');
    for (const argv of [
      ['spec', 'validate', '--spec', file],
      ['spec', 'show', '--spec', file],
      ['cidr', 'check', '--spec', file],
      ['doctor', 'all', '--spec', file],
    ]) {
      const r = await cli(...argv);
      const out = r.stdout + r.stderr;
      expect(out.includes('\u001b') || out.includes('\u0007'), argv.join(' ')).toBe(false);
    }
    const r = await cli('spec', 'validate', '--spec', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('is not a valid AWS tag value');
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['spec', 'validate', '--preset', 'staging'], /unknown preset "staging"/],
    [['spec', 'validate', '--preset', 'basic', '--spec', 'x.yaml'], /both given/],
    [['spec', 'validate', '--spec', '/nonexistent/spec.yaml'], /no such file/],
    [['spec', 'validate', '--bogus'], /unknown option '--bogus'/],
    [['spec', 'frobnicate'], /unknown command|too many arguments/],
  ])('%j', async (argv, message) => {
    const r = await cli(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace for bad input
  });

  it('a YAML syntax error is bad input, with its line', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'namePrefix: a\n  vpcCidr: [\n');
    const r = await cli('spec', 'validate', '--spec', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line \d+/);
  });
});

describe('help and version', () => {
  it('--help lists the commands and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('spec');
    expect(r.stdout).toContain('overview');
  });

  it('spec --help exits 0', async () => {
    const r = await cli('spec', 'validate', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--preset');
  });
});

describe('artos-net doctor and the default command', () => {
  it('doctor all --preset production --json prints every workflow with its steps', async () => {
    const r = await cli('doctor', 'all', '--preset', 'production', '--json');
    const body = JSON.parse(r.stdout) as { status: string; workflows: { id: string; steps: { id: string; status: string }[] }[] };
    expect(body.workflows.map((w) => w.id)).toEqual(['endpoints', 'rds', 'bastion', 'reach', 'flowlogs', 'exposure', 'drift']);
    expect(body.workflows.every((w) => w.steps.length > 0)).toBe(true);
    expect(body.status).toBe('pass');
    expect(r.code).toBe(0);
  });

  it('doctor exits 1 when a check fails, and skips (not fails) the bastion workflow without a bastion', async () => {
    const blocked = await cli('doctor', 'reach', '--from', 'alb-internal', '--to', 'rds', '--port', '5432');
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('[FAIL] Can A reach B');
    const bastion = await cli('doctor', 'bastion', '--preset', 'development');
    expect(bastion.code).toBe(0);
    expect(bastion.stdout).toContain('[skip] The bastion group is among additionalSecurityGroupIds');
    expect(bastion.stdout).not.toContain('[ok  ] The bastion group');
  });

  it('doctor reach without --to or --port is a usage error (exit 2), not a pass', async () => {
    expect((await cli('doctor', 'reach')).code).toBe(2);
    expect((await cli('doctor', 'reach', '--from', 'eks-nodes', '--to', 'rds')).code).toBe(2);
    expect((await cli('doctor', 'reach', '--to', 'rds', '--port', 'abc')).code).toBe(2);
    const who = await cli('doctor', 'reach', '--to', 'rds', '--port', '5432', '--json');
    expect(who.code).toBe(0);
    expect(who.stdout).toContain('can open tcp 5432');
  });

  it('without a terminal, the default command prints the overview and the doctor report, and exits 0', async () => {
    const r = await cli();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Network artos-production  (preset production)');
    expect(r.stdout).toContain('generated sample traffic, 50,000 records with the incidents this network can produce');
    expect(r.stdout).toContain('RDS connection failures — a check failed');
    expect(r.stdout).toContain('[FAIL] No recent REJECTs on PostgreSQL (5432) in the flow logs');
  });
});

describe('commands and defaults', () => {
  it('an unknown command says so and lists the commands (exit 2)', async () => {
    const r = await cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
    for (const name of ['spec', 'cidr', 'flowlogs', 'doctor', 'overview', 'ui']) expect(r.stderr).toContain(name);
    expect(r.stderr).not.toContain('too many arguments');
    const help = await cli('help', 'frobnicate');
    expect(help.code).toBe(2);
    expect(help.stderr).toContain("unknown command 'frobnicate'");
  });

  it('every command reads the same preset when given none', async () => {
    expect((await cli('spec', 'validate')).stdout).toContain('preset production: valid');
    expect((await cli('cidr', 'check')).stdout).toContain('preset production:');
    expect((await cli('overview')).stdout).toContain('(preset production)');
    expect((await cli('doctor', 'endpoints')).stdout).toContain('preset production:');
    expect((await cli()).stdout).toContain('(preset production)');
  });

  it('one command is the default one', async () => {
    const r = await cli('--help');
    expect(r.stdout.match(/default command/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/ui\s+the terminal UI \(default command\)/);
  });
});
