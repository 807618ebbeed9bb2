import { compareBlocks } from '../block.js';
import type { CheckContext } from '../allocation.js';
import { finding, type Finding } from '../finding.js';

/** No two subnets overlap (sorted sweep: each subnet is compared with the open ones only). */
export function subnetOverlap(ctx: CheckContext): Finding[] {
  const sorted = ctx.subnets.filter((s) => s.block).sort((a, b) => compareBlocks(a.block!, b.block!));
  const out: Finding[] = [];
  const open: typeof sorted = [];
  for (const s of sorted) {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.block!.last < s.block!.first || open[i]!.block!.family !== s.block!.family) open.splice(i, 1);
    for (const o of open) {
      out.push(finding('subnet-overlap', 'error', 'subnet-overlap', [o.block!.text, s.block!.text], `${s.path} ${s.block!.text} overlaps ${o.path} ${o.block!.text}`, 'give each subnet its own block (artos-net cidr plan proposes one)'));
    }
    open.push(s);
  }
  return out;
}
