import type { CheckContext } from '../allocation.js';
import { finding, type Finding } from '../finding.js';
import { sweepOverlaps } from '../sweep.js';

/** The VPC and its subnets overlap no corporate or peer network (a sorted sweep). */
export function corporateOverlap(ctx: CheckContext): Finding[] {
  const corporate = ctx.input.corporate ?? [];
  if (!ctx.vpc || corporate.length === 0) return [];
  const items = [{ name: 'VPC', block: ctx.vpc }, ...ctx.subnets.flatMap((s) => (s.block ? [{ name: `subnet ${s.path}`, block: s.block }] : []))];
  const overlaps = sweepOverlaps(items, corporate);
  // The VPC overlap is what breaks routing; name the subnets inside it too, so the fix is clear.
  return overlaps.map(({ item, other }) =>
    finding('corporate-overlap', 'error', 'corporate-overlap', [item.block.text, other.text], `${item.name} ${item.block.text} overlaps the corporate/peer network ${other.text}: traffic to it over VPN, Direct Connect or peering cannot be routed`, 'choose a VPC block that avoids every corporate range (artos-net cidr plan --corporate FILE proposes one)'),
  );
}
