import { SEED_DEFAULTS, type NetworkSpecInput } from '@artos/model';
import { parseBlock, type Block } from './block.js';
import type { RangeSource } from './range-index.js';

/** One tier of an allocation: its name and its subnets' CIDRs, the n-th in the n-th AZ. */
export interface TierAllocation {
  readonly name: string;
  readonly cidrs: readonly string[];
}

/** A named block of a declared address plan, like the seed's "Example Allocation" tree. */
export interface PlannedBlock {
  readonly name: string;
  readonly cidr: string;
  /** The tier whose subnets must lie inside this block, if any. */
  readonly tier?: string;
}

/** What the planner checks: the VPC, its tiers, and what it must not collide with. */
export interface AllocationInput {
  readonly vpcCidr: string;
  readonly tiers: readonly TierAllocation[];
  /** @default - the number of subnets in the largest tier */
  readonly azCount?: number;
  /** Corporate or peer networks the VPC must not overlap: a list, or a `RangeIndex` built once for many checks. @default [] */
  readonly corporate?: RangeSource;
  /** A declared plan of blocks to check the subnets against. @default - none */
  readonly blockPlan?: readonly PlannedBlock[];
  /** The tier that holds RDS (needs two AZs). @default 'database' */
  readonly databaseTier?: string;
}

/** The allocation a spec describes, with the seed's defaults where the spec is silent. */
export function allocationFromSpec(spec: Partial<NetworkSpecInput>): AllocationInput {
  // A tier given only by existing subnet ids has no CIDRs to check; it is left out, not "empty".
  const fromIds = (cidrs: readonly string[] | undefined, ids: readonly string[] | undefined, fallback: readonly string[]) =>
    cidrs ?? (ids && ids.length > 0 ? [] : fallback);
  return {
    vpcCidr: spec.vpcCidr ?? SEED_DEFAULTS.vpcCidr,
    tiers: [
      { name: 'private', cidrs: fromIds(spec.privateSubnetCidrs, spec.privateSubnetIds, SEED_DEFAULTS.privateSubnetCidrs), byIds: (spec.privateSubnetIds?.length ?? 0) > 0 },
      { name: 'database', cidrs: fromIds(spec.databaseSubnetCidrs, spec.databaseSubnetIds, SEED_DEFAULTS.databaseSubnetCidrs), byIds: (spec.databaseSubnetIds?.length ?? 0) > 0 },
    ]
      .filter((t) => !(t.byIds && t.cidrs.length === 0))
      .map(({ name, cidrs }) => ({ name, cidrs })),
    ...(spec.availabilityZoneCount !== undefined ? { azCount: spec.availabilityZoneCount } : {}),
  };
}

/** A subnet of the allocation with its parse result. */
export interface AllocatedSubnet {
  readonly tier: string;
  readonly index: number;
  readonly text: string;
  /** Where it is in the input, e.g. `private[1]`. */
  readonly path: string;
  readonly block: Block | undefined;
}

/** What every check receives: the input with its blocks parsed once. */
export interface CheckContext {
  readonly input: AllocationInput;
  readonly vpc: Block | undefined;
  readonly subnets: readonly AllocatedSubnet[];
  readonly azCount: number;
}

export function checkContext(input: AllocationInput): CheckContext {
  const vpcParse = parseBlock(input.vpcCidr);
  const subnets = input.tiers.flatMap((tier) =>
    tier.cidrs.map((text, index) => {
      const parsed = parseBlock(text);
      return { tier: tier.name, index, text, path: `${tier.name}[${index}]`, block: parsed.ok ? parsed.block : undefined };
    }),
  );
  const largest = Math.max(0, ...input.tiers.map((t) => t.cidrs.length));
  return { input, vpc: vpcParse.ok ? vpcParse.block : undefined, subnets, azCount: input.azCount ?? largest };
}
