import { issue, type AddressContext } from './address-plan.js';
import type { SpecIssue } from '../errors.js';

/** Every CIDR parses and is the network address of its block (10.0.10.7/24 → use 10.0.10.0/24). */
export function cidrSyntax(ctx: AddressContext): SpecIssue[] {
  return [ctx.vpc, ...ctx.secondary, ...ctx.subnets].flatMap(({ path, text, parse }) => {
    if (parse.ok) return [];
    if (parse.reason === 'host-bits') {
      return [
        issue('error', 'cidr-host-bits', path, `${text} is not a network address: host bits are set for a /${text.split('/')[1]}`, `use ${parse.networkText}`),
      ];
    }
    return [issue('error', 'invalid-cidr', path, `${JSON.stringify(text)} is not an IPv4 CIDR`, 'write it as a.b.c.d/n, e.g. 10.0.10.0/24')];
  });
}
