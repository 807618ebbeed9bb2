import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockAt, type Block } from './block.js';
import { pairwiseOverlaps, sweepOverlaps } from './sweep.js';

const block = fc.tuple(fc.nat(0xffff), fc.integer({ min: 8, max: 32 })).map(([v, prefix]) => {
  const value = 0x0a000000 + v * 256; // inside 10.0.0.0/8, many collisions
  const size = 2 ** (32 - prefix);
  return blockAt(4, BigInt(Math.floor(value / size) * size), prefix);
});

const key = (o: { item: { block: Block }; other: Block }) => `${o.item.block.text}|${o.other.text}`;

describe('sweepOverlaps', () => {
  it('finds exactly the pairs that pairwise comparison finds', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 20 }), fc.array(block, { maxLength: 200 }), (items, others) => {
        const wrapped = items.map((b) => ({ block: b }));
        const sweep = sweepOverlaps(wrapped, others).map(key).sort();
        const pairwise = pairwiseOverlaps(wrapped, others).map(key).sort();
        expect(sweep).toEqual(pairwise);
      }),
      { numRuns: 1000 },
    );
  });
});
