import { describe, expect, it } from 'vitest';
import { validateSpec } from '@artos/model';
import { planAllocation, planToSpecFields } from './plan.js';
import { block } from './block.js';

// "VPC CIDR blocks", Amazon VPC User Guide (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html):
// "Some AWS services use the 172.17.0.0/16 CIDR range. To avoid future conflicts, don't use this
// range when creating your VPC." 100.64.0.0/10 may be associated beside any primary block.
const tiers = [
  { name: 'private', prefix: 24 },
  { name: 'database', prefix: 24 },
];

describe('planAllocation by AWS rules', () => {
  it('never proposes 172.17.0.0/16: with 10/8 and 172.16/16 taken it goes on to 172.18.0.0/16', () => {
    const plan = planAllocation({ tiers, azCount: 2, avoid: [block('10.0.0.0/8'), block('172.16.0.0/16')] });
    expect(plan.vpcCidr).toBe('172.18.0.0/16');
    expect(plan.findings).toEqual([]);
  });

  it('warns when the VPC given is 172.17.0.0/16, as cidr check does', () => {
    const plan = planAllocation({ vpcCidr: '172.17.0.0/16', tiers, azCount: 2 });
    expect(plan.findings.map((f) => [f.severity, f.code, f.path])).toEqual([['warning', 'cidr-reserved', 'vpcCidr']]);
  });

  it('--pods: a secondary block from 100.64.0.0/10 and one pod subnet per AZ, a spec that validates clean', () => {
    const plan = planAllocation({ tiers, azCount: 3, pods: {} });
    expect(plan.secondaryCidrs).toEqual(['100.64.0.0/16']);
    // A /16 split for 3 AZs: /18s (4 fit, 3 are used), lowest first.
    expect(plan.podSubnets.map((s) => s.cidr)).toEqual(['100.64.0.0/18', '100.64.64.0/18', '100.64.128.0/18']);
    expect(plan.podSubnets[0]!.usable).toBe(16384 - 5);
    const spec = { namePrefix: 'artos-pods', ...planToSpecFields(plan) };
    expect(spec).toMatchObject({ secondaryCidrs: ['100.64.0.0/16'], podSubnetCidrs: ['100.64.0.0/18', '100.64.64.0/18', '100.64.128.0/18'] });
    expect(validateSpec(spec).issues).toEqual([]);
  });

  it('--pods avoids the ranges to avoid and takes the pod subnet size asked for', () => {
    const plan = planAllocation({ tiers, azCount: 2, pods: { prefix: 17, subnetPrefix: 19 }, avoid: [block('100.64.0.0/16')] });
    expect(plan.secondaryCidrs).toEqual(['100.65.0.0/17']);
    expect(plan.podSubnets.map((s) => s.cidr)).toEqual(['100.65.0.0/19', '100.65.32.0/19']);
    expect(() => planAllocation({ tiers, azCount: 3, pods: { prefix: 16, subnetPrefix: 17 } })).toThrowError(/3 of them must fit/);
  });
});
