import { describe, expect, it } from 'vitest';
import { validateSpec } from './validate-spec.js';
import { associationRestriction } from './address-checks/secondary-cidrs.js';
import { cidr } from './ipv4.js';

// Expected values: AWS's "VPC CIDR blocks" page, Amazon VPC User Guide
// (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html): the note on
// 172.17.0.0/16, the RFC 1918 table, and the table "IPv4 CIDR block association restrictions".
const base = { namePrefix: 'artos-test' };
const issuesAt = (input: object, path: string) => validateSpec(input).issues.filter((i) => i.path === path);

describe('address checks in spec validation', () => {
  it('refuses 169.254.0.0/16 for a VPC: AWS cannot assign the link-local range (error)', () => {
    const r = validateSpec({
      ...base,
      vpcCidr: '169.254.0.0/16',
      privateSubnetCidrs: ['169.254.10.0/24'],
      databaseSubnetCidrs: ['169.254.100.0/24', '169.254.200.0/24'],
    });
    expect(r.ok).toBe(false);
    expect(r.issues.find((i) => i.path === 'vpcCidr')).toMatchObject({ severity: 'error', code: 'cidr-reserved' });
  });

  it('warns on 172.17.0.0/16: "Some AWS services use the 172.17.0.0/16 CIDR range"', () => {
    const r = validateSpec({
      ...base,
      vpcCidr: '172.17.0.0/16',
      privateSubnetCidrs: ['172.17.10.0/24', '172.17.20.0/24'],
      databaseSubnetCidrs: ['172.17.100.0/24', '172.17.200.0/24'],
    });
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => [i.severity, i.code, i.path])).toEqual([['warning', 'cidr-reserved', 'vpcCidr']]);
  });

  it('permits 100.64.0.0/10 without a "public address" warning, and warns for public space', () => {
    const shared = {
      ...base,
      vpcCidr: '100.64.0.0/16',
      privateSubnetCidrs: ['100.64.10.0/24', '100.64.20.0/24'],
      databaseSubnetCidrs: ['100.64.100.0/24', '100.64.200.0/24'],
    };
    expect(validateSpec(shared).issues).toEqual([]);
    const pub = {
      ...base,
      vpcCidr: '203.0.0.0/16',
      privateSubnetCidrs: ['203.0.10.0/24', '203.0.20.0/24'],
      databaseSubnetCidrs: ['203.0.100.0/24', '203.0.200.0/24'],
    };
    expect(issuesAt(pub, 'vpcCidr').map((i) => i.code)).toEqual(['not-rfc1918']);
  });

  it('models secondary blocks: a 100.64/10 secondary beside a 10/8 primary holds pod subnets', () => {
    const r = validateSpec({ ...base, secondaryCidrs: ['100.64.0.0/16'], podSubnetCidrs: ['100.64.0.0/17', '100.64.128.0/17'] });
    expect(r.issues).toEqual([]);
    expect(r.spec).toMatchObject({ secondaryCidrs: ['100.64.0.0/16'], podSubnetCidrs: ['100.64.0.0/17', '100.64.128.0/17'] });
    const outside = validateSpec({ ...base, podSubnetCidrs: ['100.64.0.0/17', '100.64.128.0/17'] });
    expect(outside.issues.filter((i) => i.code === 'subnet-outside-vpc').map((i) => i.path)).toEqual(['podSubnetCidrs[0]', 'podSubnetCidrs[1]']);
  });

  it('refuses a secondary block that AWS refuses to associate, or one that overlaps', () => {
    expect(issuesAt({ ...base, secondaryCidrs: ['192.168.0.0/16'] }, 'secondaryCidrs[0]').map((i) => i.code)).toEqual(['secondary-cidr']);
    expect(issuesAt({ ...base, secondaryCidrs: ['10.0.128.0/17'] }, 'secondaryCidrs[0]')[0]!.message).toContain('overlaps 10.0.0.0/16 (vpcCidr)');
  });
});

// AWS's table "IPv4 CIDR block association restrictions" on the page "VPC CIDR blocks", Amazon VPC
// User Guide (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#add-cidr-block-restrictions):
// one case per row of the table (IP address range of the VPC, restricted and permitted associations).
describe("AWS's association-restriction table, row by row", () => {
  const refused = (primary: string, candidate: string, associated: string[] = [primary]) =>
    associationRestriction(cidr(primary), cidr(candidate), associated.map(cidr)) !== undefined;
  it('row 10.0.0.0/8: no other RFC 1918 range, no 10.0.0.0/16 beside a block in 10.0.0.0/15, no 198.19.0.0/16', () => {
    expect(refused('10.0.0.0/16', '172.16.0.0/16')).toBe(true); // other RFC 1918 range
    expect(refused('10.0.0.0/16', '192.168.0.0/16')).toBe(true);
    expect(refused('10.0.0.0/16', '198.19.0.0/16')).toBe(true);
    expect(refused('10.1.0.0/16', '10.0.0.0/16')).toBe(true); // a block in 10.0.0.0/15 is associated
    expect(refused('10.1.0.0/16', '10.0.128.0/17')).toBe(true); // any block from 10.0.0.0/16
    expect(refused('10.4.0.0/16', '10.0.0.0/16', ['10.4.0.0/16', '10.1.0.0/16'])).toBe(true); // a secondary in 10.0.0.0/15 counts too
    expect(refused('10.4.0.0/16', '10.0.0.0/16')).toBe(false);
    expect(refused('10.0.0.0/16', '10.2.0.0/16')).toBe(false); // "Any other CIDR block from the 10.0.0.0/8 range that's not restricted"
    expect(refused('10.0.0.0/16', '100.64.0.0/16')).toBe(false);
    expect(refused('10.0.0.0/16', '203.0.113.0/24')).toBe(false); // publicly routable
  });
  it('row 169.254.0.0/16: link-local blocks "cannot be assigned to VPCs"', () => {
    expect(refused('10.0.0.0/16', '169.254.0.0/16')).toBe(true);
    expect(refused('100.64.0.0/16', '169.254.10.0/24')).toBe(true);
    expect(refused('169.254.0.0/16', '100.64.0.0/16')).toBe(true);
    // The spec check says it once, as the reserved-range error, not a second time as an association.
    const issues = validateSpec({ ...base, secondaryCidrs: ['169.254.0.0/16'] }).issues.filter((i) => i.path === 'secondaryCidrs[0]');
    expect(issues.map((i) => [i.severity, i.code])).toEqual([['error', 'cidr-reserved']]);
  });
  it('row 172.16.0.0/12: no other RFC 1918 range, no 172.31.0.0/16, no 198.19.0.0/16', () => {
    expect(refused('172.18.0.0/16', '172.31.0.0/16')).toBe(true);
    expect(refused('172.18.0.0/16', '172.31.128.0/20')).toBe(true);
    expect(refused('172.18.0.0/16', '10.0.0.0/16')).toBe(true);
    expect(refused('172.18.0.0/16', '192.168.0.0/16')).toBe(true);
    expect(refused('172.18.0.0/16', '198.19.0.0/16')).toBe(true);
    expect(refused('172.18.0.0/16', '172.20.0.0/16')).toBe(false);
    expect(refused('172.18.0.0/16', '100.64.0.0/16')).toBe(false);
    expect(refused('172.18.0.0/16', '203.0.113.0/24')).toBe(false);
  });
  it('row 192.168.0.0/16: no other RFC 1918 range, no 198.19.0.0/16', () => {
    expect(refused('192.168.0.0/20', '10.0.0.0/16')).toBe(true);
    expect(refused('192.168.0.0/20', '172.16.0.0/16')).toBe(true);
    expect(refused('192.168.0.0/20', '198.19.0.0/16')).toBe(true);
    expect(refused('192.168.0.0/20', '192.168.16.0/20')).toBe(false);
    expect(refused('192.168.0.0/20', '100.64.0.0/16')).toBe(false);
    expect(refused('192.168.0.0/20', '203.0.113.0/24')).toBe(false);
  });
  it('row 198.19.0.0/16: no RFC 1918 range; public blocks and 100.64.0.0/10 permitted', () => {
    expect(refused('198.19.0.0/16', '10.0.0.0/16')).toBe(true);
    expect(refused('198.19.0.0/16', '172.18.0.0/16')).toBe(true);
    expect(refused('198.19.0.0/16', '192.168.0.0/16')).toBe(true);
    expect(refused('198.19.0.0/16', '100.64.0.0/16')).toBe(false);
    expect(refused('198.19.0.0/16', '203.0.113.0/24')).toBe(false);
  });
  it('row publicly routable or 100.64.0.0/10: no RFC 1918 range, no 198.19.0.0/16', () => {
    expect(refused('100.64.0.0/16', '10.0.0.0/16')).toBe(true);
    expect(refused('203.0.0.0/16', '172.18.0.0/16')).toBe(true);
    expect(refused('100.64.0.0/16', '192.168.0.0/16')).toBe(true);
    expect(refused('100.64.0.0/16', '198.19.0.0/16')).toBe(true);
    expect(refused('203.0.0.0/16', '198.19.0.0/16')).toBe(true);
    expect(refused('100.64.0.0/16', '100.65.0.0/16')).toBe(false);
    expect(refused('203.0.0.0/16', '100.64.0.0/16')).toBe(false);
    expect(refused('100.64.0.0/16', '203.0.113.0/24')).toBe(false);
  });
});

describe('availabilityZoneIds', () => {
  it('accepts zone IDs and refuses names written as IDs, mixed regions and both lists', () => {
    expect(validateSpec({ ...base, availabilityZoneIds: ['euw1-az1', 'euw1-az2'] }).spec?.availabilityZoneIds).toEqual(['euw1-az1', 'euw1-az2']);
    expect(issuesAt({ ...base, availabilityZoneIds: ['euw1-az1', 'eu-west-1b'] }, 'availabilityZoneIds[1]').map((i) => i.code)).toEqual(['az-ids']);
    expect(issuesAt({ ...base, availabilityZoneIds: ['euw1-az1', 'use1-az2'] }, 'availabilityZoneIds')[0]!.message).toContain('span regions');
    expect(
      issuesAt({ ...base, availabilityZoneIds: ['euw1-az1', 'euw1-az2'], availabilityZoneNames: ['eu-west-1a', 'eu-west-1b'] }, 'availabilityZoneIds'),
    ).toHaveLength(1);
  });
});
