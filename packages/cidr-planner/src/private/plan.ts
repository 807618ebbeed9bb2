import {
  AWS_MAX_PREFIX,
  AWS_MIN_PREFIX,
  AWS_SERVICES_RANGE,
  RFC1918_BLOCKS,
  SHARED_ADDRESS_SPACE,
  associationRestriction,
  checkAddresses,
  type NetworkSpecInput,
} from '@artos/model';
import { awsUsable, block, formatCount, parseBlock, type Block } from './block.js';
import { PlannerError } from './errors.js';
import { freeBlocks, lowestFreeBlock, mergeIntervals, type Interval } from '@artos/model';
import { toRangeIndex, type RangeIndex, type RangeSource } from './range-index.js';
import { corporateOverlapsOf } from './checks/corporate-overlap.js';
import { findingOfIssue, type Finding } from './finding.js';

export interface TierRequest {
  readonly name: string;
  /** Addresses each subnet must offer after AWS's five reserved ones. */
  readonly hosts?: number;
  /** Or the subnet size directly. */
  readonly prefix?: number;
}

export interface PlanRequest {
  /** The VPC block. @default - the lowest free block of `vpcPrefix` in the RFC 1918 ranges */
  readonly vpcCidr?: string;
  /** @default 16 */
  readonly vpcPrefix?: number;
  readonly tiers: readonly TierRequest[];
  /** One subnet per tier in each AZ. */
  readonly azCount: number;
  /** Growth reserve: subnet slots kept free per tier, so a tier can gain AZs. @default 1 */
  readonly reserveAzs?: number;
  /** Ranges the plan must not touch (corporate and peer networks): a list, or a `RangeIndex` built once for many plans. @default [] */
  readonly avoid?: RangeSource;
  /**
   * Plan EKS custom networking too: a secondary VPC block from 100.64.0.0/10 (permitted beside
   * any primary block) and one pod subnet per AZ in it.
   * @default - no pod range
   */
  readonly pods?: PodRangeRequest;
}

export interface PodRangeRequest {
  /** Size of the secondary block. @default 16 */
  readonly prefix?: number;
  /** Size of each pod subnet. @default - the largest that gives every AZ one */
  readonly subnetPrefix?: number;
}

export interface PlannedSubnet {
  readonly tier: string;
  /** AZ position, 0-based; reserve slots continue after the real AZs. */
  readonly az: number;
  readonly cidr: string;
  readonly usable: number;
  readonly reserve: boolean;
}

export interface PlanResult {
  readonly vpcCidr: string;
  readonly subnets: readonly PlannedSubnet[];
  readonly reserved: readonly PlannedSubnet[];
  /** Secondary VPC blocks (the pod range with `pods`). */
  readonly secondaryCidrs: readonly string[];
  /** Pod subnets for EKS custom networking, one per AZ (tier `pods`). */
  readonly podSubnets: readonly PlannedSubnet[];
  /** Free blocks left after subnets and reserves, largest first. */
  readonly free: readonly string[];
  /**
   * What the plan could not avoid: a given VPC CIDR that overlaps ranges to avoid (the subnets are
   * placed around them, but the VPC itself would still clash: `checkAllocation` reports the same).
   */
  readonly findings: readonly Finding[];
}

/** The smallest IPv4 prefix whose AWS-usable addresses reach `hosts`. */
export function prefixForHosts(hosts: number): number {
  let prefix = AWS_MAX_PREFIX;
  while (prefix > 0 && 2 ** (32 - prefix) - 5 < hosts) prefix--;
  return prefix;
}

function tierPrefix(tier: TierRequest, index: number): number {
  const path = `tiers[${index}]`;
  if (tier.prefix !== undefined) {
    if (!Number.isInteger(tier.prefix) || tier.prefix < AWS_MIN_PREFIX || tier.prefix > AWS_MAX_PREFIX) {
      throw new PlannerError(
        'bad-request',
        `tier ${tier.name}: /${tier.prefix} is outside AWS's subnet sizes /16 to /28`,
        'give a prefix from 16 to 28',
        `${path}.prefix`,
      );
    }
    return tier.prefix;
  }
  if (tier.hosts === undefined || !Number.isInteger(tier.hosts) || tier.hosts < 1) {
    throw new PlannerError('bad-request', `tier ${tier.name}: give hosts (a positive whole number) or prefix`, 'e.g. private:500 or database:/24', path);
  }
  const prefix = prefixForHosts(tier.hosts);
  if (prefix < AWS_MIN_PREFIX) {
    throw new PlannerError(
      'bad-request',
      `tier ${tier.name}: ${formatCount(tier.hosts)} hosts need more than a /16 subnet, AWS's largest`,
      'split the tier or lower the host count',
      `${path}.hosts`,
    );
  }
  return prefix;
}

function insertInterval(merged: Interval[], b: Block): Interval[] {
  return mergeIntervals([...merged, { first: b.first, last: b.last }]);
}

/**
 * Where a VPC may be proposed: the RFC 1918 ranges in address order, less 172.17.0.0/16, which
 * "some AWS services use" ("VPC CIDR blocks", Amazon VPC User Guide): never proposed.
 */
function proposableRanges(): Block[] {
  const taken = [block(AWS_SERVICES_RANGE)];
  return RFC1918_BLOCKS.flatMap((range) => freeBlocks(block(range), taken).sort((a, b) => (a.first < b.first ? -1 : 1)));
}

function chooseVpc(request: PlanRequest, avoid: RangeIndex): Block {
  if (request.vpcCidr !== undefined) {
    const parsed = parseBlock(request.vpcCidr);
    if (!parsed.ok)
      throw new PlannerError(
        'bad-request',
        `VPC ${parsed.message}`,
        parsed.suggestion ? `use ${parsed.suggestion}` : 'give a CIDR such as 10.0.0.0/16',
        'vpcCidr',
      );
    return parsed.block;
  }
  const prefix = request.vpcPrefix ?? 16;
  if (prefix < AWS_MIN_PREFIX || prefix > AWS_MAX_PREFIX)
    throw new PlannerError('bad-request', `a /${prefix} VPC is outside AWS's /16 to /28`, 'give a VPC size from /16 to /28', 'vpcPrefix');
  for (const container of proposableRanges()) {
    if (container.prefix > prefix) continue;
    const found = avoid.lowestFree(container, prefix);
    if (found) return found;
  }
  throw new PlannerError(
    'no-space',
    `no free /${prefix} is left in the RFC 1918 ranges around the ranges to avoid`,
    'ask for a smaller VPC or avoid fewer ranges',
  );
}

/**
 * Proposes aligned, non-overlapping subnets: largest first (as Terraform's cidrsubnets and AWS
 * IPAM do), each at the lowest free aligned position, around the ranges to avoid. Deterministic:
 * the same request always gives the same plan.
 */
export function planAllocation(request: PlanRequest): PlanResult {
  if (!Number.isInteger(request.azCount) || request.azCount < 1 || request.azCount > 6) {
    throw new PlannerError('bad-request', `azCount ${request.azCount}: give 1 to 6 availability zones`, 'e.g. --azs 3', 'azCount');
  }
  if (request.tiers.length === 0) throw new PlannerError('bad-request', 'no tiers to plan', 'give at least one tier, e.g. private:/24', 'tiers');
  const reserveAzs = request.reserveAzs ?? 1;
  const avoid = toRangeIndex(request.avoid);
  const vpc = chooseVpc(request, avoid);
  const avoidInVpc = avoid.occupiedWithin(vpc);

  const slots = request.tiers.flatMap((tier, tierIndex) => {
    const prefix = tierPrefix(tier, tierIndex);
    return Array.from({ length: request.azCount + reserveAzs }, (_, az) => ({ tier: tier.name, tierIndex, az, prefix, reserve: az >= request.azCount }));
  });
  slots.sort((a, b) => a.prefix - b.prefix || Number(a.reserve) - Number(b.reserve) || a.tierIndex - b.tierIndex || a.az - b.az);

  let occupied: Interval[] = avoidInVpc;
  const placed: PlannedSubnet[] = [];
  for (const slot of slots) {
    const found = lowestFreeBlock(vpc, slot.prefix, occupied);
    if (!found) {
      throw new PlannerError(
        'no-space',
        `${vpc.text} has no free /${slot.prefix} left for the ${slot.tier} tier${slot.reserve ? "'s growth reserve" : ` in AZ ${slot.az + 1}`}`,
        'use a larger VPC, smaller subnets, fewer AZs or a smaller reserve (--reserve 0)',
      );
    }
    occupied = insertInterval(occupied, found);
    placed.push({ tier: slot.tier, az: slot.az, cidr: found.text, usable: Number(awsUsable(found)), reserve: slot.reserve });
  }
  const podPlan = request.pods ? planPods(vpc, request.pods, request.azCount, avoid) : undefined;
  const byTierAndAz = (a: PlannedSubnet, b: PlannedSubnet) =>
    request.tiers.findIndex((t) => t.name === a.tier) - request.tiers.findIndex((t) => t.name === b.tier) || a.az - b.az;
  const used = placed.map((p) => block(p.cidr));
  return {
    vpcCidr: vpc.text,
    subnets: placed.filter((p) => !p.reserve).sort(byTierAndAz),
    reserved: placed.filter((p) => p.reserve).sort(byTierAndAz),
    secondaryCidrs: podPlan ? [podPlan.secondary.text] : [],
    podSubnets: podPlan?.subnets ?? [],
    free: freeBlocks(vpc, [...used, ...avoidInVpc]).map((b) => b.text),
    findings: [
      ...corporateOverlapsOf('VPC', vpc, avoid, 'give no VPC CIDR and the plan picks one that avoids every range, or give one outside them'),
      // A VPC given by the user in a range AWS advises against (172.17.0.0/16) or refuses: said as `cidr check` says it.
      ...checkAddresses({ vpcCidr: vpc.text, tiers: [] })
        .filter((i) => i.code === 'cidr-reserved' || i.code === 'not-rfc1918')
        .map((i) => findingOfIssue('reserved-ranges', i, [vpc.text])),
    ],
  };
}

/**
 * The pod range of EKS custom networking: the lowest free block of 100.64.0.0/10 around the
 * ranges to avoid, which AWS lets any VPC associate, split into one pod subnet per AZ.
 */
function planPods(vpc: Block, pods: PodRangeRequest, azCount: number, avoid: RangeIndex): { secondary: Block; subnets: PlannedSubnet[] } {
  const prefix = pods.prefix ?? 16;
  if (!Number.isInteger(prefix) || prefix < AWS_MIN_PREFIX || prefix > AWS_MAX_PREFIX) {
    throw new PlannerError(
      'bad-request',
      `a /${prefix} pod range is outside AWS's VPC block sizes /16 to /28`,
      'give a pod range size from /16 to /28, e.g. --pods /16',
      'pods.prefix',
    );
  }
  const secondary = avoid.lowestFree(block(SHARED_ADDRESS_SPACE), prefix);
  if (!secondary)
    throw new PlannerError(
      'no-space',
      `no free /${prefix} is left in ${SHARED_ADDRESS_SPACE} around the ranges to avoid`,
      'ask for a smaller pod range or avoid fewer ranges',
    );
  const refused = associationRestriction(vpc, secondary, [vpc]);
  if (refused) throw new PlannerError('bad-request', `AWS refuses to associate ${secondary.text} with ${vpc.text}: ${refused}`, 'give a VPC in RFC 1918 space');
  const subnetPrefix = pods.subnetPrefix ?? prefix + Math.ceil(Math.log2(azCount));
  if (!Number.isInteger(subnetPrefix) || subnetPrefix < prefix || subnetPrefix > AWS_MAX_PREFIX || 2 ** (subnetPrefix - prefix) < azCount) {
    throw new PlannerError(
      'bad-request',
      `/${subnetPrefix} pod subnets: ${azCount} of them must fit in the /${prefix} pod range and be /28 or larger`,
      `give a pod subnet size from /${prefix + Math.ceil(Math.log2(azCount))} to /28`,
      'pods.subnetPrefix',
    );
  }
  let occupied: Interval[] = [];
  const subnets: PlannedSubnet[] = [];
  for (let az = 0; az < azCount; az++) {
    const found = lowestFreeBlock(secondary, subnetPrefix, occupied)!;
    occupied = insertInterval(occupied, found);
    subnets.push({ tier: 'pods', az, cidr: found.text, usable: Number(awsUsable(found)), reserve: false });
  }
  return { secondary, subnets };
}

/** The spec fields a plan fills in (for tiers named `private` and `database`, and the pod range). */
export function planToSpecFields(
  plan: PlanResult,
): Pick<NetworkSpecInput, 'vpcCidr' | 'privateSubnetCidrs' | 'databaseSubnetCidrs' | 'secondaryCidrs' | 'podSubnetCidrs'> {
  const of = (tier: string) => plan.subnets.filter((s) => s.tier === tier).map((s) => s.cidr);
  return {
    vpcCidr: plan.vpcCidr,
    privateSubnetCidrs: of('private'),
    databaseSubnetCidrs: of('database'),
    ...(plan.secondaryCidrs.length > 0 ? { secondaryCidrs: [...plan.secondaryCidrs] } : {}),
    ...(plan.podSubnets.length > 0 ? { podSubnetCidrs: plan.podSubnets.map((s) => s.cidr) } : {}),
  };
}
