import { overlaps, type Block } from '../src/private/block.js';

/** The tests' oracle: every (query, range) pair compared, nothing clever. */
export function pairwiseOverlapping(query: Block, ranges: readonly Block[]): Block[] {
  return ranges.filter((r) => overlaps(r, query));
}

/** The lowest aligned free block by trying every aligned position in turn. */
export function scanLowestFree(container: Block, prefix: number, ranges: readonly Block[], blockAt: (family: 4 | 6, first: bigint, prefix: number) => Block): Block | undefined {
  const bits = container.family === 4 ? 32 : 128;
  const size = 1n << BigInt(bits - prefix);
  for (let start = container.first; start + size - 1n <= container.last; start += size) {
    const candidate = blockAt(container.family, start, prefix);
    if (!ranges.some((r) => overlaps(r, candidate))) return candidate;
  }
  return undefined;
}
