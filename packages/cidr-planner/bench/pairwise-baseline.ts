// The benchmark's baseline: the same answers as the planner, by comparing every pair. It works on
// the same parsed input as the planner, copied into Float64Arrays in file order, so the figures
// compare algorithms, not number representations (bigint comparisons are ~50x slower).
import { RFC1918_BLOCKS } from '../src/index.js';
import { block, blockAt, type Block } from '../src/private/block.js';

export interface RangeColumns {
  readonly firsts: Float64Array;
  readonly lasts: Float64Array;
}

export function columns(blocks: readonly Block[]): RangeColumns {
  const firsts = new Float64Array(blocks.length);
  const lasts = new Float64Array(blocks.length);
  blocks.forEach((b, i) => {
    firsts[i] = Number(b.first);
    lasts[i] = Number(b.last);
  });
  return { firsts, lasts };
}

/** Every (item, range) pair that overlaps, as `item index → range indexes`. */
export function pairwiseOverlaps(items: readonly Block[], ranges: RangeColumns): number[][] {
  return items.map((item) => {
    const first = Number(item.first);
    const last = Number(item.last);
    const hits: number[] = [];
    for (let i = 0; i < ranges.firsts.length; i++) if (ranges.firsts[i]! <= last && first <= ranges.lasts[i]!) hits.push(i);
    return hits;
  });
}

function hitsAny(first: number, last: number, ranges: RangeColumns, placed: readonly Block[]): boolean {
  for (let i = 0; i < ranges.firsts.length; i++) if (ranges.firsts[i]! <= last && first <= ranges.lasts[i]!) return true;
  return placed.some((p) => Number(p.first) <= last && first <= Number(p.last));
}

/** The first aligned position of `prefix` in `container` free of every range and placed block. */
function firstFree(container: Block, prefix: number, ranges: RangeColumns, placed: readonly Block[]): Block | undefined {
  const size = 2 ** (32 - prefix);
  for (let start = Number(container.first); start + size - 1 <= Number(container.last); start += size) {
    if (!hitsAny(start, start + size - 1, ranges, placed)) return blockAt(4, BigInt(start), prefix);
  }
  return undefined;
}

/** Pairwise planning: each candidate position in turn against the whole list (stops at a hit). */
export function pairwisePlan(
  ranges: RangeColumns,
  tiers: readonly { prefix: number }[],
  slotsPerTier: number,
  givenVpc?: Block,
): { vpc: string; subnets: string[] } {
  let vpc = givenVpc;
  for (const range of RFC1918_BLOCKS) if (!vpc) vpc = firstFree(block(range), 16, ranges, []);
  if (!vpc) throw new Error('no space');
  const placed: Block[] = [];
  for (const tier of tiers) for (let slot = 0; slot < slotsPerTier; slot++) placed.push(firstFree(vpc, tier.prefix, ranges, placed)!);
  return { vpc: vpc.text, subnets: placed.map((b) => b.text) };
}
