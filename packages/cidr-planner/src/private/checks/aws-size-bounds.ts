import type { CheckContext } from '../allocation.js';
import { finding, type Finding } from '../finding.js';
import { AWS_MAX_PREFIX, AWS_MIN_PREFIX } from '@artos/model';

/** IPv4 VPCs and subnets: /16 to /28. IPv6: VPC /44 to /60 and subnet /44 to /64, in steps of 4. */
export function awsSizeBounds(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const items = [...(ctx.vpc ? [{ what: 'VPC', block: ctx.vpc, isVpc: true }] : []), ...ctx.subnets.flatMap((s) => (s.block ? [{ what: `subnet ${s.path}`, block: s.block, isVpc: false }] : []))];
  for (const { what, block, isVpc } of items) {
    if (block.family === 4) {
      if (block.prefix < AWS_MIN_PREFIX || block.prefix > AWS_MAX_PREFIX) {
        out.push(finding('aws-size-bounds', 'error', isVpc ? 'vpc-size' : 'subnet-size', [block.text], `${what} ${block.text} is a /${block.prefix}; AWS accepts /16 to /28`, block.prefix < AWS_MIN_PREFIX ? 'use a /16 or smaller block' : 'use a /28 or larger block'));
      }
    } else {
      const max = isVpc ? 60 : 64;
      if (block.prefix < 44 || block.prefix > max || block.prefix % 4 !== 0) {
        out.push(finding('aws-size-bounds', 'error', isVpc ? 'vpc-size' : 'subnet-size', [block.text], `${what} ${block.text} is a /${block.prefix}; AWS accepts IPv6 /44 to /${max} in steps of 4`, `use a /${isVpc ? 56 : 64}`));
      }
    }
  }
  return out;
}
