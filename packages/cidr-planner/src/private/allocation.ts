import { SEED_DEFAULTS, addressContext, type AddressContext, type NetworkSpecInput } from '@artos/model';
import { parseBlock, type Block } from './block.js';
import type { RangeSource } from './range-index.js';

/** One tier of an allocation: its name and its subnets' CIDRs, the n-th in the n-th AZ. */
export interface TierAllocation {
  readonly name: string;
  readonly cidrs: readonly string[];
  /** Where the tier's CIDRs are in a spec, for the paths of findings. @default `${name}SubnetCidrs` */
  readonly key?: string;
  /** Subnets of the tier, counting those given by id only. @default cidrs.length */
  readonly size?: number;
  /** A tier that may be empty (EKS pod subnets). @default false */
  readonly optional?: boolean;
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
  /** The VPC's secondary blocks. @default [] */
  readonly secondaryCidrs?: readonly string[];
  readonly tiers: readonly TierAllocation[];
  /** @default - the number of subnets in the largest tier */
  readonly azCount?: number;
  /** Corporate or peer networks the VPC must not overlap: a list, or a `RangeIndex` built once for many checks. @default [] */
  readonly corporate?: RangeSource;
  /** A declared plan of blocks to check the subnets against. @default - none */
  readonly blockPlan?: readonly PlannedBlock[];
  /** The tier that holds RDS (needs two AZs). @default 'database' */
  readonly databaseTier?: string;
  /** A single-AZ database tier is an error, not a warning (the spec's `createDbSubnetGroup: true`). @default false */
  readonly requireDbSubnetGroup?: boolean;
}

/** The allocation a spec describes, with the seed's defaults where the spec is silent (as `validateSpec` applies them). */
export function allocationFromSpec(spec: Partial<NetworkSpecInput>): AllocationInput {
  const tier = (name: string, key: 'privateSubnetCidrs' | 'databaseSubnetCidrs', ids: readonly string[] | undefined): TierAllocation => {
    const cidrs = spec[key] ?? (ids && ids.length > 0 ? [] : SEED_DEFAULTS[key]);
    return { name, key, cidrs, size: Math.max(cidrs.length, ids?.length ?? 0) };
  };
  const azCount = spec.availabilityZoneCount ?? spec.availabilityZoneIds?.length ?? spec.availabilityZoneNames?.length;
  return {
    vpcCidr: spec.vpcCidr ?? SEED_DEFAULTS.vpcCidr,
    ...(spec.secondaryCidrs ? { secondaryCidrs: spec.secondaryCidrs } : {}),
    tiers: [
      tier('private', 'privateSubnetCidrs', spec.privateSubnetIds),
      tier('database', 'databaseSubnetCidrs', spec.databaseSubnetIds),
      { name: 'pods', key: 'podSubnetCidrs', cidrs: spec.podSubnetCidrs ?? [], optional: true },
    ],
    ...(azCount !== undefined ? { azCount } : {}),
    ...(spec.createDbSubnetGroup === true ? { requireDbSubnetGroup: true } : {}),
  };
}

/** A subnet of the allocation with its parse result. */
export interface AllocatedSubnet {
  readonly tier: string;
  readonly index: number;
  readonly text: string;
  /** Where it is in the spec, e.g. `privateSubnetCidrs[1]`. */
  readonly path: string;
  readonly block: Block | undefined;
}

/** What every check receives: the input with its blocks parsed once. */
export interface CheckContext {
  readonly input: AllocationInput;
  readonly vpc: Block | undefined;
  readonly subnets: readonly AllocatedSubnet[];
  readonly azCount: number;
  /** The same input as the model's address checks read it. */
  readonly address: AddressContext;
}

export function tierKey(tier: TierAllocation): string {
  return tier.key ?? `${tier.name}SubnetCidrs`;
}

export function checkContext(input: AllocationInput): CheckContext {
  const vpcParse = parseBlock(input.vpcCidr);
  const subnets = input.tiers.flatMap((tier) =>
    tier.cidrs.map((text, index) => {
      const parsed = parseBlock(text);
      return { tier: tier.name, index, text, path: `${tierKey(tier)}[${index}]`, block: parsed.ok ? parsed.block : undefined };
    }),
  );
  const address = addressContext({
    vpcCidr: input.vpcCidr,
    secondaryCidrs: input.secondaryCidrs ?? [],
    tiers: input.tiers.map((t) => ({
      name: t.name,
      key: tierKey(t),
      cidrs: t.cidrs,
      ...(t.size !== undefined ? { size: t.size } : {}),
      ...(t.optional ? { optional: true } : {}),
    })),
    ...(input.azCount !== undefined ? { azCount: input.azCount } : {}),
    ...(input.databaseTier !== undefined ? { databaseTier: input.databaseTier } : {}),
    ...(input.requireDbSubnetGroup ? { requireDbSubnetGroup: true } : {}),
  });
  return { input, vpc: vpcParse.ok ? vpcParse.block : undefined, subnets, azCount: address.azCount, address };
}
