import { parseBlock } from '../block.js';
import type { CheckContext } from '../allocation.js';
import { finding, type Finding } from '../finding.js';

/** Every CIDR parses and is a network address (10.0.10.7/24 → use 10.0.10.0/24). */
export function cidrSyntax(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const all = [{ path: 'vpc', text: ctx.input.vpcCidr }, ...ctx.subnets.map((s) => ({ path: s.path, text: s.text }))];
  for (const { path, text } of all) {
    const parsed = parseBlock(text);
    if (parsed.ok) continue;
    if (parsed.reason === 'host-bits') {
      out.push(finding('cidr-syntax', 'error', 'subnet-unaligned', [text], `${path}: ${parsed.message}`, `use ${parsed.suggestion}`));
    } else {
      out.push(finding('cidr-syntax', 'error', 'invalid-cidr', [text], `${path}: ${parsed.message}`, parsed.suggestion ? `use ${parsed.suggestion}` : 'write a block as a.b.c.d/n, e.g. 10.0.10.0/24'));
    }
  }
  return out;
}
