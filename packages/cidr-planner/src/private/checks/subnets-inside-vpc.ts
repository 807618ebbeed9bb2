import { contains } from '../block.js';
import type { CheckContext } from '../allocation.js';
import { finding, type Finding } from '../finding.js';

/** Every subnet lies inside the VPC. */
export function subnetsInsideVpc(ctx: CheckContext): Finding[] {
  const vpc = ctx.vpc;
  if (!vpc) return [];
  return ctx.subnets
    .filter((s) => s.block && !contains(vpc, s.block))
    .map((s) => finding('subnets-inside-vpc', 'error', 'subnet-outside-vpc', [s.block!.text, vpc.text], `${s.path} ${s.block!.text} lies outside the VPC ${vpc.text}`, `choose a block inside ${vpc.text}`));
}
