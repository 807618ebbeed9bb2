import { awsUsable, blockSize, formatCount, type Block } from '../block.js';
import type { CheckContext } from '../allocation.js';
import { finding, type Finding } from '../finding.js';
import { freeBlocks, lowestFreeBlock, mergeIntervals } from '@artos/model';

/** Room for growth: share allocated, largest free blocks, and whether each tier can gain an AZ. */
export function growth(ctx: CheckContext): Finding[] {
  const vpc = ctx.vpc;
  if (!vpc) return [];
  const inside = ctx.subnets.filter((s) => s.block && s.block.family === vpc.family && s.block.first >= vpc.first && s.block.last <= vpc.last);
  const used = inside.map((s) => s.block!);
  const allocated = mergeIntervals(used).reduce((sum, r) => sum + (r.last - r.first + 1n), 0n);
  const size = blockSize(vpc);
  const share = Number((allocated * 10000n) / size) / 100;
  const free = freeBlocks(vpc, used);
  const out: Finding[] = [
    finding(
      'growth',
      'info',
      'growth',
      [vpc.text],
      `${formatCount(allocated)} of ${formatCount(size)} addresses allocated (${share}%); largest free blocks: ${
        free
          .slice(0, 4)
          .map((b) => b.text)
          .join(', ') || 'none'
      }`,
    ),
  ];
  if (vpc.family === 4 && vpc.prefix >= 24) {
    out.push(
      finding(
        'growth',
        'warning',
        'growth',
        [vpc.text],
        `the VPC is a /${vpc.prefix}: the seed advises against a /24 (or smaller) for a whole VPC, and a VPC's primary block cannot grow`,
        'use a /16 (65,536 addresses) and leave room for growth',
      ),
    );
  }
  // Each tier is offered its own block: blocks are taken in turn from the free space (largest
  // subnets first, as the plan places them), so two tiers are never offered the same room.
  const tiers = ctx.input.tiers.flatMap((tier) => {
    const blocks = inside.filter((s) => s.tier === tier.name).map((s) => s.block!);
    return blocks.length === 0 ? [] : [{ name: tier.name, blocks, prefix: Math.max(...blocks.map((b) => b.prefix)) }];
  });
  const taken = [...used];
  const room = new Map<string, Block | undefined>();
  for (const tier of [...tiers].sort((a, b) => a.prefix - b.prefix)) {
    const block = lowestFreeBlock(vpc, tier.prefix, mergeIntervals(taken));
    room.set(tier.name, block);
    if (block) taken.push(block);
  }
  for (const tier of tiers) {
    const block = room.get(tier.name);
    out.push(
      block
        ? finding(
            'growth',
            'info',
            'tier-growth',
            [block.text],
            `the ${tier.name} tier can gain an AZ without renumbering: ${block.text} is free (${formatCount(awsUsable(block))} usable)`,
          )
        : finding(
            'growth',
            'warning',
            'tier-growth',
            tier.blocks.map((b) => b.text),
            `the ${tier.name} tier cannot gain an AZ: no free /${tier.prefix} is left in ${vpc.text}${tiers.length > 1 ? ' beside the blocks offered to the other tiers' : ''}`,
            'plan a larger VPC or smaller subnets (artos-net cidr plan)',
          ),
    );
  }
  return out;
}
