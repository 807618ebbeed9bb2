import type { SpecIssue } from '../errors.js';
import { blockContains, blocksOverlap, ipv4Block, type CidrBlock } from '../cidr-block.js';
import { issue, type AddressContext } from './address-plan.js';
import { LINK_LOCAL_RANGE, associationClass, inRange, isRfc1918 } from './aws-ranges.js';

/** A VPC holds its primary block and, by default quota, up to four secondary IPv4 blocks. */
export const DEFAULT_SECONDARY_CIDR_QUOTA = 4;

/**
 * Why AWS refuses to associate `candidate` with a VPC whose primary block is `primary` and that
 * already holds `associated`, or undefined when it is permitted. AWS's table "IPv4 CIDR block
 * association restrictions" ("VPC CIDR blocks", Amazon VPC User Guide,
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html), row by row:
 *
 * | primary in          | restricted                                                        |
 * | 10.0.0.0/8          | other RFC 1918 ranges; 198.19.0.0/16; 10.0.0.0/16 when any block is in 10.0.0.0/15 |
 * | 169.254.0.0/16      | link-local (RFC 5735): cannot be assigned to a VPC at all, primary or secondary |
 * | 172.16.0.0/12       | other RFC 1918 ranges; 172.31.0.0/16; 198.19.0.0/16                |
 * | 192.168.0.0/16      | other RFC 1918 ranges; 198.19.0.0/16                               |
 * | 198.19.0.0/16       | RFC 1918 ranges                                                    |
 * | public or 100.64/10 | RFC 1918 ranges; 198.19.0.0/16                                     |
 *
 * Permitted everywhere: publicly routable blocks and 100.64.0.0/10.
 */
export function associationRestriction(primary: CidrBlock, candidate: CidrBlock, associated: readonly CidrBlock[]): string | undefined {
  // The table's 169.254.0.0/16 row: no VPC block may come from the link-local range, whatever the primary.
  if (inRange(LINK_LOCAL_RANGE, candidate)) return `${LINK_LOCAL_RANGE} is link-local (RFC 5735): AWS cannot assign it to a VPC`;
  if (inRange(LINK_LOCAL_RANGE, primary)) return `the primary block is in ${LINK_LOCAL_RANGE}, which AWS cannot assign to a VPC`;
  const row = associationClass(primary);
  const kind = associationClass(candidate);
  const rfc = isRfc1918(candidate) || (['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const).some((r) => inRange(r, candidate));
  if (row === '198.19.0.0/16') return rfc ? `a VPC whose primary block is in 198.19.0.0/16 cannot add RFC 1918 blocks` : undefined;
  if (kind === '198.19.0.0/16')
    return `a VPC whose primary block is in ${row === 'public-or-100.64' ? 'public or 100.64.0.0/10 space' : row} cannot add a block from 198.19.0.0/16`;
  if (row === 'public-or-100.64') return rfc ? 'a VPC whose primary block is public or in 100.64.0.0/10 cannot add RFC 1918 blocks' : undefined;
  if (rfc && kind !== row) return `a VPC whose primary block is in ${row} cannot add a block from another RFC 1918 range (${kind})`;
  if (row === '10.0.0.0/8' && blockContains(ipv4Block('10.0.0.0/16'), candidate) && associated.some((b) => blocksOverlap(ipv4Block('10.0.0.0/15'), b))) {
    return 'a block from 10.0.0.0/16 cannot be added while any block of the VPC is in 10.0.0.0/15';
  }
  if (row === '172.16.0.0/12' && inRange('172.31.0.0/16', candidate))
    return 'a VPC whose primary block is in 172.16.0.0/12 cannot add a block from 172.31.0.0/16';
  return undefined;
}

/** Secondary blocks: disjoint from the VPC's other blocks and allowed by AWS's association table. */
export function secondaryCidrs(ctx: AddressContext): SpecIssue[] {
  const out: SpecIssue[] = [];
  const primary = ctx.vpc.cidr;
  if (ctx.secondary.length > DEFAULT_SECONDARY_CIDR_QUOTA) {
    out.push(
      issue(
        'warning',
        'secondary-cidr',
        'secondaryCidrs',
        `${ctx.secondary.length} secondary blocks; AWS's default quota is ${DEFAULT_SECONDARY_CIDR_QUOTA} besides the primary`,
        'request a quota increase ("IPv4 CIDR blocks per VPC") or use fewer, larger blocks',
      ),
    );
  }
  ctx.secondary.forEach((s, i) => {
    if (!s.cidr || !primary) return;
    // A link-local block is the reserved-ranges check's error (cidr-reserved): said once, there.
    if (inRange(LINK_LOCAL_RANGE, s.cidr) || inRange(LINK_LOCAL_RANGE, primary)) return;
    const others = [ctx.vpc, ...ctx.secondary.filter((_, j) => j !== i)].filter((o) => o.cidr);
    const clash = others.find((o) => blocksOverlap(o.cidr!, s.cidr!));
    if (clash) {
      out.push(
        issue(
          'error',
          'secondary-cidr',
          s.path,
          `${s.cidr.text} overlaps ${clash.cidr!.text} (${clash.path}): a VPC's blocks must be disjoint`,
          "choose a block outside the VPC's other blocks, e.g. in 100.64.0.0/10",
        ),
      );
      return;
    }
    // Blocks are associated in order: each secondary is checked against the primary and those before it.
    const before = [primary, ...ctx.secondary.slice(0, i).flatMap((o) => (o.cidr ? [o.cidr] : []))];
    const why = associationRestriction(primary, s.cidr, before);
    if (why)
      out.push(
        issue(
          'error',
          'secondary-cidr',
          s.path,
          `AWS refuses to associate ${s.cidr.text} with a VPC whose primary block is ${primary.text}: ${why}`,
          "use a block from 100.64.0.0/10 (permitted beside any primary block) or from the primary block's own range",
        ),
      );
  });
  return out;
}
