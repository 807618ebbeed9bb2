import type { CheckContext } from '../allocation.js';
import type { Block } from '../block.js';
import { finding, type Finding } from '../finding.js';
import { toRangeIndex, type RangeIndex } from '../range-index.js';

/** One error per corporate/peer range that overlaps `item` (the VPC or a subnet), named. */
export function corporateOverlapsOf(
  name: string,
  item: Block,
  corporate: RangeIndex,
  fix = 'choose a VPC block that avoids every corporate range (artos-net cidr plan --corporate FILE proposes one)',
): Finding[] {
  return corporate
    .overlapping(item)
    .map((other) =>
      finding(
        'corporate-overlap',
        'error',
        'corporate-overlap',
        [item.text, other.text],
        `${name} ${item.text} overlaps the corporate/peer network ${other.text}: traffic to it over VPN, Direct Connect or peering cannot be routed`,
        fix,
      ),
    );
}

/** The VPC and its subnets overlap no corporate or peer network (looked up in the sorted index). */
export function corporateOverlap(ctx: CheckContext): Finding[] {
  if (!ctx.vpc || ctx.input.corporate === undefined) return [];
  const corporate = toRangeIndex(ctx.input.corporate);
  // The VPC overlap is what breaks routing; name the subnets inside it too, so the fix is clear.
  const items = [{ name: 'VPC', block: ctx.vpc }, ...ctx.subnets.flatMap((s) => (s.block ? [{ name: `subnet ${s.path}`, block: s.block }] : []))];
  return items.flatMap((item) => corporateOverlapsOf(item.name, item.block, corporate));
}
