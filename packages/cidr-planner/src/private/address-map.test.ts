import { describe, expect, it } from 'vitest';
import { preset } from '@artos/model';
import { allocationFromSpec } from './allocation.js';
import { renderAddressMapText, layoutStrips } from './address-map.js';
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
    const [title, strip] = layoutStrips(allocationFromSpec(preset('basic')), 64);
    expect(title).toBe('layout of the VPC 10.0.0.0/16, one character = 1,024 addresses:');
    // 10.0.10.0 is at 2,560 of 65,536: character 2; 10.0.200.0 at 51,200: character 50.
    expect(strip).toMatch(/^ {2}\|..p..p.{19}d.{24}d.{13}\|$/);
  });

  // Issue 15: the legend read "p private, d database, p pods, . free" — `p` twice, and `pods`
  // listed although no pod subnet was drawn.
  const withPods = allocationFromSpec({ namePrefix: 'artos-test', secondaryCidrs: ['100.64.0.0/16'], podSubnetCidrs: ['100.64.0.0/17', '100.64.128.0/17'] });
  const legendOf = (lines: readonly string[]) => lines.slice(lines.indexOf('legend:') + 1);
  const glyphsDrawn = (lines: readonly string[]) => new Set(lines.filter((l) => /^ {2}\|.*\|$/.test(l)).flatMap((l) => [...l.trim().slice(1, -1)]));

  it('text legend: each character drawn, once, with its meaning, in aligned columns', () => {
    for (const input of [allocationFromSpec(preset('basic')), allocationFromSpec(preset('production')), withPods]) {
      const lines = layoutStrips(input, 64);
      const legend = legendOf(lines);
      const glyphs = legend.map((l) => l.trim().split(/\s+/)[0]!);
      expect(new Set(glyphs).size).toBe(glyphs.length);
      expect(new Set(glyphs)).toEqual(glyphsDrawn(lines));
      // Glyphs in one column, meanings in the next.
      for (const line of legend) expect(line).toMatch(/^ {2}\S {2}\S/);
    }
    expect(legendOf(layoutStrips(allocationFromSpec(preset('basic')), 64))).toEqual(['  p  private subnets', '  d  database subnets', '  .  free']);
    // Pod subnets live in the secondary block: it gets a strip of its own, and pods a glyph of their own.
    const lines = layoutStrips(withPods, 64);
    expect(lines).toContain('layout of secondary block 100.64.0.0/16, one character = 1,024 addresses:');
    expect(legendOf(lines)).toEqual(['  p  private subnets', '  d  database subnets', '  o  pods subnets', '  .  free']);
  });

  it('text legend: a character covering two tiers is drawn as * and explained', () => {
    const lines = layoutStrips(
      {
        vpcCidr: '10.0.0.0/24',
        tiers: [
          { name: 'private', cidrs: ['10.0.0.0/28'] },
          { name: 'public', cidrs: ['10.0.0.16/28'] },
        ],
      },
      8,
    );
    expect(lines[1]).toBe('  |*.......|');
    expect(legendOf(lines)).toEqual(['  *  subnets of more than one tier', '  .  free']);
    // A VPC smaller than the width is drawn one character per address, never zero addresses per character.
    expect(layoutStrips({ vpcCidr: '10.0.0.0/28', tiers: [{ name: 'private', cidrs: ['10.0.0.0/28'] }] }, 64)[0]).toBe(
      'layout of the VPC 10.0.0.0/28, one character = 1 addresses:',
    );
  });

  it('SVG legend: one row per colour drawn (tiers on the map, free, plan blocks), swatches and names in columns', () => {
    const legendRows = (svg: string) => [
      ...svg
        .slice(svg.indexOf('<g class="legend">'))
        .matchAll(/<rect x="(\d+)" y="\d+" width="12" height="12" fill="([^"]+)"[^>]*\/><text x="(\d+)"[^>]*>([^<]+)<\/text>/g),
    ];
    const basic = legendRows(renderAddressMapSvg(allocationFromSpec(preset('basic'))));
    expect(basic.map((m) => m[4])).toEqual(['private subnets', 'database subnets', 'free']);
    expect(new Set(basic.map((m) => m[1]))).toEqual(new Set(['10']));
    expect(new Set(basic.map((m) => m[3]))).toEqual(new Set(['30']));
    const svg = renderAddressMapSvg({ ...withPods, blockPlan: SEED_EXAMPLE_BLOCK_PLAN });
    const rows = legendRows(svg);
    expect(rows.map((m) => m[4])).toEqual(['private subnets', 'database subnets', 'pods subnets', 'free', 'plan block']);
    // Every fill used for a subnet is in the legend, and tiers' colours are distinct.
    const subnetFills = new Set([...svg.matchAll(/height="40" fill="(#[0-9a-f]+)"><title>/g)].map((m) => m[1]));
    expect(subnetFills.size).toBe(3);
    for (const fill of subnetFills) expect(rows.some((m) => m[2] === fill)).toBe(true);
  });

  it('renders SVG with one rectangle per subnet and escaped text', () => {
    const svg = renderAddressMapSvg({ vpcCidr: '10.0.0.0/16', tiers: [{ name: 'private<x>', cidrs: ['10.0.10.0/24', '10.0.20.0/24'] }] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect((svg.match(/<title>private&lt;x&gt; AZ/g) ?? []).length).toBe(2);
    expect(svg).not.toContain('<x>');
  });
});
