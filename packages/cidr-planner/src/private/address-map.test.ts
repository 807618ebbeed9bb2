import { describe, expect, it } from 'vitest';
import { preset } from '@artos/model';
import { allocationFromSpec } from './allocation.js';
import { renderAddressMapText, layoutStrip } from './address-map.js';
import { renderAddressMapSvg } from './address-map-svg.js';
import { SEED_EXAMPLE_BLOCK_PLAN } from './checks/block-plan.js';

describe('address map', () => {
  it('draws the seed example tree with sizes, bars and the subnets outside it', () => {
    const text = renderAddressMapText({ ...allocationFromSpec(preset('basic')), blockPlan: SEED_EXAMPLE_BLOCK_PLAN });
    expect(text).toContain('VPC 10.0.0.0/16  65,536 addresses');
    expect(text).toContain('├── Private Subnets: 10.0.0.0/20  4,096 addresses  [#...................] 6.3% in subnets');
    expect(text).toContain('├── Database Subnets: 10.0.100.0/22  1,024 addresses  [#####...............] 25.0% in subnets');
    expect(text).toMatch(/└── outside every plan block[\s\S]*private AZ2: 10\.0\.20\.0\/24[\s\S]*database AZ2: 10\.0\.200\.0\/24/);
    expect(text).toContain('AZ1: 10.0.10.0/24  256 addresses (251 usable)');
  });

  it('lays the VPC out in a strip', () => {
    const strip = layoutStrip(allocationFromSpec(preset('basic')), 64);
    // 10.0.10.0 is at 2,560 of 65,536: character 2; 10.0.200.0 at 51,200: character 50.
    expect(strip).toMatch(/^layout \|..p..p.{19}d.{24}d.{13}\|/);
  });

  it('renders SVG with one rectangle per subnet and escaped text', () => {
    const svg = renderAddressMapSvg({ vpcCidr: '10.0.0.0/16', tiers: [{ name: 'private<x>', cidrs: ['10.0.10.0/24', '10.0.20.0/24'] }] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect((svg.match(/<title>private&lt;x&gt; AZ/g) ?? []).length).toBe(2);
    expect(svg).not.toContain('<x>');
  });
});
