import type { SpecIssue } from './errors.js';
import { cidrsOverlap, parseIpv4Cidr, type Ipv4Cidr } from './ipv4.js';
import type { OutsideRange, OutsideRangeVia } from './spec-types.js';

/**
 * The `traffic-path` a flow log writes for egress to an outside range (AWS, "Flow log records",
 * https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html: 3 through a virtual
 * private gateway, 4 through an intra-region VPC peering connection).
 */
export const TRAFFIC_PATH_BY_VIA: Readonly<Record<OutsideRangeVia, number>> = { vpn: 3, peering: 4 };

/** Traffic paths the network the constructs deploy uses on its own: 1 same VPC, 2 and 7 the S3 gateway endpoint. */
export const OWN_TRAFFIC_PATHS: readonly number[] = [1, 2, 7];

const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

/**
 * Checks the spec's outside ranges: each a CIDR without host bits, named once, overlapping
 * neither the VPC's blocks (AWS routes an address inside the VPC by its local route, so a range
 * that overlaps it cannot be reached; a peering connection between overlapping blocks cannot be
 * created at all — "VPC peering limitations") nor another outside range.
 */
export function outsideRangeIssues(ranges: readonly OutsideRange[], vpcBlocks: readonly string[]): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const error = (path: string, message: string, hint: string) => issues.push({ severity: 'error', code: 'outside-range', path, message, hint });
  const vpc = vpcBlocks.map((text) => parseIpv4Cidr(text)).flatMap((p) => (p.ok ? [p.cidr] : []));
  const seen = new Map<string, number>();
  const parsed: Array<{ readonly index: number; readonly cidr: Ipv4Cidr }> = [];
  ranges.forEach((range, index) => {
    const path = `outsideRanges[${index}]`;
    if (!NAME.test(range.name))
      error(
        `${path}.name`,
        `${JSON.stringify(range.name.slice(0, 64))} is not a range name`,
        'use 1 to 64 letters, digits, spaces, dots, dashes or underscores, e.g. "on-premises"',
      );
    const first = seen.get(range.name);
    if (first !== undefined) error(`${path}.name`, `${range.name} is named twice (also outsideRanges[${first}])`, 'give each outside range its own name');
    else seen.set(range.name, index);
    const parse = parseIpv4Cidr(range.cidr);
    if (!parse.ok) {
      error(
        `${path}.cidr`,
        `${JSON.stringify(range.cidr.slice(0, 64))} is not an IPv4 CIDR${parse.reason === 'host-bits' ? ' (host bits are set)' : ''}`,
        parse.networkText ? `use ${parse.networkText}` : 'write it as a.b.c.d/n, e.g. 192.168.0.0/16',
      );
      return;
    }
    const inside = vpc.find((block) => cidrsOverlap(block, parse.cidr));
    if (inside)
      error(
        `${path}.cidr`,
        `${range.cidr} (${range.name}) overlaps the VPC block ${inside.text}: AWS routes those addresses locally, so the range cannot be reached`,
        'renumber one side, or leave the overlapping part out of the range',
      );
    const other = parsed.find((p) => cidrsOverlap(p.cidr, parse.cidr));
    if (other)
      error(`${path}.cidr`, `${range.cidr} overlaps outsideRanges[${other.index}] (${ranges[other.index]!.cidr})`, 'declare each outside address once');
    parsed.push({ index, cidr: parse.cidr });
  });
  return issues;
}
