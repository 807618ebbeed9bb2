import type { SpecIssue, SpecIssueCode } from '../errors.js';
import { parseIpv4Cidr, type CidrParse, type Ipv4Cidr } from '../ipv4.js';

/**
 * What the address checks read: the VPC's blocks and its subnet tiers. The spec validator and the
 * CIDR planner both build one and run the same checks (`ADDRESS_CHECKS`), so `spec validate` and
 * `cidr check` report the same problems with the same paths and words.
 */
export interface AddressTier {
  /** `private`, `database`, `pods`, or a planner tier's name. */
  readonly name: string;
  /** Where the tier's CIDRs are in the spec, e.g. `privateSubnetCidrs`. */
  readonly key: string;
  readonly cidrs: readonly string[];
  /** Subnets of the tier, counting those given by id only. @default cidrs.length */
  readonly size?: number;
  /** A tier that may be empty (the pod subnets of EKS custom networking). @default false */
  readonly optional?: boolean;
}

export interface AddressPlan {
  readonly vpcCidr: string;
  /** @default [] */
  readonly secondaryCidrs?: readonly string[];
  readonly tiers: readonly AddressTier[];
  /** How many AZs the network spans. @default - the size of the largest tier */
  readonly azCount?: number;
  /** The tier that holds RDS (a DB subnet group needs two AZs). @default 'database' */
  readonly databaseTier?: string;
  /** `true` makes a single-AZ database tier an error (the spec's `createDbSubnetGroup`). @default false */
  readonly requireDbSubnetGroup?: boolean;
}

export interface PlacedCidr {
  readonly path: string;
  readonly text: string;
  readonly parse: CidrParse;
  /** The block, when the text parses. */
  readonly cidr: Ipv4Cidr | undefined;
}

export interface PlacedSubnet extends PlacedCidr {
  readonly tier: string;
  readonly index: number;
}

/** What every address check receives: the plan with each CIDR parsed once. */
export interface AddressContext {
  readonly plan: AddressPlan;
  readonly vpc: PlacedCidr;
  readonly secondary: readonly PlacedCidr[];
  readonly subnets: readonly PlacedSubnet[];
  readonly azCount: number;
}

export type AddressCheck = (ctx: AddressContext) => SpecIssue[];

function placed(path: string, text: string): PlacedCidr {
  const parse = parseIpv4Cidr(text);
  return { path, text, parse, cidr: parse.ok ? parse.cidr : undefined };
}

export function tierSize(tier: AddressTier): number {
  return tier.size ?? tier.cidrs.length;
}

export function addressContext(plan: AddressPlan): AddressContext {
  const subnets = plan.tiers.flatMap((tier) => tier.cidrs.map((text, index) => ({ ...placed(`${tier.key}[${index}]`, text), tier: tier.name, index })));
  return {
    plan,
    vpc: placed('vpcCidr', plan.vpcCidr),
    secondary: (plan.secondaryCidrs ?? []).map((text, i) => placed(`secondaryCidrs[${i}]`, text)),
    subnets,
    azCount: plan.azCount ?? Math.max(0, ...plan.tiers.map(tierSize)),
  };
}

/** The VPC's blocks that parse: the primary first, then the secondaries. */
export function vpcBlocks(ctx: AddressContext): PlacedCidr[] {
  return [ctx.vpc, ...ctx.secondary].filter((c) => c.cidr);
}

export function issue(severity: SpecIssue['severity'], code: SpecIssueCode, path: string, message: string, hint: string): SpecIssue {
  return { severity, code, path, message, hint };
}
