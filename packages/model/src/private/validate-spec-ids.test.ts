import { describe, expect, it } from 'vitest';
import { validateSpec } from './validate-spec.js';
import { preset } from './presets.js';
import { isAwsId } from './aws-ids.js';

// Resource ids are a prefix, a hyphen and 8 or (since 2016-2018) 17 characters of lowercase letters
// and digits, e.g. sg-1a2b3c4d, i-1234567890abcdef0 ("Resource IDs", Amazon EC2 User Guide,
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html).
const base = { namePrefix: 'artos-test' };

describe('AWS ids in a spec', () => {
  it.each([
    ['bastionSecurityGroupId', { bastionSecurityGroupId: 'security-group-1' }],
    ['additionalSecurityGroupIds[0]', { additionalSecurityGroupIds: ['sg-12345'] }],
    ['vpcId', { vpcId: 'vpc-XYZ', vpcCidr: '10.0.0.0/16' }],
  ])('an id AWS would reject at %s is an error and the spec is invalid', (path, fields) => {
    const result = validateSpec({ ...base, ...fields });
    expect(result.ok).toBe(false);
    expect(result.issues.find((i) => i.path === path)).toMatchObject({ severity: 'error', code: 'invalid-aws-id' });
  });

  it('short (8) and long (17) ids are accepted', () => {
    expect(validateSpec({ ...base, bastionSecurityGroupId: 'sg-1a2b3c4d', additionalSecurityGroupIds: ['sg-1234567890abcdef0'] }).ok).toBe(true);
    expect(isAwsId('rtb', 'rtb-0123456789abcdef0')).toBe(true);
    expect(isAwsId('rtb', 'rtb-...')).toBe(false);
  });

  it("the existing-VPC preset's ids, written as the seed writes them, stay warnings said as placeholders", () => {
    const result = validateSpec(preset('existing-vpc'));
    expect(result.ok).toBe(true);
    const ids = result.issues.filter((i) => i.code === 'invalid-aws-id');
    expect(ids.length).toBeGreaterThan(0);
    for (const i of ids) {
      expect(i.severity).toBe('warning');
      expect(i.message).toContain('placeholder');
    }
  });
});

describe('messages quote values in bounded length', () => {
  it('a 5 MB value is cut in every message and hint', () => {
    const huge = 'x'.repeat(5_000_000);
    for (const input of [
      { namePrefix: huge },
      { ...base, vpcCidr: huge },
      { ...base, tags: { [huge]: huge } },
      { ...base, bastionSecurityGroupId: huge },
      { ...base, [huge]: 1 },
    ]) {
      const result = validateSpec(input);
      expect(result.ok).toBe(false);
      for (const i of result.issues) {
        expect(i.message.length).toBeLessThan(1000);
        expect(i.hint.length).toBeLessThan(1000);
      }
    }
  });
});

describe('an impossible AZ count', () => {
  it.each([-3, 0, 7])('availabilityZoneCount %i is one error, not one per tier besides', (count) => {
    const result = validateSpec({ ...base, availabilityZoneCount: count });
    expect(result.issues.filter((i) => i.code === 'az-count').map((i) => i.path)).toEqual(['availabilityZoneCount']);
  });
});
