import { describe, expect, it } from 'vitest';
import { preset, validateSpec, type NetworkSpecInput } from '@artos/model';
import { allocationFromSpec } from './allocation.js';
import { checkAllocation } from './check-allocation.js';
import { SEED_EXAMPLE_BLOCK_PLAN } from './checks/block-plan.js';
import { parseCorporateList } from './corporate-list.js';
import { blockAt } from './block.js';

const codes = (r: ReturnType<typeof checkAllocation>, severity: string) => r.findings.filter((f) => f.severity === severity).map((f) => f.code);

describe('checkAllocation on the presets', () => {
  it('basic and production have no errors and no warnings', () => {
    for (const name of ['basic', 'production']) {
      const report = checkAllocation(allocationFromSpec(preset(name)));
      expect(report.errors, name).toBe(0);
      expect(report.warnings, name).toBe(0);
    }
  });

  it('development is warned for its single-AZ database tier', () => {
    const report = checkAllocation(allocationFromSpec(preset('development')));
    expect(report.errors).toBe(0);
    expect(codes(report, 'warning')).toEqual(['single-az-database']);
  });

  it('reports 251 usable addresses per /24, and that the seed says 254', () => {
    const report = checkAllocation(allocationFromSpec(preset('production')));
    const usable = report.findings.filter((f) => f.code === 'usable-addresses');
    expect(usable.map((f) => f.message.split(' — ')[0])).toEqual([
      'private tier: 753 usable addresses in 3 subnet(s)',
      'database tier: 753 usable addresses in 3 subnet(s)',
    ]);
    expect(usable[0]!.message).toContain('10.0.10.0/24: 251 of 256');
    expect(usable[0]!.message).toContain('the seed states 254 per /24');
  });

  it("flags both inconsistencies of the seed's example allocation", () => {
    const report = checkAllocation({ ...allocationFromSpec(preset('basic')), blockPlan: SEED_EXAMPLE_BLOCK_PLAN });
    const plan = report.findings.filter((f) => f.code === 'block-plan');
    expect(plan.map((f) => f.cidrs)).toEqual([
      ['10.0.20.0/24', '10.0.0.0/20'],
      ['10.0.200.0/24', '10.0.100.0/22'],
    ]);
    expect(report.errors).toBe(2);
  });

  it('says whether each tier can gain an AZ', () => {
    const report = checkAllocation(allocationFromSpec(preset('basic')));
    expect(report.findings.filter((f) => f.code === 'tier-growth').map((f) => f.severity)).toEqual(['info', 'info']);
    const full = checkAllocation({
      vpcCidr: '10.0.0.0/24',
      tiers: [
        { name: 'private', cidrs: ['10.0.0.0/25'] },
        { name: 'database', cidrs: ['10.0.0.128/25'] },
      ],
    });
    expect(full.findings.filter((f) => f.code === 'tier-growth').map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(full.findings.some((f) => f.code === 'growth' && f.severity === 'warning' && /\/24/.test(f.message))).toBe(true);
  });

  // Issue 15: both tiers of the basic preset were offered 10.0.0.0/24.
  it('offers each tier a block of its own, taken in turn from the free space', () => {
    const offered = (input: Parameters<typeof checkAllocation>[0]) =>
      checkAllocation(input)
        .findings.filter((f) => f.code === 'tier-growth' && f.severity === 'info')
        .map((f) => f.cidrs[0]);
    expect(offered(allocationFromSpec(preset('basic')))).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    expect(offered(allocationFromSpec(preset('production')))).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
    // Larger subnets are placed first (a /20 before the /24s), whatever the order of the tiers.
    const mixed = {
      vpcCidr: '10.0.0.0/16',
      tiers: [
        { name: 'database', cidrs: ['10.0.100.0/24'] },
        { name: 'cache', cidrs: ['10.0.101.0/24'] },
        { name: 'private', cidrs: ['10.0.16.0/20'] },
      ],
    };
    expect(offered(mixed)).toEqual(['10.0.32.0/24', '10.0.33.0/24', '10.0.0.0/20']);
    // Room for one /26 only: the first tier gets it, the others are told they cannot grow.
    const tight = checkAllocation({
      vpcCidr: '10.0.0.0/24',
      tiers: [
        { name: 'private', cidrs: ['10.0.0.0/26'] },
        { name: 'database', cidrs: ['10.0.0.64/26'] },
        { name: 'cache', cidrs: ['10.0.0.128/27'] },
      ],
    });
    const growth = tight.findings.filter((f) => f.code === 'tier-growth');
    expect(growth.map((f) => [f.severity, f.cidrs[0]])).toEqual([
      ['info', '10.0.0.192/26'],
      ['warning', '10.0.0.64/26'],
      ['info', '10.0.0.160/27'],
    ]);
    expect(growth[1]!.message).toBe('the database tier cannot gain an AZ: no free /26 is left in 10.0.0.0/24 beside the blocks offered to the other tiers');
  });
});

describe('checkAllocation on bad allocations', () => {
  it('names an unaligned subnet and gives the network address', () => {
    const report = checkAllocation({ vpcCidr: '10.0.0.0/16', tiers: [{ name: 'private', cidrs: ['10.0.10.7/24'] }] });
    const f = report.findings.find((x) => x.code === 'cidr-host-bits')!;
    expect(f.path).toBe('privateSubnetCidrs[0]');
    expect(f.message).toBe('10.0.10.7/24 is not a network address: host bits are set for a /24');
    expect(f.fix).toBe('use 10.0.10.0/24');
  });

  it('names bad CIDR text, outside-VPC and overlapping subnets, and sizes AWS refuses', () => {
    const report = checkAllocation({
      vpcCidr: '10.0.0.0/8',
      tiers: [
        { name: 'private', cidrs: ['10.0.10.0/24', 'nonsense', '10.0.10.128/25', '11.0.0.0/24'] },
        { name: 'database', cidrs: ['10.0.100.0/29'] },
      ],
      azCount: 4,
    });
    expect(codes(report, 'error').sort()).toEqual(['cidr-size', 'cidr-size', 'invalid-cidr', 'subnet-outside-vpc', 'subnet-overlap']);
  });

  it('warns on a VPC outside RFC 1918 and names the alternative; 100.64.0.0/10 is not warned', () => {
    // "VPC CIDR blocks" (Amazon VPC User Guide): AWS permits 100.64.0.0/10 beside any primary block.
    const shared = checkAllocation({ vpcCidr: '100.64.0.0/16', tiers: [{ name: 'private', cidrs: ['100.64.1.0/24'] }] });
    expect(shared.findings.filter((x) => x.code === 'not-rfc1918')).toEqual([]);
    const report = checkAllocation({ vpcCidr: '203.0.0.0/16', tiers: [{ name: 'private', cidrs: ['203.0.1.0/24'] }] });
    const f = report.findings.find((x) => x.code === 'not-rfc1918')!;
    expect(f.severity).toBe('warning');
    expect(f.fix).toContain('10.0.0.0/8');
  });

  it('reports an empty tier as an error', () => {
    const report = checkAllocation({ vpcCidr: '10.0.0.0/16', tiers: [{ name: 'private', cidrs: [] }] });
    expect(codes(report, 'error')).toEqual(['empty-tier']);
  });

  it('names every corporate overlap', () => {
    const corporate = parseCorporateList('# HQ\n10.0.20.0/22 hq\n192.168.0.0/16\n10.0.200.128/25\n').blocks;
    const report = checkAllocation({ ...allocationFromSpec(preset('basic')), corporate });
    const overlaps = report.findings.filter((f) => f.code === 'corporate-overlap').map((f) => f.cidrs.join(' ~ '));
    expect(overlaps.sort()).toEqual([
      '10.0.0.0/16 ~ 10.0.20.0/22',
      '10.0.0.0/16 ~ 10.0.200.128/25',
      '10.0.20.0/24 ~ 10.0.20.0/22',
      '10.0.200.0/24 ~ 10.0.200.128/25',
    ]);
  });

  it('turns a check that throws into a finding, and runs the others', () => {
    const report = checkAllocation({ vpcCidr: '10.0.0.0/16', tiers: [{ name: 'private', cidrs: ['10.0.1.0/24'] }] }, [
      [
        'boom',
        () => {
          throw new Error('kaput');
        },
      ],
      ['ok', () => [{ severity: 'info', code: 'growth', check: 'ok', cidrs: [], message: 'ran', fix: '', path: '' }]],
    ]);
    expect(report.findings.map((f) => f.code)).toEqual(['check-crashed', 'growth']);
    expect(report.findings[0]!.message).toContain('kaput');
  });
});

describe('cidr check and spec validate say the same things', () => {
  // One list of address checks (the model's), read by both: same codes, paths and words.
  const cases: Record<string, Partial<NetworkSpecInput>> = {
    'host bits': { privateSubnetCidrs: ['10.0.10.7/24', '10.0.20.0/24'] },
    'outside and overlapping': { privateSubnetCidrs: ['10.0.10.0/24', '10.1.0.0/24'], databaseSubnetCidrs: ['10.0.10.128/25', '10.0.200.0/24'] },
    'fewer subnets than AZs': { availabilityZoneCount: 3 },
    'single-AZ database': { privateSubnetCidrs: ['10.0.10.0/24'], databaseSubnetCidrs: ['10.0.100.0/24'] },
    '172.17.0.0/16': {
      vpcCidr: '172.17.0.0/16',
      privateSubnetCidrs: ['172.17.1.0/24', '172.17.2.0/24'],
      databaseSubnetCidrs: ['172.17.3.0/24', '172.17.4.0/24'],
    },
    'refused secondary': { secondaryCidrs: ['192.168.0.0/16'] },
    'pod subnets': { secondaryCidrs: ['100.64.0.0/16'], podSubnetCidrs: ['100.64.0.0/17'] },
    'a very long bad CIDR (messages kept short the same way)': { privateSubnetCidrs: [`10.0.${'9'.repeat(500)}.0/24`, '10.0.20.0/24'] },
  };
  for (const [name, fields] of Object.entries(cases)) {
    it(name, () => {
      const spec = { namePrefix: 'artos-test', ...fields };
      const fromSpec = validateSpec(spec).issues.map((i) => [i.severity, i.code, i.path, i.message, i.hint]);
      const report = checkAllocation(allocationFromSpec(spec));
      const fromPlanner = report.findings.filter((f) => f.severity !== 'info').map((f) => [f.severity, f.code, f.path, f.message, f.fix]);
      expect(fromSpec.length).toBeGreaterThan(0);
      expect(fromPlanner).toEqual(fromSpec);
    });
  }
});

describe('parseCorporateList', () => {
  it('returns bad lines with their numbers, not dropped', () => {
    const list = parseCorporateList('10.0.0.0/8\n\n# comment\n10.1.2.3/16\nbanana\n172.16.0.0/12 branch offices\n');
    expect(list.blocks.map((b) => b.text)).toEqual(['10.0.0.0/8', '172.16.0.0/12']);
    expect(list.errors.map((e) => e.line)).toEqual([4, 5]);
    expect(list.errors[0]!.message).toContain('use 10.1.0.0/16');
  });

  it('handles 100,000 ranges', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => blockAt(4, BigInt(0x0b000000 + i * 256), 24).text).join('\n');
    expect(parseCorporateList(text).blocks).toHaveLength(100_000);
  });
});
