import type { SpecIssue } from '../errors.js';
import { issue, tierSize, type AddressContext } from './address-plan.js';

/**
 * One subnet per AZ per tier (the seed's design): a tier with more subnets than AZs is an error,
 * one with fewer leaves AZs without it (warning); the database tier needs two AZs for an RDS DB
 * subnet group ("Working with a DB instance in a VPC", Amazon RDS User Guide).
 */
export function azCoverage(ctx: AddressContext): SpecIssue[] {
  const out: SpecIssue[] = [];
  const databaseTier = ctx.plan.databaseTier ?? 'database';
  for (const tier of ctx.plan.tiers) {
    const size = tierSize(tier);
    if (size === 0) {
      if (!tier.optional)
        out.push(
          issue(
            'error',
            'empty-tier',
            tier.key,
            `the ${tier.name} tier has no subnets`,
            `list at least one CIDR in ${tier.key} (two or more for high availability)`,
          ),
        );
      continue;
    }
    // An impossible AZ count is reported once, on its own key; comparing the tiers with it would only repeat it.
    const azCountPossible = ctx.azCount >= 1 && ctx.azCount <= 6;
    if (azCountPossible && size > ctx.azCount) {
      out.push(
        issue(
          'error',
          'az-count',
          tier.key,
          `the ${tier.name} tier has ${size} subnets but the network spans ${ctx.azCount} AZs; the seed puts one subnet per AZ per tier`,
          `set availabilityZoneCount to ${size} or remove subnets`,
        ),
      );
    } else if (azCountPossible && size < ctx.azCount) {
      out.push(
        issue(
          'warning',
          'az-coverage',
          tier.key,
          `the ${tier.name} tier covers ${size} of ${ctx.azCount} AZs: workloads in the other AZs have no ${tier.name} subnet nearby`,
          `add ${ctx.azCount - size} ${tier.name} subnet(s)`,
        ),
      );
    }
    if (tier.name === databaseTier && size < 2) {
      const message =
        'the database tier is in one AZ; an RDS DB subnet group needs subnets in at least two AZs, so no DB subnet group can be made and Multi-AZ is impossible';
      const hint = 'add a second database subnet in another AZ (e.g. for production), or accept it for development';
      out.push(issue(ctx.plan.requireDbSubnetGroup ? 'error' : 'warning', 'single-az-database', tier.key, message, hint));
    }
  }
  return out;
}
