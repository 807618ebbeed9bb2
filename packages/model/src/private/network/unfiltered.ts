import { formatIpv4, parseIpv4 } from '../ipv4.js';
import type { ModelIndex } from './model-index.js';

/**
 * Destinations whose traffic security groups and network ACLs never filter.
 * AWS, "Amazon DNS server" (VPC User Guide): the resolver at the VPC's base + 2 and 169.254.169.253;
 * "Network ACLs" / "Security group rules": traffic to and from the Amazon DNS server, the instance
 * metadata service (169.254.169.254), Amazon Time Sync (169.254.169.123) is not filtered.
 */
const LINK_LOCAL: ReadonlyMap<number, string> = new Map([
  [parseIpv4('169.254.169.254')!, 'the instance metadata service (IMDS)'],
  [parseIpv4('169.254.169.123')!, 'the Amazon Time Sync Service'],
  [parseIpv4('169.254.169.253')!, 'the Route 53 Resolver (link-local address)'],
]);

/** What AWS service an unfiltered destination is, or undefined. */
export function unfilteredService(index: ModelIndex, address: number | undefined): string | undefined {
  if (address === undefined) return undefined;
  const linkLocal = LINK_LOCAL.get(address);
  if (linkLocal) return linkLocal;
  const primary = index.vpcBlocks[0];
  if (primary && address === primary.base + 2) return `the Route 53 Resolver at the VPC base + 2 (${formatIpv4(address)})`;
  return undefined;
}
