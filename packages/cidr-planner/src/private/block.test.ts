import { BlockList } from 'node:net';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockAt, contains, overlaps, parseBlock, awsUsable, type Block } from './block.js';

// An independent oracle: plain BigInt arithmetic on the text, written separately from block.ts.
function oracleBounds(text: string): [bigint, bigint] {
  const [address, prefixText] = text.split('/') as [string, string];
  const prefix = BigInt(prefixText);
  const value = address.split('.').reduce((acc, o) => acc * 256n + BigInt(o), 0n);
  const size = 2n ** (32n - prefix);
  return [value, value + size - 1n];
}

const v4 = fc.tuple(fc.nat(0xffffffff), fc.integer({ min: 0, max: 32 })).map(([value, prefix]) => {
  const size = 2 ** (32 - prefix);
  const base = Math.floor(value / size) * size;
  return blockAt(4, BigInt(base), prefix).text;
});
const edges = fc.constantFrom(
  '0.0.0.0/0',
  '255.255.255.255/32',
  '0.0.0.0/32',
  '10.0.0.0/16',
  '10.1.0.0/16',
  '10.0.255.255/32',
  '10.0.0.0/8',
  '10.0.128.0/17',
  '10.0.0.0/17',
);

describe('block', () => {
  it('agrees with BigInt arithmetic and Node BlockList on thousands of pairs, edge cases included', () => {
    fc.assert(
      fc.property(fc.oneof(v4, edges), fc.oneof(v4, edges), (a, b) => {
        const A = (parseBlock(a) as { block: Block }).block;
        const B = (parseBlock(b) as { block: Block }).block;
        const [a0, a1] = oracleBounds(a);
        const [b0, b1] = oracleBounds(b);
        expect(contains(A, B)).toBe(a0 <= b0 && b1 <= a1);
        expect(overlaps(A, B)).toBe(a0 <= b1 && b0 <= a1);
        const list = new BlockList();
        list.addSubnet(a.split('/')[0]!, Number(a.split('/')[1]), 'ipv4');
        const first = B.text.split('/')[0]!;
        expect(list.check(first, 'ipv4')).toBe(a0 <= b0 && b0 <= a1);
      }),
      { numRuns: 5000 },
    );
  });

  it('handles adjacent and identical blocks', () => {
    const a = (parseBlock('10.0.0.0/17') as { block: Block }).block;
    const b = (parseBlock('10.0.128.0/17') as { block: Block }).block;
    expect(overlaps(a, b)).toBe(false);
    expect(overlaps(a, a)).toBe(true);
    expect(contains(a, a)).toBe(true);
  });

  it('parses IPv6 through ip-num and keeps families apart', () => {
    const v6 = parseBlock('2001:db8::/56');
    expect(v6.ok && v6.block.family).toBe(6);
    expect(v6.ok && v6.block.last - v6.block.first + 1n).toBe(2n ** 72n);
    const inner = parseBlock('2001:db8:0:1::/64');
    expect(v6.ok && inner.ok && contains(v6.block, inner.block)).toBe(true);
    const v4 = parseBlock('10.0.0.0/8');
    expect(v6.ok && v4.ok && overlaps(v6.block, v4.block)).toBe(false);
    expect(parseBlock('2001:db8::1/56')).toMatchObject({ ok: false, reason: 'host-bits' });
  });

  it('explains bad text: a host address with a prefix, a bare address, garbage', () => {
    expect(parseBlock('10.0.10.7/24')).toEqual({
      ok: false,
      reason: 'host-bits',
      message: '10.0.10.7/24 is not a network address (host bits are set)',
      suggestion: '10.0.10.0/24',
    });
    expect(parseBlock('10.0.10.7')).toMatchObject({ ok: false, suggestion: '10.0.10.7/32' });
    expect(parseBlock('ten/8')).toMatchObject({ ok: false, reason: 'syntax' });
  });

  it('counts AWS usable addresses', () => {
    expect(awsUsable((parseBlock('10.0.10.0/24') as { block: Block }).block)).toBe(251n);
  });
});
