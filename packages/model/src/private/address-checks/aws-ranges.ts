import { ipv4Block, blockContains, blocksOverlap, type CidrBlock } from '../cidr-block.js';

/**
 * The ranges AWS's "VPC CIDR blocks" page (Amazon VPC User Guide,
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html) names.
 */
export const RFC1918_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;
/** Shared address space (RFC 6598): AWS permits it beside any primary block (the common home of EKS pod ranges). */
export const SHARED_ADDRESS_SPACE = '100.64.0.0/10';
/** "Some AWS services use the 172.17.0.0/16 CIDR range. To avoid future conflicts, don't use this range." */
export const AWS_SERVICES_RANGE = '172.17.0.0/16';
/** Link-local: the instance metadata service, Time Sync and the link-local resolver live here; no VPC can hold it. */
export const LINK_LOCAL_RANGE = '169.254.0.0/16';
/** A row of its own in AWS's association-restriction table. */
export const BENCHMARK_RANGE = '198.19.0.0/16';

/** A row of AWS's "IPv4 CIDR block association restrictions" table. */
export type AssociationClass = '10.0.0.0/8' | '172.16.0.0/12' | '192.168.0.0/16' | '198.19.0.0/16' | 'public-or-100.64';

const RFC1918 = RFC1918_BLOCKS.map(ipv4Block);
const BENCHMARK = ipv4Block(BENCHMARK_RANGE);

export function isRfc1918(block: CidrBlock): boolean {
  return RFC1918.some((r) => blockContains(r, block));
}

export function associationClass(block: CidrBlock): AssociationClass {
  const rfc = RFC1918_BLOCKS.find((r) => blockContains(ipv4Block(r), block));
  if (rfc) return rfc;
  if (blocksOverlap(BENCHMARK, block)) return '198.19.0.0/16';
  return 'public-or-100.64';
}

export function inRange(range: string, block: CidrBlock): boolean {
  return blocksOverlap(ipv4Block(range), block);
}
