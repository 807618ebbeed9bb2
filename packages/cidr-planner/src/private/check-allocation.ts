import { checkContext, type AllocationInput, type CheckContext } from './allocation.js';
import { finding, type Finding } from './finding.js';
import { cidrSyntax } from './checks/cidr-syntax.js';
import { rfc1918 } from './checks/rfc1918.js';
import { awsSizeBounds } from './checks/aws-size-bounds.js';
import { subnetsInsideVpc } from './checks/subnets-inside-vpc.js';
import { subnetOverlap } from './checks/subnet-overlap.js';
import { usableAddresses } from './checks/usable-addresses.js';
import { azSpread } from './checks/az-spread.js';
import { corporateOverlap } from './checks/corporate-overlap.js';
import { growth } from './checks/growth.js';
import { blockPlan } from './checks/block-plan.js';

export type AllocationCheck = (ctx: CheckContext) => Finding[];

/** The checks in the order their findings are reported. */
export const ALLOCATION_CHECKS: ReadonlyArray<readonly [string, AllocationCheck]> = [
  ['cidr-syntax', cidrSyntax],
  ['rfc1918', rfc1918],
  ['aws-size-bounds', awsSizeBounds],
  ['subnets-inside-vpc', subnetsInsideVpc],
  ['subnet-overlap', subnetOverlap],
  ['az-spread', azSpread],
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
      findings.push(finding(name, 'error', 'check-crashed', [], `the ${name} check failed: ${(error as Error).message}`, 'this is a bug in the planner; please report it with the input'));
    }
  }
  return {
    vpcCidr: input.vpcCidr,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
