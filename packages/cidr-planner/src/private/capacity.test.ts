import { describe, expect, it } from 'vitest';
import { eksCapacity } from './capacity.js';

// m5.large: 3 ENIs, 10 IPv4 addresses each; AWS's eni-max-pods gives 29 pods.
const M5_LARGE = { enisPerNode: 3, ipsPerEni: 10 };
const SEED_PRIVATE = ['10.0.10.0/24', '10.0.20.0/24'];

describe('eksCapacity', () => {
  it('computes the VPC CNI max pods for secondary IPs', () => {
    const report = eksCapacity({ subnets: SEED_PRIVATE, mode: 'secondary-ip', ...M5_LARGE });
    expect(report.maxPodsPerNode).toBe(29);
    expect(report.addressesPerNode).toBe(30);
    expect(report.subnets.map((s) => s.maxNodes)).toEqual([8, 8]); // floor(251 / 30)
    expect(report.maxPods).toBe(16 * 29);
  });

  it("warns when the seed's /24 private subnets run out for a stated cluster", () => {
    const report = eksCapacity({ subnets: SEED_PRIVATE, mode: 'secondary-ip', ...M5_LARGE, cluster: { nodes: 20, pods: 300 } });
    expect(report.findings.map((f) => f.message)).toEqual(['20 nodes do not fit: the private subnets hold 16 nodes (secondary-ip, 3 ENIs × 10 addresses per node)']);
    const fits = eksCapacity({ subnets: SEED_PRIVATE, mode: 'secondary-ip', ...M5_LARGE, cluster: { nodes: 10, pods: 200 } });
    expect(fits.findings).toEqual([]);
  });

  it('counts /28 prefixes with prefix delegation, leaving out those holding reserved addresses', () => {
    const report = eksCapacity({ subnets: ['10.0.10.0/24'], mode: 'prefix-delegation', ...M5_LARGE });
    expect(report.maxPodsPerNode).toBe(110);
    // 16 /28s, 2 hold reserved addresses: 14; 13 nodes use 1 /28 for primaries and 13 for pods.
    expect(report.subnets[0]).toMatchObject({ maxNodes: 13, maxPods: 13 * 16 });
  });

  it('rejects nonsense ENI limits and IPv6 subnets', () => {
    expect(() => eksCapacity({ subnets: SEED_PRIVATE, mode: 'secondary-ip', enisPerNode: 0, ipsPerEni: 10 })).toThrowError(/ENI limits/);
    expect(() => eksCapacity({ subnets: ['2001:db8::/64'], mode: 'secondary-ip', ...M5_LARGE })).toThrowError(/IPv6/);
  });
});
