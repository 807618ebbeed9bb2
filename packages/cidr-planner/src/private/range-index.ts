import { blockAt, compareBlocks, type Block } from './block.js';
import type { Interval } from '@artos/model';

/**
 * Corporate or peer ranges, sorted and merged once so that every later question costs a few
 * binary searches instead of a pass over the whole list:
 *
 * - which ranges overlap this block? O(prefix × log n + hits), using the fact that two CIDR
 *   blocks are either disjoint or nested: a range overlapping a block either starts inside it
 *   (one contiguous run in sorted order) or contains it (at most one aligned start per shorter
 *   prefix, each found by binary search);
 * - what is the lowest free aligned block of a size in a container? A walk over the merged gaps.
 *
 * Building costs one sort (linear radix for IPv4, O(n log n) for IPv6), so a one-off check of a
 * handful of blocks costs about as much as comparing every pair, and every check after that is
 * hundreds of times cheaper. Load the list once (`artos-net cidr --corporate` does), then check
 * and plan against the index.
 *
 * IPv4 lives in Float64Arrays (addresses are exact in doubles, and number comparisons are ~50x
 * cheaper than bigint ones); IPv6 in bigint arrays. The algorithms are written once over both.
 */
export class RangeIndex {
  private readonly v4: FamilyTable<number>;
  private readonly v6: FamilyTable<bigint>;

  private constructor(v4: FamilyTable<number>, v6: FamilyTable<bigint>) {
    this.v4 = v4;
    this.v6 = v6;
  }

  /** Indexes `blocks` (any order, duplicates kept: each is reported). */
  static of(blocks: readonly Block[]): RangeIndex {
    return new RangeIndex(buildV4(blocks), buildV6(blocks));
  }

  /** How many ranges are indexed. */
  get size(): number {
    return this.v4.firsts.length + this.v6.firsts.length;
  }

  /** Every indexed range that overlaps `query`, in address order (duplicates included). */
  overlapping(query: Block): Block[] {
    return query.family === 4 ? overlappingIn(this.v4, V4, query) : overlappingIn(this.v6, V6, query);
  }

  /** The merged, disjoint runs of indexed addresses that touch `container`, in order. */
  occupiedWithin(container: Block): Interval[] {
    return container.family === 4 ? occupiedIn(this.v4, V4, container) : occupiedIn(this.v6, V6, container);
  }

  /** The lowest aligned block of `prefix` inside `container` that overlaps no indexed range. */
  lowestFree(container: Block, prefix: number): Block | undefined {
    return container.family === 4 ? lowestFreeIn(this.v4, V4, container, prefix) : lowestFreeIn(this.v6, V6, container, prefix);
  }
}

/** Corporate ranges as given (a list) or already indexed. */
export type RangeSource = readonly Block[] | RangeIndex;

export function toRangeIndex(source: RangeSource | undefined): RangeIndex {
  return source instanceof RangeIndex ? source : RangeIndex.of(source ?? []);
}

/** An address type's arithmetic: doubles for IPv4, bigints for IPv6. */
interface Arithmetic<N extends number | bigint> {
  readonly family: 4 | 6;
  of(value: bigint): N;
  big(value: N): bigint;
  /** The last address of the block of `prefix` that starts at `first`. */
  last(first: N, prefix: number): N;
  /** `value + 1`. */
  next(value: N): N;
  /** The largest address ≤ `value` aligned to `prefix`. */
  alignDown(value: N, prefix: number): N;
  /** The smallest address ≥ `value` aligned to `prefix`. */
  alignUp(value: N, prefix: number): N;
}

const V4: Arithmetic<number> = {
  family: 4,
  of: Number,
  big: BigInt,
  last: (first, prefix) => first + 2 ** (32 - prefix) - 1,
  next: (value) => value + 1,
  alignDown: (value, prefix) => value - (value % 2 ** (32 - prefix)),
  alignUp: (value, prefix) => Math.ceil(value / 2 ** (32 - prefix)) * 2 ** (32 - prefix),
};

const V6: Arithmetic<bigint> = {
  family: 6,
  of: (value) => value,
  big: (value) => value,
  last: (first, prefix) => first + (1n << BigInt(128 - prefix)) - 1n,
  next: (value) => value + 1n,
  alignDown: (value, prefix) => value - (value % (1n << BigInt(128 - prefix))),
  alignUp: (value, prefix) => {
    const size = 1n << BigInt(128 - prefix);
    return ((value + size - 1n) / size) * size;
  },
};

interface FamilyTable<N extends number | bigint> {
  /** First addresses, sorted by (first, prefix). */
  readonly firsts: ArrayLike<N>;
  readonly prefixes: Uint8Array;
  /** The ranges as given, in the same order. */
  readonly blocks: readonly Block[];
  /** Merged runs (overlapping or adjacent ranges joined), sorted and disjoint. */
  readonly mergedFirsts: ArrayLike<N>;
  readonly mergedLasts: ArrayLike<N>;
}

/**
 * IPv4: the ranges put in (first, prefix) order by a three-pass LSD radix sort (prefix, low 16
 * bits, high 16 bits), which is linear and keeps the original Block objects, so lookups return
 * them as given instead of building new ones.
 */
function buildV4(blocks: readonly Block[]): FamilyTable<number> {
  const given: Block[] = [];
  for (const b of blocks) if (b.family === 4) given.push(b);
  const n = given.length;
  const lows = new Uint32Array(n);
  const highs = new Uint32Array(n);
  const rawPrefixes = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const first = Number(given[i]!.first);
    lows[i] = first & 0xffff;
    highs[i] = first >>> 16;
    rawPrefixes[i] = given[i]!.prefix;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  for (const [buckets, digits] of [
    [33, rawPrefixes],
    [0x10000, lows],
    [0x10000, highs],
  ] as const) {
    countingSort(order, spare, buckets, digits);
    [order, spare] = [spare, order];
  }
  const firsts = new Float64Array(n);
  const prefixes = new Uint8Array(n);
  const sorted = new Array<Block>(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    firsts[k] = highs[i]! * 0x10000 + lows[i]!;
    prefixes[k] = rawPrefixes[i]!;
    sorted[k] = given[i]!;
  }
  return { firsts, prefixes, blocks: sorted, ...merge(firsts, prefixes, V4, (size) => new Float64Array(size)) };
}

/** One stable pass: the indexes in `from`, reordered by `digits[index]`, written to `to`. */
function countingSort(from: Uint32Array, to: Uint32Array, buckets: number, digits: Uint32Array): void {
  const starts = new Uint32Array(buckets + 1);
  for (let k = 0; k < from.length; k++) starts[digits[from[k]!]! + 1]!++;
  for (let d = 1; d <= buckets; d++) starts[d]! += starts[d - 1]!;
  for (let k = 0; k < from.length; k++) {
    const i = from[k]!;
    to[starts[digits[i]!]!++] = i;
  }
}

function buildV6(blocks: readonly Block[]): FamilyTable<bigint> {
  const sorted = blocks.filter((b) => b.family === 6).sort(compareBlocks);
  const firsts = sorted.map((b) => b.first);
  const prefixes = Uint8Array.from(sorted, (b) => b.prefix);
  return { firsts, prefixes, blocks: sorted, ...merge(firsts, prefixes, V6, (size) => new Array<bigint>(size)) };
}

/** A writable column of addresses: a Float64Array or an array of bigints. */
interface Column<N> {
  [i: number]: N;
  readonly length: number;
  slice(start: number, end: number): ArrayLike<N>;
}

/** Joins sorted ranges that overlap or touch into disjoint runs: one linear pass. */
function merge<N extends number | bigint>(firsts: ArrayLike<N>, prefixes: Uint8Array, a: Arithmetic<N>, alloc: (n: number) => Column<N>) {
  const starts = alloc(firsts.length);
  const ends = alloc(firsts.length);
  let runs = 0;
  for (let i = 0; i < firsts.length; i++) {
    const first = firsts[i]!;
    const last = a.last(first, prefixes[i]!);
    if (runs > 0 && first <= a.next(ends[runs - 1]!)) {
      if (last > ends[runs - 1]!) ends[runs - 1] = last;
    } else {
      starts[runs] = first;
      ends[runs] = last;
      runs++;
    }
  }
  return { mergedFirsts: starts.slice(0, runs), mergedLasts: ends.slice(0, runs) };
}

/** Index of the first element ≥ `value` in a sorted array. */
function lowerBound<N extends number | bigint>(sorted: ArrayLike<N>, value: N): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlappingIn<N extends number | bigint>(t: FamilyTable<N>, a: Arithmetic<N>, query: Block): Block[] {
  const q0 = a.of(query.first);
  const q1 = a.of(query.last);
  const out: Block[] = [];
  const n = t.firsts.length;
  // Ranges that contain the query and start before it: one aligned start per shorter prefix.
  for (let p = 0; p < query.prefix; p++) {
    const start = a.alignDown(q0, p);
    if (start === q0) continue;
    for (let i = lowerBound(t.firsts, start); i < n && t.firsts[i] === start; i++) {
      if (t.prefixes[i] === p) out.push(t.blocks[i]!);
    }
  }
  // Ranges that start inside the query overlap it (they are nested in it, or contain it from its start).
  for (let i = lowerBound(t.firsts, q0); i < n && t.firsts[i]! <= q1; i++) out.push(t.blocks[i]!);
  return out;
}

/** Index of the first merged run that ends at or after `address`. */
function firstRunEndingFrom<N extends number | bigint>(t: FamilyTable<N>, address: N): number {
  return lowerBound(t.mergedLasts, address);
}

function occupiedIn<N extends number | bigint>(t: FamilyTable<N>, a: Arithmetic<N>, container: Block): Interval[] {
  const c1 = a.of(container.last);
  const out: Interval[] = [];
  for (let j = firstRunEndingFrom(t, a.of(container.first)); j < t.mergedFirsts.length && t.mergedFirsts[j]! <= c1; j++) {
    out.push({ first: a.big(t.mergedFirsts[j]!), last: a.big(t.mergedLasts[j]!) });
  }
  return out;
}

function lowestFreeIn<N extends number | bigint>(t: FamilyTable<N>, a: Arithmetic<N>, container: Block, prefix: number): Block | undefined {
  const end = a.of(container.last);
  let cursor = a.alignUp(a.of(container.first), prefix);
  let j = firstRunEndingFrom(t, cursor);
  const runs = t.mergedFirsts.length;
  while (a.last(cursor, prefix) <= end) {
    while (j < runs && t.mergedLasts[j]! < cursor) j++;
    const blockLast = a.last(cursor, prefix);
    if (j === runs || t.mergedFirsts[j]! > blockLast) return blockAt(a.family, a.big(cursor), prefix);
    // The run covers part of this position: the next candidate is the first aligned one after it.
    cursor = a.alignUp(a.next(t.mergedLasts[j]!), prefix);
  }
  return undefined;
}
