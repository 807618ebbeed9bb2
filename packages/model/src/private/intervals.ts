// The one interval module of the model and the planner: merges, gaps and free aligned blocks.
import { blockAt, familyBits, type CidrBlock as Block } from './cidr-block.js';

/** An inclusive range of addresses. */
export interface Interval {
  readonly first: bigint;
  readonly last: bigint;
}

/** Sorts and merges intervals (overlapping or adjacent) into disjoint ones: O(n log n). */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const merged: { first: bigint; last: bigint }[] = [];
  for (const { first, last } of sorted) {
    const top = merged[merged.length - 1];
    if (top && first <= top.last + 1n) {
      if (last > top.last) top.last = last;
    } else merged.push({ first, last });
  }
  return merged;
}

/** Index of the first merged interval whose last address is ≥ `address` (binary search). */
export function firstEndingAtOrAfter(merged: readonly Interval[], address: bigint): number {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid]!.last < address) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The gaps of `container` not covered by the disjoint, sorted `merged` intervals. */
export function* gaps(container: Interval, merged: readonly Interval[]): Generator<Interval> {
  let cursor = container.first;
  for (let i = firstEndingAtOrAfter(merged, container.first); i < merged.length && cursor <= container.last; i++) {
    const used = merged[i]!;
    if (used.first > container.last) break;
    if (used.first > cursor) yield { first: cursor, last: used.first - 1n };
    if (used.last + 1n > cursor) cursor = used.last + 1n;
  }
  if (cursor <= container.last) yield { first: cursor, last: container.last };
}

/** The lowest aligned block of `prefix` inside `container` that avoids every merged interval. */
export function lowestFreeBlock(container: Block, prefix: number, merged: readonly Interval[]): Block | undefined {
  const size = 1n << BigInt(familyBits(container.family) - prefix);
  for (const gap of gaps(container, merged)) {
    const start = ((gap.first + size - 1n) / size) * size;
    if (start + size - 1n <= gap.last) return blockAt(container.family, start, prefix);
  }
  return undefined;
}

/** Splits a range into the fewest aligned CIDR blocks (largest first within the range). */
export function rangeToBlocks(family: 4 | 6, range: Interval): Block[] {
  const bits = familyBits(family);
  const out: Block[] = [];
  let start = range.first;
  while (start <= range.last) {
    let prefix = bits;
    // Grow the block while it stays aligned and inside the range.
    while (prefix > 0) {
      const size = 1n << BigInt(bits - prefix + 1);
      if (start % size !== 0n || start + size - 1n > range.last) break;
      prefix--;
    }
    const b = blockAt(family, start, prefix);
    out.push(b);
    start = b.last + 1n;
  }
  return out;
}

/** Maximal free aligned blocks of `container` around `used`, largest first. */
export function freeBlocks(container: Block, used: readonly Interval[]): Block[] {
  const merged = mergeIntervals(used);
  const out: Block[] = [];
  for (const gap of gaps(container, merged)) out.push(...rangeToBlocks(container.family, gap));
  return out.sort((a, b) => a.prefix - b.prefix || (a.first < b.first ? -1 : 1));
}
