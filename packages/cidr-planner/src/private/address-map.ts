import { awsUsable, blockSize, contains, formatCount, type Block } from './block.js';
import { checkContext, type AllocationInput } from './allocation.js';
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

/** The map as a text tree like the seed's, with sizes and a usage bar per block. */
export function renderAddressMapText(input: AllocationInput, options: { width?: number } = {}): string {
  const root = addressMap(input);
  const barWidth = 20;
  const lines: string[] = [`VPC ${root.cidr}  ${formatCount(root.size)} addresses  ${bar(root.used, barWidth)} ${percent(root.used)} in subnets`];
  const walk = (nodes: readonly MapNode[], indent: string) => {
    nodes.forEach((node, i) => {
      const last = i === nodes.length - 1;
      const branch = `${indent}${last ? '└── ' : '├── '}`;
      const size = node.children.length === 0 || node.cidr ? `${formatCount(node.size)} addresses` : `${formatCount(node.size)} addresses`;
      const usable = node.tier && node.children.length === 0 ? ` (${formatCount(node.usable)} usable)` : '';
      const usage = node.cidr && node.children.length > 0 ? `  ${bar(node.used, barWidth)} ${percent(node.used)} in subnets` : '';
      lines.push(`${branch}${node.cidr ? `${node.label}: ${node.cidr}` : node.label}  ${size}${usable}${usage}`);
      walk(node.children, `${indent}${last ? '    ' : '│   '}`);
    });
  };
  walk(root.children, '');
  const ctx = checkContext(input);
  const free = freeBlocks(ctx.vpc!, ctx.subnets.flatMap((s) => (s.block ? [s.block] : [])));
  lines.push(`free: ${free.slice(0, 5).map((b) => b.text).join(', ')}${free.length > 5 ? `, … (${free.length} blocks)` : ''}`);
  lines.push(layoutStrip(input, options.width ?? 64));
  return `${lines.join('\n')}\n`;
}

/** One character per slice of the VPC: the first letter of the tier there, `.` where free. */
export function layoutStrip(input: AllocationInput, width = 64): string {
  const ctx = checkContext(input);
  const vpc = ctx.vpc!;
  const slice = blockSize(vpc) / BigInt(width);
  let strip = '';
  for (let i = 0; i < width; i++) {
    const first = vpc.first + slice * BigInt(i);
    const last = first + slice - 1n;
    const hit = ctx.subnets.find((s) => s.block && s.block.first <= last && first <= s.block.last);
    strip += hit ? hit.tier[0]! : '.';
  }
  const legend = ctx.input.tiers.map((t) => `${t.name[0]} ${t.name}`).join(', ');
  return `layout |${strip}|  one character = ${formatCount(slice)} addresses; ${legend}, . free`;
}
