import type { CheckContext } from '../allocation.js';
import { finding, type Finding } from '../finding.js';

/** One subnet per AZ per tier; the database tier in at least two AZs (RDS DB subnet groups). */
export function azSpread(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const databaseTier = ctx.input.databaseTier ?? 'database';
  for (const tier of ctx.input.tiers) {
    const count = tier.cidrs.length;
    if (count === 0) {
      out.push(finding('az-spread', 'error', 'empty-tier', [], `the ${tier.name} tier lists no subnets`, `give at least one ${tier.name} subnet CIDR (two or more, in different AZs, for high availability)`));
    } else if (count > ctx.azCount) {
      out.push(finding('az-spread', 'error', 'az-spread', [...tier.cidrs], `the ${tier.name} tier has ${count} subnets for ${ctx.azCount} AZs: two subnets would share an AZ`, `span ${count} AZs, or remove a subnet`));
    } else if (count > 0 && count < ctx.azCount) {
      out.push(finding('az-spread', 'warning', 'az-spread', [...tier.cidrs], `the ${tier.name} tier covers ${count} of ${ctx.azCount} AZs: workloads in the other AZs have no ${tier.name} subnet nearby`, `add ${ctx.azCount - count} ${tier.name} subnet(s)`));
    }
    if (tier.name === databaseTier && count > 0 && count < 2) {
      out.push(finding('az-spread', 'warning', 'database-single-az', [...tier.cidrs], `the ${tier.name} tier is in ${count} AZ: an RDS DB subnet group needs subnets in at least two AZs, so RDS cannot be placed here (and Multi-AZ is impossible)`, 'add a database subnet in a second AZ'));
    }
  }
  return out;
}
