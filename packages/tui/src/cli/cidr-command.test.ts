import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'artos-cidr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('artos-net cidr', () => {
  it('check: clean presets exit 0, the development warning is shown', async () => {
    expect((await cli('cidr', 'check', '--preset', 'production')).code).toBe(0);
    const dev = await cli('cidr', 'check', '--preset', 'development');
    expect(dev.code).toBe(0);
    expect(dev.stdout).toContain('an RDS DB subnet group needs subnets in at least two AZs');
  });

  it("check --block-plan seed: the seed's example allocation fails with both inconsistencies (exit 1)", async () => {
    const r = await cli('cidr', 'check', '--preset', 'basic', '--block-plan', 'seed', '--json');
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { errors: number; findings: { code: string; cidrs: string[] }[] };
    expect(body.findings.filter((f) => f.code === 'block-plan').map((f) => f.cidrs[0])).toEqual(['10.0.20.0/24', '10.0.200.0/24']);
  });

  it('check --corporate: overlaps are errors (exit 1); a bad line is bad input (exit 2) naming the line', async () => {
    const good = join(dir, 'corp.txt');
    writeFileSync(good, '# branch offices\n10.0.10.0/23\n192.168.0.0/16\n');
    const r = await cli('cidr', 'check', '--preset', 'basic', '--corporate', good);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('VPC 10.0.0.0/16 overlaps the corporate/peer network 10.0.10.0/23');
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '10.0.0.0/8\n10.1.1.1/16\n');
    const b = await cli('cidr', 'check', '--corporate', bad);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`${bad}:2: 10.1.1.1/16 is not a network address`);
    writeFileSync(join(dir, 'empty.txt'), '# nothing\n');
    expect((await cli('cidr', 'check', '--corporate', join(dir, 'empty.txt'))).stderr).toContain('lists no range');
  });

  it('plan --corporate: the VPC and its subnets are placed around the ranges in the file', async () => {
    const corp = join(dir, 'taken.txt');
    writeFileSync(corp, '10.0.0.0/9 head office\n10.128.0.0/17\n');
    const r = await cli('cidr', 'plan', '--vpc-size', '16', '--corporate', corp, '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { plan: { vpcCidr: string } }).plan.vpcCidr).toBe('10.129.0.0/16');
    const given = await cli('cidr', 'plan', '--vpc', '10.128.0.0/16', '--tier', 'private:/24', '--azs', '2', '--corporate', corp, '--json');
    // The subnets go around 10.128.0.0/17, but the VPC given still overlaps it: an error, exit 1.
    expect(given.code).toBe(1);
    const text = await cli('cidr', 'plan', '--vpc', '10.128.0.0/16', '--corporate', corp);
    expect(text.stdout).toContain('VPC 10.128.0.0/16 overlaps the corporate/peer network 10.128.0.0/17');
    expect(text.stdout).toContain('fix: give no VPC CIDR');
    const subnets = (JSON.parse(given.stdout) as { plan: { subnets: { cidr: string }[] } }).plan.subnets.map((s) => s.cidr);
    expect(subnets).toEqual(['10.128.128.0/24', '10.128.129.0/24']);
  });

  it('plan writes a spec that validates and checks clean (round trip)', async () => {
    const out = join(dir, 'planned.yaml');
    const r = await cli('cidr', 'plan', '--tier', 'private:1000', '--tier', 'database:/24', '--azs', '3', '--name-prefix', 'artos-planned', '--spec-out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('namePrefix: artos-planned');
    expect((await cli('spec', 'validate', '--spec', out)).code).toBe(0);
    expect((await cli('cidr', 'check', '--spec', out)).code).toBe(0);
  });

  it('plan rejects a malformed tier and impossible requests with exit 2', async () => {
    expect((await cli('cidr', 'plan', '--tier', 'private=10')).stderr).toContain('expected NAME:HOSTS or NAME:/PREFIX');
    const r = await cli('cidr', 'plan', '--vpc', '10.0.0.0/24', '--tier', 'private:/25', '--azs', '3');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no free /25');
  });

  it('map draws text and SVG', async () => {
    const text = await cli('cidr', 'map', '--preset', 'basic', '--block-plan', 'seed');
    expect(text.stdout).toContain('Private Subnets: 10.0.0.0/20');
    const svgFile = join(dir, 'map.svg');
    await cli('cidr', 'map', '--preset', 'production', '--format', 'svg', '--out', svgFile);
    expect(readFileSync(svgFile, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
  });

  it('capacity warns when the /24 private subnets cannot hold the cluster (exit 1)', async () => {
    const r = await cli('cidr', 'capacity', '--preset', 'basic', '--nodes', '20', '--json');
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { maxNodes: number }).maxNodes).toBe(16);
  });

  it('plan --corporate never proposes 172.17.0.0/16 ("VPC CIDR blocks", Amazon VPC User Guide)', async () => {
    const corp = join(dir, 'ten-and-172-16.txt');
    writeFileSync(corp, '10.0.0.0/8\n172.16.0.0/16\n');
    const r = await cli('cidr', 'plan', '--corporate', corp, '--json');
    expect((JSON.parse(r.stdout) as { plan: { vpcCidr: string } }).plan.vpcCidr).toBe('172.18.0.0/16');
  });

  it('plan --pods proposes a 100.64.0.0/10 secondary block and pod subnets, and the spec written validates', async () => {
    const out = join(dir, 'pods.yaml');
    const r = await cli('cidr', 'plan', '--azs', '2', '--pods', '/16', '--spec-out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('secondary 100.64.0.0/16');
    expect(r.stdout).toMatch(/pods\s+AZ1\s+100\.64\.0\.0\/17/);
    expect(readFileSync(out, 'utf8')).toContain('podSubnetCidrs:');
    expect((await cli('spec', 'validate', '--spec', out)).code).toBe(0);
    expect((await cli('cidr', 'plan', '--pods', 'x16')).code).toBe(2);
  });

  it('check and spec validate print the same problem at the same path', async () => {
    const spec = join(dir, 'host-bits.yaml');
    writeFileSync(spec, 'namePrefix: artos-test\nprivateSubnetCidrs: [10.0.10.7/24, 10.0.20.0/24]\n');
    const line = 'privateSubnetCidrs[0]: 10.0.10.7/24 is not a network address: host bits are set for a /24';
    expect((await cli('cidr', 'check', '--spec', spec)).stdout).toContain(line);
    expect((await cli('spec', 'validate', '--spec', spec)).stdout).toContain(line);
  });

  it("capacity reads the instance table and the spec's endpoints, and warns on one AZ", async () => {
    const r = await cli('cidr', 'capacity', '--preset', 'basic', '--instance-type', 'c5.9xlarge', '--mode', 'prefix-delegation', '--json');
    const body = JSON.parse(r.stdout) as { maxPodsPerNode: number; subnets: { endpointAddresses: number }[] };
    expect(body.maxPodsPerNode).toBe(250); // 36 vCPUs > 30: max-pods-calculator.sh's 250
    expect(body.subnets.map((s) => s.endpointAddresses)).toEqual([10, 10]);
    const dev = await cli('cidr', 'capacity', '--preset', 'development');
    expect(dev.code).toBe(1);
    expect(dev.stdout).toContain('an EKS cluster needs subnets in at least two AZs');
    expect((await cli('cidr', 'capacity', '--instance-type', 'm99.large')).code).toBe(2);
  });

  // Issue 15: `cidr capacity --mode prefix-delegation` said 110 pods per node in the header and
  // computed 16 per node in the rows.
  it.each(['basic', 'production', 'development'])(
    'capacity --preset %s: the header figure is the one each row multiplies, in both modes and several types',
    async (name) => {
      for (const mode of ['secondary-ip', 'prefix-delegation']) {
        for (const type of ['m5.large', 't3.medium', 'c5.9xlarge', 'm5.4xlarge']) {
          const r = await cli('cidr', 'capacity', '--preset', name, '--mode', mode, '--instance-type', type);
          const perNode = Number(/: (\d+) pods per node/.exec(r.stdout)![1]);
          const rows = [...r.stdout.matchAll(/^ {2}(\S+) +[\d,]+ +[\d,]+ +([\d,]+) +([\d,]+) +([\d,]+)$/gm)];
          expect(rows.length, `${name} ${mode} ${type}`).toBeGreaterThan(0);
          for (const [, , nodes, rowPerNode, pods] of rows) {
            const n = (t: string | undefined) => Number(t!.replace(/,/g, ''));
            expect(n(rowPerNode)).toBe(perNode);
            expect(n(pods)).toBe(n(nodes) * perNode);
          }
          const json = JSON.parse((await cli('cidr', 'capacity', '--preset', name, '--mode', mode, '--instance-type', type, '--json')).stdout) as {
            maxPodsPerNode: number;
            subnets: { maxNodes: number; maxPods: number }[];
          };
          expect(json.maxPodsPerNode).toBe(perNode);
          for (const s of json.subnets) expect(s.maxPods).toBe(s.maxNodes * perNode);
        }
      }
    },
  );

  it('capacity --max-pods sets the pods per node (kubelet maxPods); a subnet that holds no node is a warning (exit 1)', async () => {
    const none = await cli('cidr', 'capacity', '--preset', 'basic', '--mode', 'prefix-delegation');
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('the private subnets hold no node at 110 pods per node');
    const capped = await cli('cidr', 'capacity', '--preset', 'basic', '--mode', 'prefix-delegation', '--max-pods', '16');
    expect(capped.code).toBe(0);
    expect(capped.stdout).toContain(
      'prefix-delegation: 16 pods per node (ENI limit 434, ceiling 16)\na node at 16 pods holds 17 addresses of its subnet (1 /28 prefix on 1 ENI)',
    );
    expect(capped.stdout).toMatch(/^ {2}total +6 +16 +96$/m);
    expect((await cli('cidr', 'capacity', '--max-pods', '0')).code).toBe(2);
  });

  // Issue 15: "a broken map legend" — `p private, d database, p pods, . free` on a map without pods.
  it('map: the legend lists each glyph on the map once, and the SVG legend each colour', async () => {
    const text = (await cli('cidr', 'map', '--preset', 'production')).stdout;
    expect(text.slice(text.indexOf('legend:'))).toBe('legend:\n  p  private subnets\n  d  database subnets\n  .  free\n');
    const svgFile = join(dir, 'legend.svg');
    await cli('cidr', 'map', '--preset', 'basic', '--block-plan', 'seed', '--format', 'svg', '--out', svgFile);
    const svg = readFileSync(svgFile, 'utf8');
    const labels = [...svg.slice(svg.indexOf('<g class="legend">')).matchAll(/font-size="12">([^<]+)</g)].map((m) => m[1]);
    expect(labels).toEqual(['private subnets', 'database subnets', 'free', 'plan block']);
  });

  it('plan: the subnet table is aligned whatever the tier names and sizes', async () => {
    const r = await cli('cidr', 'plan', '--azs', '2', '--pods', '--tier', 'application-long-name:1000', '--tier', 'db:/24');
    const lines = r.stdout.split('\n').filter((l) => /^ {2}(tier|application-long-name|db|pods) /.test(l));
    expect(lines.length).toBe(1 + 2 + 2 + 2 + 2);
    const usableEnd = lines[0]!.length;
    for (const line of lines) expect(line.length).toBe(usableEnd);
    expect(new Set(lines.map((l) => l.search(/(?<= )(10|100)\.|cidr/)))).toHaveProperty('size', 1);
  });
});
