import { checkContext, type AllocationInput } from './allocation.js';
import { drawnBlocks } from './address-map.js';
import { blockSize, formatCount } from './block.js';
import { tierMarks } from './map-legend.js';

const FREE_FILL = '#edf2f7';
const PLAN_STROKE = '#4a5568';
const STRIP_HEIGHT = 40;
const LEGEND_ROW = 18;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * The VPC's address space as SVG: a strip per VPC block (the primary, then the secondaries), one
 * rectangle per subnet coloured by tier, plan blocks outlined above the primary. The legend lists
 * what was drawn — each tier that has a subnet on the map, free space, plan blocks — one entry per
 * row, swatches in one column and names in the next.
 */
export function renderAddressMapSvg(input: AllocationInput, width = 960): string {
  const ctx = checkContext(input);
  if (!ctx.vpc) throw new TypeError(`not a CIDR block: ${input.vpcCidr}`);
  const left = 10;
  const inner = width - 2 * left;
  const parts: string[] = [];
  const marks = tierMarks(input.tiers.map((t) => t.name));
  const colourOf = new Map(marks.map((m) => [m.tier, m.colour]));
  const drawnTiers = new Set<string>();
  let planDrawn = false;
  let y = 18;
  drawnBlocks(ctx).forEach((block, i) => {
    const size = Number(blockSize(block));
    const x = (address: bigint) => left + (Number(address - block.first) / size) * inner;
    const w = (first: bigint, last: bigint) => Math.max(1, (Number(last - first + 1n) / size) * inner);
    parts.push(
      `<text x="${left}" y="${y}" font-size="14">${i === 0 ? 'VPC' : 'secondary block'} ${escapeXml(block.text)} (${formatCount(size)} addresses)</text>`,
    );
    y += 12;
    if (i === 0) {
      const plans = (input.blockPlan ?? []).flatMap((plan) => {
        const b = checkContext({ vpcCidr: plan.cidr, tiers: [] }).vpc;
        return b && b.family === block.family && b.first >= block.first && b.last <= block.last ? [{ plan, b }] : [];
      });
      for (const { plan, b } of plans) {
        parts.push(
          `<rect x="${x(b.first).toFixed(2)}" y="${y}" width="${w(b.first, b.last).toFixed(2)}" height="16" fill="none" stroke="${PLAN_STROKE}" stroke-dasharray="3 2"><title>${escapeXml(`${plan.name} ${b.text}`)}</title></rect>`,
        );
      }
      if (plans.length > 0) {
        planDrawn = true;
        y += 22;
      }
    }
    parts.push(`<rect x="${left}" y="${y}" width="${inner}" height="${STRIP_HEIGHT}" fill="${FREE_FILL}" stroke="#a0aec0"/>`);
    for (const s of ctx.subnets) {
      if (!s.block || s.block.family !== block.family || s.block.first < block.first || s.block.last > block.last) continue;
      drawnTiers.add(s.tier);
      parts.push(
        `<rect x="${x(s.block.first).toFixed(2)}" y="${y}" width="${w(s.block.first, s.block.last).toFixed(2)}" height="${STRIP_HEIGHT}" fill="${colourOf.get(s.tier)}"><title>${escapeXml(`${s.tier} AZ${s.index + 1} ${s.block.text}`)}</title></rect>`,
      );
    }
    y += STRIP_HEIGHT + 24;
  });
  const legend: { swatch: (top: number) => string; label: string }[] = [
    ...marks
      .filter((m) => drawnTiers.has(m.tier))
      .map((m) => ({ swatch: (top: number) => `<rect x="${left}" y="${top}" width="12" height="12" fill="${m.colour}"/>`, label: `${m.tier} subnets` })),
    { swatch: (top: number) => `<rect x="${left}" y="${top}" width="12" height="12" fill="${FREE_FILL}" stroke="#a0aec0"/>`, label: 'free' },
    ...(planDrawn
      ? [
          {
            swatch: (top: number) => `<rect x="${left}" y="${top}" width="12" height="12" fill="none" stroke="${PLAN_STROKE}" stroke-dasharray="3 2"/>`,
            label: 'plan block',
          },
        ]
      : []),
  ];
  parts.push(`<g class="legend">`);
  for (const entry of legend) {
    parts.push(`${entry.swatch(y)}<text x="${left + 20}" y="${y + 11}" font-size="12">${escapeXml(entry.label)}</text>`);
    y += LEGEND_ROW;
  }
  parts.push(`</g>`);
  const height = y + 4;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">\n${parts.join('\n')}\n</svg>\n`;
}
