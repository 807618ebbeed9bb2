import { compareBlocks, type Block } from './block.js';

export interface Overlap<T extends { block: Block }> {
  readonly item: T;
  readonly other: Block;
}

/**
 * Every (item, other) pair whose blocks overlap, by a sorted sweep: both lists are sorted by
 * first address and each `other` is compared only with the items still open. O((n + m) log(n + m)
 * + overlaps), where comparing every pair is O(n × m).
 */
export function sweepOverlaps<T extends { block: Block }>(items: readonly T[], others: readonly Block[]): Overlap<T>[] {
  const sortedItems = [...items].sort((a, b) => compareBlocks(a.block, b.block));
  const sortedOthers = [...others].sort(compareBlocks);
  const out: Overlap<T>[] = [];
  const open: T[] = [];
  let next = 0;
  for (const other of sortedOthers) {
    // Open every item that starts before this range ends.
    while (next < sortedItems.length && compareStart(sortedItems[next]!.block, other) <= 0) open.push(sortedItems[next++]!);
    // Close items that end before this range starts: later ranges start later still.
    for (let i = open.length - 1; i >= 0; i--) {
      const b = open[i]!.block;
      if (b.family < other.family || (b.family === other.family && b.last < other.first)) open.splice(i, 1);
    }
    for (const item of open) if (item.block.family === other.family && item.block.first <= other.last) out.push({ item, other });
  }
  return out;
}

/** Negative when `a` starts at or before the end of `b` (family first). */
function compareStart(a: Block, b: Block): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.first <= b.last ? -1 : 1;
}

/** The same answer by comparing every pair: the benchmark's baseline and the tests' oracle. */
export function pairwiseOverlaps<T extends { block: Block }>(items: readonly T[], others: readonly Block[]): Overlap<T>[] {
  const out: Overlap<T>[] = [];
  for (const other of others) {
    for (const item of items) {
      if (item.block.family === other.family && item.block.first <= other.last && other.first <= item.block.last) out.push({ item, other });
    }
  }
  return out;
}
