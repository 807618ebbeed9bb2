import { awsUsableAddresses } from '../ipv4.js';
import type { SpecIssue } from '../errors.js';
import { issue, type AddressContext } from './address-plan.js';

/** AWS accepts VPC and subnet blocks from /16 (65,536 addresses) to /28 (16 addresses). */
export const AWS_MIN_PREFIX = 16;
export const AWS_MAX_PREFIX = 28;

/** VPC blocks and subnets are /16 to /28 ("VPC CIDR blocks" and "Subnet CIDR blocks", Amazon VPC User Guide). */
export function cidrSize(ctx: AddressContext): SpecIssue[] {
  const items = [...[ctx.vpc, ...ctx.secondary].map((c) => ({ ...c, what: 'VPC' })), ...ctx.subnets.map((c) => ({ ...c, what: 'subnet' }))];
  return items.flatMap(({ path, text, cidr, what }) => {
    if (!cidr || (cidr.prefix >= AWS_MIN_PREFIX && cidr.prefix <= AWS_MAX_PREFIX)) return [];
    return [
      issue(
        'error',
        'cidr-size',
        path,
        `${what} ${text} is a /${cidr.prefix}; AWS accepts /${AWS_MIN_PREFIX} to /${AWS_MAX_PREFIX}`,
        cidr.prefix < AWS_MIN_PREFIX
          ? `use a /${AWS_MIN_PREFIX} or smaller block`
          : `use a /${AWS_MAX_PREFIX} or larger block (a /28 leaves ${awsUsableAddresses(28)} usable addresses)`,
      ),
    ];
  });
}
