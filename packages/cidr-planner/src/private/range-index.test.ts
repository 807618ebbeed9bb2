import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { block, blockAt, compareBlocks, type Block } from './block.js';
import { RangeIndex } from './range-index.js';
import { mergeIntervals } from '@artos/model';
import { pairwiseOverlapping, scanLowestFree } from '../../test/pairwise-oracle.js';

/** IPv4 blocks crowded into 10.0.0.0/16 so that nesting, duplicates and adjacency are common. */
const v4 = fc.tuple(fc.nat(0xffff), fc.integer({ min: 12, max: 32 })).map(([v, prefix]) => {
  const size = 2 ** (32 - prefix);
  return blockAt(4, BigInt(Math.floor((0x0a000000 + v) / size) * size), prefix);
});
/** IPv6 blocks crowded into 2001:db8::/112. */
const v6 = fc.tuple(fc.nat(0xffff), fc.integer({ min: 100, max: 128 })).map(([v, prefix]) => {
  const size = 1n << BigInt(128 - prefix);
  return blockAt(6, (((0x20010db8n << 96n) + BigInt(v)) / size) * size, prefix);
});
const anyBlock = fc.oneof(v4, v6);
const texts = (blocks: readonly Block[]) => [...blocks].sort(compareBlocks).map((b) => b.text);

describe('RangeIndex', () => {
  it('finds exactly the ranges that comparing every pair finds, for both families', () => {
    fc.assert(
      fc.property(fc.array(anyBlock, { maxLength: 300 }), fc.array(anyBlock, { minLength: 1, maxLength: 20 }), (ranges, queries) => {
        const index = RangeIndex.of(ranges);
        expect(index.size).toBe(ranges.length);
        for (const query of queries) expect(index.overlapping(query).map((b) => b.text)).toEqual(texts(pairwiseOverlapping(query, ranges)));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the lowest free aligned block that a scan of every position finds', () => {
    fc.assert(
      fc.property(fc.array(v4, { maxLength: 200 }), fc.integer({ min: 16, max: 26 }), (ranges, prefix) => {
        const container = block('10.0.0.0/16');
        expect(RangeIndex.of(ranges).lowestFree(container, prefix)?.text).toBe(scanLowestFree(container, prefix, ranges)?.text);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(v6, { maxLength: 100 }), fc.integer({ min: 112, max: 124 }), (ranges, prefix) => {
        const container = block('2001:db8::/112');
        expect(RangeIndex.of(ranges).lowestFree(container, prefix)?.text).toBe(scanLowestFree(container, prefix, ranges)?.text);
      }),
      { numRuns: 200 },
    );
  });

  it('reports occupied runs inside a container as the merged ranges that touch it', () => {
    fc.assert(
      fc.property(fc.array(v4, { maxLength: 200 }), (ranges) => {
        const container = block('10.0.64.0/18');
        const expected = mergeIntervals(ranges).filter((r) => r.last >= container.first && r.first <= container.last);
        expect(RangeIndex.of(ranges).occupiedWithin(container)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('handles the edges: /0, /32, adjacent, identical and the top of the address space', () => {
    const ranges = ['0.0.0.0/0', '255.255.255.255/32', '10.0.0.0/24', '10.0.1.0/24', '10.0.1.0/24'].map(block);
    const index = RangeIndex.of(ranges);
    expect(index.overlapping(block('10.0.1.7/32')).map((b) => b.text)).toEqual(['0.0.0.0/0', '10.0.1.0/24', '10.0.1.0/24']);
    expect(index.overlapping(block('255.255.255.0/24')).map((b) => b.text)).toEqual(['0.0.0.0/0', '255.255.255.255/32']);
    expect(index.occupiedWithin(block('10.0.0.0/16'))).toEqual([{ first: 0n, last: 2n ** 32n - 1n }]);
    expect(index.lowestFree(block('10.0.0.0/16'), 24)).toBeUndefined();
    const top = RangeIndex.of([block('255.255.255.0/25')]);
    expect(top.lowestFree(block('255.255.255.0/24'), 25)?.text).toBe('255.255.255.128/25');
    expect(top.lowestFree(block('255.255.255.128/25'), 24)).toBeUndefined();
    expect(RangeIndex.of([]).overlapping(block('10.0.0.0/8'))).toEqual([]);
  });
});
