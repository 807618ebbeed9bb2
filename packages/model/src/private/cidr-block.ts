import { formatIpv4, parseIpv4Cidr } from './ipv4.js';

/**
 * An address block of either family, as inclusive bigint bounds: the one CIDR type of the model
 * and the planner, so every comparison, sweep and allocation works the same for IPv4 and IPv6.
 * The model parses IPv4 text (its uint32 parser); the planner adds IPv6 text parsing (ip-num).
 */
export interface CidrBlock {
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
  readonly prefix: number;
  /** Canonical CIDR text. */
  readonly text: string;
}

export function familyBits(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

/** Addresses in a block, as a bigint (an IPv6 /64 does not fit a double exactly). */
export function cidrBlockSize(block: Pick<CidrBlock, 'family' | 'prefix'>): bigint {
  return 1n << BigInt(familyBits(block.family) - block.prefix);
}

/** RFC 5952 text of an IPv6 address: lowercase, no leading zeros, the longest zero run as `::`. */
export function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1; // a single zero group is not compressed
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** A block from its first address and prefix (the caller guarantees alignment). */
export function blockAt(family: 4 | 6, first: bigint, prefix: number): CidrBlock {
  const last = first + cidrBlockSize({ family, prefix }) - 1n;
  const text = family === 4 ? `${formatIpv4(Number(first))}/${prefix}` : `${formatIpv6(first)}/${prefix}`;
  return { family, first, last, prefix, text };
}

/** Parses an IPv4 block known to be valid (constants such as AWS's reserved ranges); throws otherwise. */
export function ipv4Block(text: string): CidrBlock {
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) throw new TypeError(`not a valid IPv4 CIDR: ${text}`);
  return parsed.cidr;
}

export function blockContains(outer: CidrBlock, inner: CidrBlock): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

export function blocksOverlap(a: CidrBlock, b: CidrBlock): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** Addresses AWS leaves usable in a subnet of this block (five reserved in IPv4 subnets). */
export function awsUsableInBlock(b: CidrBlock): bigint {
  const size = cidrBlockSize(b);
  return b.family === 4 ? (size > 5n ? size - 5n : 0n) : size;
}

export function compareBlocks(a: CidrBlock, b: CidrBlock): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.first < b.first ? -1 : a.first > b.first ? 1 : a.prefix - b.prefix;
}
