import type { CheckContext } from '../allocation.js';
import { finding, type Finding } from '../finding.js';
import { toRangeIndex } from '../range-index.js';

/** The VPC and its subnets overlap no corporate or peer network (looked up in the sorted index). */
export function corporateOverlap(ctx: CheckContext): Finding[] {
  if (!ctx.vpc || ctx.input.corporate === undefined) return [];
  const corporate = toRangeIndex(ctx.input.corporate);
  const items = [{ name: 'VPC', block: ctx.vpc }, ...ctx.subnets.flatMap((s) => (s.block ? [{ name: `subnet ${s.path}`, block: s.block }] : []))];
  // The VPC overlap is what breaks routing; name the subnets inside it too, so the fix is clear.
  return items.flatMap((item) => corporate.overlapping(item.block).map((other) => ({ item, other }))).map(({ item, other }) =>
    finding('corporate-overlap', 'error', 'corporate-overlap', [item.block.text, other.text], `${item.name} ${item.block.text} overlaps the corporate/peer network ${other.text}: traffic to it over VPN, Direct Connect or peering cannot be routed`, 'choose a VPC block that avoids every corporate range (artos-net cidr plan --corporate FILE proposes one)'),
  );
}
