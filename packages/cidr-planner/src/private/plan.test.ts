import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateSpec } from '@artos/model';
import { planAllocation, planToSpecFields, prefixForHosts } from './plan.js';
import { allocationFromSpec } from './allocation.js';
import { checkAllocation } from './check-allocation.js';
import { block, overlaps, contains } from './block.js';
import { isPlannerError } from './errors.js';

describe('planAllocation', () => {
  it('places largest first at the lowest aligned free position, deterministically', () => {
    const request = {
      vpcCidr: '10.0.0.0/16',
      tiers: [
        { name: 'private', hosts: 4000 },
        { name: 'database', prefix: 24 },
      ],
      azCount: 3,
    };
    const plan = planAllocation(request);
    expect(plan.subnets.map((s) => `${s.tier}${s.az + 1} ${s.cidr}`)).toEqual([
      'private1 10.0.0.0/20',
      'private2 10.0.16.0/20',
      'private3 10.0.32.0/20',
      'database1 10.0.64.0/24',
      'database2 10.0.65.0/24',
      'database3 10.0.66.0/24',
    ]);
    expect(plan.reserved.map((s) => s.cidr)).toEqual(['10.0.48.0/20', '10.0.67.0/24']);
    expect(plan.free[0]).toBe('10.0.128.0/17');
    expect(planAllocation(request)).toEqual(plan);
  });

  it('sizes subnets from host counts after AWS reserves five', () => {
    expect(prefixForHosts(251)).toBe(24);
    expect(prefixForHosts(252)).toBe(23);
    expect(prefixForHosts(11)).toBe(28);
    expect(prefixForHosts(1)).toBe(28);
  });

  it('avoids the given ranges', () => {
    const avoid = [block('10.0.0.0/17'), block('10.0.160.0/19')];
    const plan = planAllocation({ vpcCidr: '10.0.0.0/16', tiers: [{ name: 'private', prefix: 20 }], azCount: 2, avoid });
    expect(plan.subnets.map((s) => s.cidr)).toEqual(['10.0.128.0/20', '10.0.144.0/20']);
    // The subnets dodge the ranges, but the given VPC still overlaps them: the plan says so.
    expect(plan.findings.map((f) => [f.severity, f.code, ...f.cidrs])).toEqual([
      ['error', 'corporate-overlap', '10.0.0.0/16', '10.0.0.0/17'],
      ['error', 'corporate-overlap', '10.0.0.0/16', '10.0.160.0/19'],
    ]);
  });

  it('chooses a VPC block in RFC 1918 around corporate ranges when none is given', () => {
    const plan = planAllocation({ vpcPrefix: 16, tiers: [{ name: 'private', prefix: 24 }], azCount: 2, avoid: [block('10.0.0.0/15'), block('10.2.0.0/16')] });
    expect(plan.vpcCidr).toBe('10.3.0.0/16');
    expect(plan.findings).toEqual([]);
  });

  it('says plainly when the space runs out', () => {
    let error: unknown;
    try {
      planAllocation({ vpcCidr: '10.0.0.0/24', tiers: [{ name: 'private', prefix: 25 }], azCount: 3 });
    } catch (e) {
      error = e;
    }
    expect(isPlannerError(error) && error.code).toBe('no-space');
  });

  it('rejects bad requests with the path', () => {
    expect(() => planAllocation({ vpcCidr: '10.0.0.0/16', tiers: [{ name: 'private', prefix: 30 }], azCount: 2 })).toThrowError(/\/16 to \/28/);
    expect(() => planAllocation({ vpcCidr: '10.0.0.0/16', tiers: [{ name: 'private' }], azCount: 2 })).toThrowError(/hosts/);
    expect(() => planAllocation({ vpcCidr: '10.0.0.1/16', tiers: [{ name: 'private', prefix: 24 }], azCount: 2 })).toThrowError(/host bits/);
    expect(() => planAllocation({ vpcCidr: '10.0.0.0/16', tiers: [], azCount: 2 })).toThrowError(/no tiers/);
  });

  it('round-trips: plan, then spec, then check gives no error (property)', () => {
    const tier = fc.record({ hosts: fc.integer({ min: 1, max: 3000 }) });
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 20 }),
        fc.integer({ min: 1, max: 3 }),
        tier,
        tier,
        fc.integer({ min: 0, max: 2 }),
        (vpcPrefix, azCount, p, d, reserveAzs) => {
          let plan;
          try {
            plan = planAllocation({
              vpcPrefix,
              tiers: [
                { name: 'private', ...p },
                { name: 'database', ...d },
              ],
              azCount,
              reserveAzs,
            });
          } catch (error) {
            if (isPlannerError(error) && error.code === 'no-space') return;
            throw error;
          }
          const all = [...plan.subnets, ...plan.reserved].map((s) => block(s.cidr));
          for (let i = 0; i < all.length; i++) {
            expect(contains(block(plan.vpcCidr), all[i]!)).toBe(true);
            for (let j = 0; j < i; j++) expect(overlaps(all[i]!, all[j]!)).toBe(false);
          }
          const spec = { namePrefix: 'artos-plan', ...planToSpecFields(plan) };
          const validated = validateSpec(spec);
          expect(validated.issues.filter((i) => i.severity === 'error')).toEqual([]);
          expect(checkAllocation(allocationFromSpec(spec)).errors).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
