import { block, contains, overlaps } from '../block.js';
import type { CheckContext } from '../allocation.js';
import { finding, type Finding } from '../finding.js';

export const RFC1918_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;

/** The VPC lies inside one RFC 1918 private range (the seed's first CIDR recommendation). */
export function rfc1918(ctx: CheckContext): Finding[] {
  const vpc = ctx.vpc;
  if (!vpc || vpc.family !== 4) return [];
  const ranges = RFC1918_BLOCKS.map(block);
  if (ranges.some((r) => contains(r, vpc))) return [];
  const straddles = ranges.find((r) => overlaps(r, vpc));
  return [
    finding(
      'rfc1918',
      'warning',
      'not-rfc1918',
      [vpc.text],
      straddles
        ? `the VPC ${vpc.text} straddles the private range ${straddles.text}: part of it is public address space`
        : `the VPC ${vpc.text} is outside the RFC 1918 private ranges (${RFC1918_BLOCKS.join(', ')}): it may collide with public addresses the workloads need to reach`,
      `use a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, e.g. 10.0.0.0/${vpc.prefix < 16 ? 16 : vpc.prefix}`,
    ),
  ];
}
