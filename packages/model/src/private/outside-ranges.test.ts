import { describe, expect, it } from 'vitest';
import { validateSpec } from './validate-spec.js';

const base = { namePrefix: 'artos-test' };
const onPrem = { name: 'on-premises', cidr: '192.168.0.0/16', via: 'vpn' } as const;

describe('outsideRanges in a spec', () => {
  it('are kept on the validated spec, with their connection', () => {
    const result = validateSpec({ ...base, outsideRanges: [onPrem, { name: 'partner', cidr: '198.51.100.0/24', via: 'peering' }] });
    expect(result.issues).toEqual([]);
    expect(result.spec!.outsideRanges).toEqual([onPrem, { name: 'partner', cidr: '198.51.100.0/24', via: 'peering' }]);
  });

  it('default to none: the seed declares no outside network', () => {
    expect(validateSpec(base).spec!.outsideRanges).toEqual([]);
  });

  // AWS routes an address inside the VPC by the local route ("Route tables": the local route
  // cannot be overridden by a less specific one), and "VPC peering limitations": "You cannot
  // create a VPC peering connection between VPCs that have matching or overlapping IPv4 CIDR blocks."
  it.each([
    ['overlaps the VPC', [{ ...onPrem, cidr: '10.0.128.0/17' }], 'outsideRanges[0].cidr', /overlaps the VPC block 10\.0\.0\.0\/16/],
    ['overlaps a secondary block', [{ ...onPrem, cidr: '100.64.0.0/10' }], 'outsideRanges[0].cidr', /overlaps the VPC block 100\.64\.0\.0\/16/],
    ['has host bits', [{ ...onPrem, cidr: '192.168.1.0/16' }], 'outsideRanges[0].cidr', /host bits/],
    ['is not a CIDR', [{ ...onPrem, cidr: 'corp' }], 'outsideRanges[0].cidr', /not an IPv4 CIDR/],
    [
      'overlaps another outside range',
      [onPrem, { name: 'branch', cidr: '192.168.10.0/24', via: 'vpn' }],
      'outsideRanges[1].cidr',
      /overlaps outsideRanges\[0\]/,
    ],
    ['is named twice', [onPrem, { ...onPrem, cidr: '172.16.0.0/16' }], 'outsideRanges[1].name', /named twice/],
  ] as const)('an outside range that %s is an error at %s', (_what, ranges, path, message) => {
    const result = validateSpec({ ...base, secondaryCidrs: ['100.64.0.0/16'], outsideRanges: ranges });
    expect(result.ok).toBe(false);
    const issue = result.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue!.code).toBe('outside-range');
    expect(issue!.message).toMatch(message);
  });

  it('accepts only vpn or peering as the connection', () => {
    const result = validateSpec({ ...base, outsideRanges: [{ ...onPrem, via: 'direct-connect' }] });
    expect(result.ok).toBe(false);
    expect(result.issues.some((i) => i.path.startsWith('outsideRanges[0].via'))).toBe(true);
  });
});
