import { describe, expect, it } from 'vitest';
import { preset } from '@artos/model';
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
    expect(codes(report, 'warning')).toEqual(['database-single-az']);
  });

  it('reports 251 usable addresses per /24, and that the seed says 254', () => {
    const report = checkAllocation(allocationFromSpec(preset('production')));
    const usable = report.findings.filter((f) => f.code === 'usable-addresses');
    expect(usable.map((f) => f.message.split(' — ')[0])).toEqual(['private tier: 753 usable addresses in 3 subnet(s)', 'database tier: 753 usable addresses in 3 subnet(s)']);
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
    const full = checkAllocation({ vpcCidr: '10.0.0.0/24', tiers: [{ name: 'private', cidrs: ['10.0.0.0/25'] }, { name: 'database', cidrs: ['10.0.0.128/25'] }] });
    expect(full.findings.filter((f) => f.code === 'tier-growth').map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(full.findings.some((f) => f.code === 'growth' && f.severity === 'warning' && /\/24/.test(f.message))).toBe(true);
  });
});

describe('checkAllocation on bad allocations', () => {
  it('names an unaligned subnet and gives the network address', () => {
    const report = checkAllocation({ vpcCidr: '10.0.0.0/16', tiers: [{ name: 'private', cidrs: ['10.0.10.7/24'] }] });
    const f = report.findings.find((x) => x.code === 'subnet-unaligned')!;
    expect(f.message).toContain('private[0]: 10.0.10.7/24 is not a network address');
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
    expect(codes(report, 'error').sort()).toEqual(['invalid-cidr', 'subnet-outside-vpc', 'subnet-overlap', 'subnet-size', 'vpc-size']);
  });

  it('warns on a VPC outside RFC 1918 and names the alternative', () => {
    const report = checkAllocation({ vpcCidr: '100.64.0.0/16', tiers: [{ name: 'private', cidrs: ['100.64.1.0/24'] }] });
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
    expect(overlaps.sort()).toEqual(['10.0.0.0/16 ~ 10.0.20.0/22', '10.0.0.0/16 ~ 10.0.200.128/25', '10.0.20.0/24 ~ 10.0.20.0/22', '10.0.200.0/24 ~ 10.0.200.128/25']);
  });

  it('turns a check that throws into a finding, and runs the others', () => {
    const report = checkAllocation({ vpcCidr: '10.0.0.0/16', tiers: [{ name: 'private', cidrs: ['10.0.1.0/24'] }] }, [
      ['boom', () => { throw new Error('kaput'); }],
      ['ok', () => [{ severity: 'info', code: 'growth', check: 'ok', cidrs: [], message: 'ran', fix: '' }]],
    ]);
    expect(report.findings.map((f) => f.code)).toEqual(['check-crashed', 'growth']);
    expect(report.findings[0]!.message).toContain('kaput');
  });
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
