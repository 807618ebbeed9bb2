import { BlockList, isIPv4 } from 'node:net';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { awsUsableAddresses, cidrContains, cidrsOverlap, formatIpv4, parseIpv4, parseIpv4Cidr } from './ipv4.js';

const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
const aligned = fc.tuple(octets, fc.integer({ min: 0, max: 32 })).map(([o, prefix]) => {
  const value = ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return `${formatIpv4((value & mask) >>> 0)}/${prefix}`;
});

describe('ipv4', () => {
  it('round-trips addresses', () => {
    fc.assert(
      fc.property(octets, (o) => {
        expect(formatIpv4(parseIpv4(o.join('.'))!)).toBe(o.join('.'));
      }),
    );
  });

  it('accepts exactly what Node accepts as an IPv4 address, on text from the dotted-quad alphabet', () => {
    const nearQuad = fc.oneof(
      fc.stringMatching(/^[0-9.]{0,17}$/),
      fc.tuple(octets, fc.constantFrom('', '0', '00', '.', ' ', '..', '1')).map(([o, extra]) => `${o.join('.')}${extra}`),
      fc.tuple(fc.constantFrom('0', '00', ' '), octets).map(([extra, o]) => `${extra}${o.join('.')}`),
    );
    fc.assert(
      fc.property(nearQuad, (text) => {
        expect(parseIpv4(text) !== undefined, text).toBe(isIPv4(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects malformed text', () => {
    for (const bad of [
      '',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '01.2.3.4',
      '1.2.3.-1',
      'a.b.c.d',
      ' 1.2.3.4',
      '1..2.3',
      '.1.2.3',
      '1.2.3.',
      '1.2.3.4 ',
      '1000.1.1.1',
      '1.2.3.00',
    ]) {
      expect(parseIpv4(bad), bad).toBeUndefined();
    }
    expect(parseIpv4Cidr('10.0.0.0/33')).toMatchObject({ ok: false, reason: 'prefix' });
    expect(parseIpv4Cidr('10.0.0.0/016')).toMatchObject({ ok: false, reason: 'prefix' });
    expect(parseIpv4Cidr('10.0.10.7/24')).toEqual({ ok: false, reason: 'host-bits', networkText: '10.0.10.0/24' });
  });

  it('agrees with Node BlockList on containment and overlap, edge cases included', () => {
    const edge = fc.constantFrom('0.0.0.0/0', '255.255.255.255/32', '10.0.0.0/16', '10.0.255.0/24', '10.1.0.0/16', '10.0.0.0/8');
    const block = fc.oneof(aligned, edge);
    fc.assert(
      fc.property(block, block, (a, b) => {
        const A = (parseIpv4Cidr(a) as { cidr: { base: number; prefix: number } }).cidr;
        const B = (parseIpv4Cidr(b) as { cidr: { base: number; prefix: number } }).cidr;
        const list = new BlockList();
        list.addSubnet(a.split('/')[0]!, A.prefix, 'ipv4');
        const lastOfB = formatIpv4((B.base + 2 ** (32 - B.prefix) - 1) >>> 0);
        const expectedContains = list.check(b.split('/')[0]!, 'ipv4') && list.check(lastOfB, 'ipv4');
        expect(cidrContains(A as never, B as never)).toBe(expectedContains);
        const range = new BlockList();
        range.addRange(formatIpv4(A.base), formatIpv4((A.base + 2 ** (32 - A.prefix) - 1) >>> 0), 'ipv4');
        const expectedOverlap =
          range.check(formatIpv4(B.base), 'ipv4') || range.check(lastOfB, 'ipv4') || list.check(formatIpv4(B.base)) || cidrContains(B as never, A as never);
        expect(cidrsOverlap(A as never, B as never)).toBe(expectedOverlap);
      }),
      { numRuns: 5000 },
    );
  });

  it('counts AWS usable addresses: five reserved per subnet', () => {
    expect(awsUsableAddresses(24)).toBe(251);
    expect(awsUsableAddresses(28)).toBe(11);
    expect(awsUsableAddresses(16)).toBe(65531);
  });
});
