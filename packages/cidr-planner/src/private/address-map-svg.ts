import { checkContext, type AllocationInput } from './allocation.js';
import { blockSize, formatCount } from './block.js';

const COLOURS = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1', '#b83280', '#718096'];

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The VPC's address space as an SVG strip: one rectangle per subnet, plan blocks outlined above. */
export function renderAddressMapSvg(input: AllocationInput, width = 960): string {
  const ctx = checkContext(input);
  if (!ctx.vpc) throw new TypeError(`not a CIDR block: ${input.vpcCidr}`);
  const vpc = ctx.vpc;
  const size = Number(blockSize(vpc));
  const left = 10;
  const inner = width - 2 * left;
  const x = (address: bigint) => left + (Number(address - vpc.first) / size) * inner;
  const w = (first: bigint, last: bigint) => Math.max(1, (Number(last - first + 1n) / size) * inner);
  const parts: string[] = [];
  const tierColour = new Map(input.tiers.map((t, i) => [t.name, COLOURS[i % COLOURS.length]!]));
  parts.push(`<text x="${left}" y="18" font-size="14">VPC ${escapeXml(vpc.text)} (${formatCount(size)} addresses)</text>`);
  let planY = 30;
  for (const plan of input.blockPlan ?? []) {
    const b = checkContext({ vpcCidr: plan.cidr, tiers: [] }).vpc;
    if (!b || b.first < vpc.first || b.last > vpc.last) continue;
    parts.push(`<rect x="${x(b.first).toFixed(2)}" y="${planY}" width="${w(b.first, b.last).toFixed(2)}" height="16" fill="none" stroke="#4a5568" stroke-dasharray="3 2"><title>${escapeXml(`${plan.name} ${b.text}`)}</title></rect>`);
  }
  if (input.blockPlan?.length) planY += 22;
  parts.push(`<rect x="${left}" y="${planY}" width="${inner}" height="40" fill="#edf2f7" stroke="#a0aec0"/>`);
  for (const s of ctx.subnets) {
    if (!s.block || s.block.first < vpc.first || s.block.last > vpc.last) continue;
    parts.push(`<rect x="${x(s.block.first).toFixed(2)}" y="${planY}" width="${w(s.block.first, s.block.last).toFixed(2)}" height="40" fill="${tierColour.get(s.tier)}"><title>${escapeXml(`${s.tier} AZ${s.index + 1} ${s.block.text}`)}</title></rect>`);
  }
  let legendX = left;
  const legendY = planY + 60;
  for (const [tier, colour] of tierColour) {
    parts.push(`<rect x="${legendX}" y="${legendY - 10}" width="10" height="10" fill="${colour}"/><text x="${legendX + 14}" y="${legendY}" font-size="12">${escapeXml(tier)}</text>`);
    legendX += 24 + tier.length * 8;
  }
  const height = legendY + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">\n${parts.join('\n')}\n</svg>\n`;
}
