import type { SpecIssue } from '../errors.js';
import { compareBlocks } from '../cidr-block.js';
import { issue, type AddressContext, type PlacedSubnet } from './address-plan.js';

/**
 * No two subnets overlap. A sorted sweep: each subnet is compared with the open ones only. The
 * issue sits on the later subnet of the spec's order and names the earlier one.
 */
export function subnetOverlap(ctx: AddressContext): SpecIssue[] {
  const order = new Map(ctx.subnets.map((s, i) => [s, i]));
  const sorted = ctx.subnets.filter((s) => s.cidr).sort((a, b) => compareBlocks(a.cidr!, b.cidr!));
  const out: { at: number; issue: SpecIssue }[] = [];
  const open: PlacedSubnet[] = [];
  for (const s of sorted) {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.cidr!.last < s.cidr!.first) open.splice(i, 1);
    for (const o of open) {
      const [earlier, later] = order.get(o)! < order.get(s)! ? [o, s] : [s, o];
      out.push({
        at: order.get(later)!,
        issue: issue(
          'error',
          'subnet-overlap',
          later.path,
          `${later.cidr!.text} overlaps ${earlier.cidr!.text} (${earlier.path})`,
          'give each subnet its own block (artos-net cidr plan proposes one)',
        ),
      });
    }
    open.push(s);
  }
  return out.sort((a, b) => a.at - b.at).map((o) => o.issue);
}
