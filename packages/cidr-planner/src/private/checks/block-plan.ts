import { contains, overlaps, parseBlock, type Block } from '../block.js';
import type { CheckContext, PlannedBlock } from '../allocation.js';
import { finding, type Finding } from '../finding.js';

/**
 * The seed's "Example Allocation" tree, as written. It is inconsistent with the seed's own default
 * subnets: 10.0.20.0/24 lies outside the private block 10.0.0.0/20 and 10.0.200.0/24 outside the
 * database block 10.0.100.0/22. The planner says so when it checks the default network against it.
 */
export const SEED_EXAMPLE_BLOCK_PLAN: readonly PlannedBlock[] = [
  { name: 'Private Subnets', cidr: '10.0.0.0/20', tier: 'private' },
  { name: 'Database Subnets', cidr: '10.0.100.0/22', tier: 'database' },
  { name: 'Reserved for Future', cidr: '10.0.104.0/22' },
  { name: 'Management', cidr: '10.0.255.0/24' },
];

/** A declared block plan: blocks valid, inside the VPC, disjoint, and each tier inside its block. */
export function blockPlan(ctx: CheckContext): Finding[] {
  const plan = ctx.input.blockPlan;
  if (!plan || plan.length === 0) return [];
  const out: Finding[] = [];
  const parsed: { entry: PlannedBlock; block: Block }[] = [];
  for (const entry of plan) {
    const p = parseBlock(entry.cidr);
    if (!p.ok) {
      out.push(
        finding(
          'block-plan',
          'error',
          'block-plan',
          [entry.cidr],
          `plan block "${entry.name}": ${p.message}`,
          p.suggestion ? `use ${p.suggestion}` : 'fix the CIDR',
        ),
      );
      continue;
    }
    parsed.push({ entry, block: p.block });
    if (ctx.vpc && !contains(ctx.vpc, p.block)) {
      out.push(
        finding(
          'block-plan',
          'error',
          'block-plan',
          [p.block.text, ctx.vpc.text],
          `plan block "${entry.name}" ${p.block.text} lies outside the VPC ${ctx.vpc.text}`,
          `choose a block inside ${ctx.vpc.text}`,
        ),
      );
    }
  }
  for (let i = 0; i < parsed.length; i++) {
    for (let j = 0; j < i; j++) {
      if (overlaps(parsed[i]!.block, parsed[j]!.block)) {
        out.push(
          finding(
            'block-plan',
            'error',
            'block-plan',
            [parsed[i]!.block.text, parsed[j]!.block.text],
            `plan blocks "${parsed[i]!.entry.name}" ${parsed[i]!.block.text} and "${parsed[j]!.entry.name}" ${parsed[j]!.block.text} overlap`,
            'make the plan blocks disjoint',
          ),
        );
      }
    }
  }
  for (const { entry, block } of parsed) {
    if (!entry.tier) continue;
    for (const s of ctx.subnets.filter((x) => x.tier === entry.tier && x.block)) {
      if (!contains(block, s.block!)) {
        out.push(
          finding(
            'block-plan',
            'error',
            'block-plan',
            [s.block!.text, block.text],
            `${s.path} ${s.block!.text} lies outside the plan's "${entry.name}" block ${block.text}: the plan and the subnets disagree`,
            `move the subnet into ${block.text}, or widen the plan block`,
            s.path,
          ),
        );
      }
    }
  }
  return out;
}
