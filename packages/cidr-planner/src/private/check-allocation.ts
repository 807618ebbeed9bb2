import { checkContext, type AllocationInput, type CheckContext } from './allocation.js';
import { ADDRESS_CHECKS, type AddressCheck } from '@artos/model';
import { finding, findingOfIssue, type Finding } from './finding.js';
import { usableAddresses } from './checks/usable-addresses.js';
import { corporateOverlap } from './checks/corporate-overlap.js';
import { growth } from './checks/growth.js';
import { blockPlan } from './checks/block-plan.js';

export type AllocationCheck = (ctx: CheckContext) => Finding[];

/** A model address check read by the planner: the same issues, as findings. */
function fromModel(name: string, check: AddressCheck): AllocationCheck {
  return (ctx) => {
    const cidrAt = new Map([ctx.address.vpc, ...ctx.address.secondary, ...ctx.address.subnets].map((c) => [c.path, c.cidr?.text ?? c.text]));
    return check(ctx.address).map((issue) => findingOfIssue(name, issue, cidrAt.has(issue.path) ? [cidrAt.get(issue.path)!] : []));
  };
}

/**
 * The checks in the order their findings are reported: first the model's address checks (the
 * list `spec validate` runs, so both commands say the same things at the same paths), then the
 * planner's own, which need more than a spec (corporate ranges, a block plan) or only inform.
 */
export const ALLOCATION_CHECKS: ReadonlyArray<readonly [string, AllocationCheck]> = [
  ...ADDRESS_CHECKS.map(([name, check]) => [name, fromModel(name, check)] as const),
  ['corporate-overlap', corporateOverlap],
  ['block-plan', blockPlan],
  ['usable-addresses', usableAddresses],
  ['growth', growth],
];

export interface CheckReport {
  readonly vpcCidr: string;
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
}

/** Runs every check; one that throws becomes a finding instead of ending the run. */
export function checkAllocation(input: AllocationInput, checks = ALLOCATION_CHECKS): CheckReport {
  const ctx = checkContext(input);
  const findings: Finding[] = [];
  for (const [name, check] of checks) {
    try {
      findings.push(...check(ctx));
    } catch (error) {
      findings.push(
        finding(
          name,
          'error',
          'check-crashed',
          [],
          `the ${name} check failed: ${(error as Error).message}`,
          'this is a bug in the planner; please report it with the input',
        ),
      );
    }
  }
  return {
    vpcCidr: input.vpcCidr,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
