import { awsUsable, blockSize, formatCount } from '../block.js';
import type { CheckContext } from '../allocation.js';
import { finding, type Finding } from '../finding.js';

/** The seed writes "254 IPs" for a /24; AWS reserves five addresses per subnet, leaving 251. */
export const SEED_STATED_USABLE_PER_24 = 254;

/** Usable addresses per subnet and tier, after the five AWS reserves in every subnet. */
export function usableAddresses(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  let seedNoted = false;
  for (const tier of ctx.input.tiers) {
    const subnets = ctx.subnets.filter((s) => s.tier === tier.name && s.block);
    if (subnets.length === 0) continue;
    const total = subnets.reduce((sum, s) => sum + awsUsable(s.block!), 0n);
    const each = subnets.map((s) => `${s.block!.text}: ${formatCount(awsUsable(s.block!))} of ${formatCount(blockSize(s.block!))}`).join('; ');
    const has24 = subnets.some((s) => s.block!.family === 4 && s.block!.prefix === 24);
    const seedNote =
      has24 && !seedNoted
        ? ` (the seed states ${SEED_STATED_USABLE_PER_24} per /24; AWS reserves the network address, the VPC router, DNS, one for future use and the broadcast address, so a /24 gives 251)`
        : '';
    seedNoted ||= has24;
    out.push(
      finding(
        'usable-addresses',
        'info',
        'usable-addresses',
        subnets.map((s) => s.block!.text),
        `${tier.name} tier: ${formatCount(total)} usable addresses in ${subnets.length} subnet(s) — ${each}${seedNote}`,
      ),
    );
  }
  return out;
}
