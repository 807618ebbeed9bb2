import { blockAt, blockSize, overlaps, type Block } from '../src/private/block.js';

/** The tests' oracle: every (query, range) pair compared, nothing clever. */
export function pairwiseOverlapping(query: Block, ranges: readonly Block[]): Block[] {
  return ranges.filter((r) => overlaps(r, query));
}

/** The lowest aligned free block by trying every aligned position in turn. */
export function scanLowestFree(container: Block, prefix: number, ranges: readonly Block[]): Block | undefined {
  const size = blockSize({ family: container.family, prefix });
  for (let start = container.first; start + size - 1n <= container.last; start += size) {
    const candidate = blockAt(container.family, start, prefix);
    if (!ranges.some((r) => overlaps(r, candidate))) return candidate;
  }
  return undefined;
}
