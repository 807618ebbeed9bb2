import type { SpecIssue } from '../errors.js';
import { blockContains } from '../cidr-block.js';
import { issue, vpcBlocks, type AddressContext } from './address-plan.js';

/** Every subnet lies inside one of the VPC's blocks (the primary or a secondary). */
export function subnetsInsideVpc(ctx: AddressContext): SpecIssue[] {
  const blocks = vpcBlocks(ctx);
  if (!ctx.vpc.cidr) return [];
  const named = blocks.map((b) => b.cidr!.text).join(' or ');
  return ctx.subnets
    .filter((s) => s.cidr && !blocks.some((b) => blockContains(b.cidr!, s.cidr!)))
    .map((s) =>
      issue(
        'error',
        'subnet-outside-vpc',
        s.path,
        `${s.cidr!.text} lies outside the VPC CIDR ${named}`,
        blocks.length > 1 ? `choose a block inside ${named}` : `choose a block inside ${named}, or add a secondary block that holds it (secondaryCidrs)`,
      ),
    );
}
