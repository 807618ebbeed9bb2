import { describe, expect, it } from 'vitest';
import { eksCapacity, planAllocation } from '@artos/cidr-planner';
import { renderCapacity, renderPlanSubnets } from './cidr-text.js';
import { alignedTable } from './text-table.js';

/** Start column of each cell of a table line (cells are separated by two or more spaces). */
const columnEnds = (line: string) => [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => m.index! + m[0].length);
const columnStarts = (line: string) => [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => m.index!);

describe('cidr tables', () => {
  it('alignedTable: text left-aligned, counts right-aligned, widths from the widest cell', () => {
    const text = alignedTable(
      [
        ['tier', 'usable'],
        ['application-long-name', '1,019'],
        ['pods', '16,379'],
      ],
      ['left', 'right'],
      '  ',
    );
    expect(text.split('\n')).toEqual(['  tier                   usable', '  application-long-name   1,019', '  pods                   16,379']);
  });

  // Issue 15: "misaligned columns" — the capacity rows used fixed widths and an inline
  // "(10 for endpoints)", so a wider count shifted every column after it.
  it('capacity: the numbers of every row end in the same columns, whatever their width', () => {
    const report = eksCapacity({
      subnets: ['10.0.0.0/24', '10.0.64.0/18', '10.0.128.0/17'],
      mode: 'secondary-ip',
      instanceType: 'm5.large',
      interfaceEndpointsPerSubnet: 10,
    });
    const lines = renderCapacity(report).trimEnd().split('\n').slice(2);
    expect(lines[0]).toMatch(/^ {2}subnet +usable +endpoints +nodes +pods\/node +pods$/);
    // The CIDRs are left-aligned; every count after them ends in one column.
    const ends = columnEnds(lines[1]!);
    for (const line of lines.slice(2, -1)) expect(columnEnds(line).slice(1)).toEqual(ends.slice(1));
    expect(columnEnds(lines[0]!).slice(1)).toEqual(ends.slice(1));
    expect(columnEnds(lines.at(-1)!)).toEqual([columnEnds(lines.at(-1)!)[0], ...ends.slice(3)]);
  });

  it('capacity: the header states the per-node figure and every row multiplies it', () => {
    const report = eksCapacity({ subnets: ['10.0.0.0/20', '10.0.16.0/20'], mode: 'prefix-delegation', instanceType: 'm5.large' });
    const text = renderCapacity(report);
    expect(text).toContain('prefix-delegation: 110 pods per node (ENI limit 434, ceiling 110)');
    expect(text).toContain('a node at 110 pods holds 113 addresses of its subnet (7 /28 prefixes on 1 ENI)');
    expect(text).toMatch(/10\.0\.0\.0\/20 +4,091 +0 +35 +110 +3,850\n/);
  });

  it('plan: tier, slot, CIDR and usable in columns, however long the tier name', () => {
    const plan = planAllocation({
      tiers: [
        { name: 'application-long-name', hosts: 1000 },
        { name: 'db', prefix: 24 },
      ],
      azCount: 2,
      pods: {},
    });
    const lines = renderPlanSubnets(plan).trimEnd().split('\n');
    const starts = columnStarts(lines[0]!);
    for (const line of lines.slice(1)) {
      expect(columnStarts(line).slice(0, 3)).toEqual(starts.slice(0, 3));
      expect(columnEnds(line)[3]).toBe(columnEnds(lines[0]!)[3]);
    }
  });
});
