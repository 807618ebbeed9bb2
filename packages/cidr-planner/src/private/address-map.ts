import { awsUsable, blockSize, contains, formatCount, parseBlock, type Block } from './block.js';
import { checkContext, type AllocationInput, type CheckContext } from './allocation.js';
import { FREE_GLYPH, MIXED_GLYPH, legendLines, tierMarks } from './map-legend.js';
import { freeBlocks, mergeIntervals } from '@artos/model';

/** One node of the address map: a block, its share in use, and what lies inside it. */
export interface MapNode {
  readonly label: string;
  readonly cidr: string | undefined;
  readonly size: bigint;
  readonly usable: bigint;
  /** Share of the block taken by subnets, 0 to 1. */
  readonly used: number;
  readonly tier: string | undefined;
  readonly children: readonly MapNode[];
}

function usedShare(container: Block, inner: readonly Block[]): number {
  const inside = inner.filter((b) => contains(container, b));
  const total = mergeIntervals(inside).reduce((s, r) => s + (r.last - r.first + 1n), 0n);
  return Number((total * 10000n) / blockSize(container)) / 10000;
}

function subnetNode(tier: string, az: number, b: Block): MapNode {
  return { label: `AZ${az + 1}`, cidr: b.text, size: blockSize(b), usable: awsUsable(b), used: 1, tier, children: [] };
}

/** The VPC as a tree: by declared plan blocks when given (as in the seed), else by tier. */
export function addressMap(input: AllocationInput): MapNode {
  const ctx = checkContext(input);
  if (!ctx.vpc) throw new TypeError(`not a CIDR block: ${input.vpcCidr}`);
  const vpc = ctx.vpc;
  const subnets = ctx.subnets.filter((s) => s.block);
  const blocks = subnets.map((s) => s.block!);
  const tierNode = (tier: string, within?: Block): MapNode | undefined => {
    const members = subnets.filter((s) => s.tier === tier && (!within || contains(within, s.block!)));
    if (members.length === 0) return undefined;
    const size = members.reduce((sum, s) => sum + blockSize(s.block!), 0n);
    return {
      label: `${tier} (${members.length} subnet${members.length === 1 ? '' : 's'})`,
      cidr: undefined,
      size,
      usable: members.reduce((sum, s) => sum + awsUsable(s.block!), 0n),
      used: 1,
      tier,
      children: members.map((s) => subnetNode(tier, s.index, s.block!)),
    };
  };
  let children: MapNode[];
  if (input.blockPlan && input.blockPlan.length > 0) {
    const planBlocks = input.blockPlan.flatMap((p) => {
      const c = checkContext({ vpcCidr: p.cidr, tiers: [] }).vpc;
      return c ? [{ plan: p, block: c }] : [];
    });
    children = planBlocks.map(({ plan, block }) => ({
      label: plan.name,
      cidr: block.text,
      size: blockSize(block),
      usable: awsUsable(block),
      used: usedShare(block, blocks),
      tier: plan.tier,
      children: input.tiers.flatMap((t) => tierNode(t.name, block) ?? []),
    }));
    const outside = subnets.filter((s) => !planBlocks.some((p) => contains(p.block, s.block!)));
    if (outside.length > 0) {
      children.push({
        label: 'outside every plan block',
        cidr: undefined,
        size: outside.reduce((sum, s) => sum + blockSize(s.block!), 0n),
        usable: outside.reduce((sum, s) => sum + awsUsable(s.block!), 0n),
        used: 1,
        tier: undefined,
        children: outside.map((s) => ({ ...subnetNode(s.tier, s.index, s.block!), label: `${s.tier} AZ${s.index + 1}` })),
      });
    }
  } else {
    children = input.tiers.flatMap((t) => tierNode(t.name) ?? []);
  }
  return { label: 'VPC', cidr: vpc.text, size: blockSize(vpc), usable: blockSize(vpc), used: usedShare(vpc, blocks), tier: undefined, children };
}

function bar(share: number, width: number): string {
  const filled = Math.min(width, Math.round(share * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 1)}%`;
}

/** The map as a text tree like the seed's, with sizes, a usage bar per block, and a layout strip per VPC block. */
export function renderAddressMapText(input: AllocationInput, options: { width?: number } = {}): string {
  const root = addressMap(input);
  const barWidth = 20;
  const lines: string[] = [`VPC ${root.cidr}  ${formatCount(root.size)} addresses  ${bar(root.used, barWidth)} ${percent(root.used)} in subnets`];
  const walk = (nodes: readonly MapNode[], indent: string) => {
    nodes.forEach((node, i) => {
      const last = i === nodes.length - 1;
      const branch = `${indent}${last ? '└── ' : '├── '}`;
      const size = `${formatCount(node.size)} addresses`;
      const usable = node.tier && node.children.length === 0 ? ` (${formatCount(node.usable)} usable)` : '';
      const usage = node.cidr && node.children.length > 0 ? `  ${bar(node.used, barWidth)} ${percent(node.used)} in subnets` : '';
      lines.push(`${branch}${node.cidr ? `${node.label}: ${node.cidr}` : node.label}  ${size}${usable}${usage}`);
      walk(node.children, `${indent}${last ? '    ' : '│   '}`);
    });
  };
  walk(root.children, '');
  const ctx = checkContext(input);
  const free = freeBlocks(
    ctx.vpc!,
    ctx.subnets.flatMap((s) => (s.block ? [s.block] : [])),
  );
  lines.push(
    `free: ${free
      .slice(0, 5)
      .map((b) => b.text)
      .join(', ')}${free.length > 5 ? `, … (${free.length} blocks)` : ''}`,
  );
  lines.push(...layoutStrips(input, options.width ?? 64));
  return `${lines.join('\n')}\n`;
}

/** The VPC's blocks the maps draw: the primary, then each secondary block that parses. */
export function drawnBlocks(ctx: CheckContext): Block[] {
  const secondary = (ctx.input.secondaryCidrs ?? []).flatMap((text) => {
    const parsed = parseBlock(text);
    return parsed.ok && parsed.block.family === ctx.vpc!.family ? [parsed.block] : [];
  });
  return [ctx.vpc!, ...secondary];
}

/** One character per slice of a block: the tier's glyph there, `*` where tiers share it, `.` where free. */
function strip(
  block: Block,
  subnets: CheckContext['subnets'],
  glyphOf: ReadonlyMap<string, string>,
  width: number,
): { text: string; slice: bigint; exact: boolean } {
  const size = blockSize(block);
  const chars = Number(size < BigInt(width) ? size : BigInt(width));
  const inside = subnets.filter((s) => s.block && s.block.family === block.family && s.block.first <= block.last && block.first <= s.block.last);
  let text = '';
  for (let i = 0; i < chars; i++) {
    const first = block.first + (size * BigInt(i)) / BigInt(chars);
    const last = block.first + (size * BigInt(i + 1)) / BigInt(chars) - 1n;
    const tiers = new Set(inside.filter((s) => s.block!.first <= last && first <= s.block!.last).map((s) => s.tier));
    text += tiers.size === 0 ? FREE_GLYPH : tiers.size > 1 ? MIXED_GLYPH : glyphOf.get([...tiers][0]!)!;
  }
  return { text, slice: size / BigInt(chars), exact: size % BigInt(chars) === 0n };
}

/**
 * A strip per VPC block (the primary, then the secondaries that hold e.g. pod subnets) and a legend
 * listing exactly the characters drawn, one per line: a glyph is never listed for a tier that is
 * not on the map, and two tiers never share one.
 */
export function layoutStrips(input: AllocationInput, width = 64): string[] {
  const ctx = checkContext(input);
  const marks = tierMarks(input.tiers.map((t) => t.name));
  const glyphOf = new Map(marks.map((m) => [m.tier, m.glyph]));
  const lines: string[] = [];
  let drawn = '';
  drawnBlocks(ctx).forEach((block, i) => {
    const s = strip(block, ctx.subnets, glyphOf, width);
    drawn += s.text;
    lines.push(`layout of ${i === 0 ? 'the VPC' : 'secondary block'} ${block.text}, one character = ${s.exact ? '' : '≈ '}${formatCount(s.slice)} addresses:`);
    lines.push(`  |${s.text}|`);
  });
  const entries: [string, string][] = marks.filter((m) => drawn.includes(m.glyph)).map((m) => [m.glyph, `${m.tier} subnets`]);
  if (drawn.includes(MIXED_GLYPH)) entries.push([MIXED_GLYPH, 'subnets of more than one tier']);
  if (drawn.includes(FREE_GLYPH)) entries.push([FREE_GLYPH, 'free']);
  lines.push('legend:', ...legendLines(entries));
  return lines;
}
