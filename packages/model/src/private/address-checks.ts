import type { SpecIssue } from './errors.js';
import { addressContext, type AddressCheck, type AddressPlan } from './address-checks/address-plan.js';
import { cidrSyntax } from './address-checks/cidr-syntax.js';
import { cidrSize } from './address-checks/cidr-size.js';
import { reservedRanges } from './address-checks/reserved-ranges.js';
import { secondaryCidrs } from './address-checks/secondary-cidrs.js';
import { subnetsInsideVpc } from './address-checks/subnets-inside-vpc.js';
import { subnetOverlap } from './address-checks/subnet-overlap.js';
import { azCoverage } from './address-checks/az-coverage.js';

/**
 * The one list of address checks, in the order their issues are reported. `validateSpec` runs
 * it on a spec; `@artos/cidr-planner`'s `checkAllocation` runs it on an allocation and adds its
 * own (corporate overlap, block plan, usable addresses, growth).
 */
export const ADDRESS_CHECKS: ReadonlyArray<readonly [string, AddressCheck]> = [
  ['cidr-syntax', cidrSyntax],
  ['cidr-size', cidrSize],
  ['reserved-ranges', reservedRanges],
  ['secondary-cidrs', secondaryCidrs],
  ['subnets-inside-vpc', subnetsInsideVpc],
  ['subnet-overlap', subnetOverlap],
  ['az-coverage', azCoverage],
];

/** Runs every address check on `plan`. */
export function checkAddresses(plan: AddressPlan): SpecIssue[] {
  const ctx = addressContext(plan);
  return ADDRESS_CHECKS.flatMap(([, check]) => check(ctx));
}
