import type { SpecIssue } from '../errors.js';
import { blockContains, blocksOverlap } from '../cidr-block.js';
import { ipv4Block } from '../cidr-block.js';
import { issue, type AddressContext } from './address-plan.js';
import { AWS_SERVICES_RANGE, BENCHMARK_RANGE, LINK_LOCAL_RANGE, RFC1918_BLOCKS, SHARED_ADDRESS_SPACE, isRfc1918 } from './aws-ranges.js';

/**
 * Ranges AWS says a VPC cannot or should not use ("VPC CIDR blocks", Amazon VPC User Guide):
 * 169.254.0.0/16 cannot be assigned (error); 172.17.0.0/16 is used by some AWS services (warning);
 * outside RFC 1918 a block may collide with public addresses (warning) — except 100.64.0.0/10,
 * which AWS permits beside any primary block, and 198.19.0.0/16, a row of AWS's own table.
 */
export function reservedRanges(ctx: AddressContext): SpecIssue[] {
  const out: SpecIssue[] = [];
  for (const { path, cidr } of [ctx.vpc, ...ctx.secondary]) {
    if (!cidr) continue;
    const what = path === 'vpcCidr' ? 'the VPC' : 'the secondary block';
    if (blocksOverlap(ipv4Block(LINK_LOCAL_RANGE), cidr)) {
      out.push(
        issue(
          'error',
          'cidr-reserved',
          path,
          `${what} ${cidr.text} overlaps ${LINK_LOCAL_RANGE}, the link-local range (instance metadata, Time Sync, DNS): AWS cannot assign it to a VPC`,
          'use a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16',
        ),
      );
      continue;
    }
    if (blocksOverlap(ipv4Block(AWS_SERVICES_RANGE), cidr)) {
      out.push(
        issue(
          'warning',
          'cidr-reserved',
          path,
          `${what} ${cidr.text} overlaps ${AWS_SERVICES_RANGE}, which some AWS services use (AWS Cloud9, Amazon SageMaker): AWS advises not to use it for a VPC`,
          'use another block, e.g. 172.18.0.0/16 or a block in 10.0.0.0/8',
        ),
      );
    }
    if (isRfc1918(cidr) || blockContains(ipv4Block(SHARED_ADDRESS_SPACE), cidr) || blockContains(ipv4Block(BENCHMARK_RANGE), cidr)) continue;
    const straddles = RFC1918_BLOCKS.find((r) => blocksOverlap(ipv4Block(r), cidr));
    out.push(
      issue(
        'warning',
        'not-rfc1918',
        path,
        straddles
          ? `${what} ${cidr.text} straddles the private range ${straddles}: part of it is public address space`
          : `${what} ${cidr.text} is outside the RFC 1918 private ranges (${RFC1918_BLOCKS.join(', ')}) and ${SHARED_ADDRESS_SPACE}: it may collide with public addresses the workloads need to reach`,
        `use a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, e.g. 10.0.0.0/${cidr.prefix < 16 ? 16 : cidr.prefix}`,
      ),
    );
  }
  return out;
}
