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
    expect(report.findings.map((f) => f.message)).toEqual([
      '20 nodes do not fit: the private subnets hold 16 nodes (secondary-ip, 3 ENIs × 10 addresses per node)',
    ]);
    const fits = eksCapacity({ subnets: SEED_PRIVATE, mode: 'secondary-ip', ...M5_LARGE, cluster: { nodes: 10, pods: 200 } });
    expect(fits.findings).toEqual([]);
  });

  it('counts /28 prefixes with prefix delegation, leaving out those holding reserved addresses', () => {
    const report = eksCapacity({ subnets: ['10.0.10.0/24'], mode: 'prefix-delegation', ...M5_LARGE });
    expect(report.maxPodsPerNode).toBe(110);
    // 110 pods: ⌈110 / 16⌉ = 7 /28s on the primary ENI (9 per ENI), and that ENI's own address.
    expect([report.enisPerNode, report.prefixesPerNode, report.addressesPerNode]).toEqual([1, 7, 113]);
    // 16 /28s, 2 hold reserved addresses: 14. One node takes 7 and a /28 for primaries; two would need 15.
    expect(report.subnets[0]).toMatchObject({ maxNodes: 1, maxPods: 110 });
    // A /20: 256 /28s − 2 = 254; 35 nodes take 245 /28s + 3 for their primaries = 248; 36 would need 255.
    expect(eksCapacity({ subnets: ['10.0.0.0/20'], mode: 'prefix-delegation', ...M5_LARGE }).subnets[0]).toMatchObject({ maxNodes: 35, maxPods: 35 * 110 });
  });

  // Issue 15: `cidr capacity --mode prefix-delegation` said 110 pods per node in the header and
  // computed 16 per node in the rows. Every row must be nodes × the header's figure.
  it.each([
    ['secondary-ip', 'm5.large'],
    ['secondary-ip', 'm5.4xlarge'],
    ['secondary-ip', 'c6in.32xlarge'],
    ['prefix-delegation', 'm5.large'],
    ['prefix-delegation', 't3.medium'],
    ['prefix-delegation', 'c5.9xlarge'],
    ['prefix-delegation', 'm7g.16xlarge'],
  ] as const)('%s on %s: each row is its nodes × the per-node max pods the header states', (mode, instanceType) => {
    for (const subnets of [
      ['10.0.10.0/24', '10.0.20.0/24'],
      ['10.0.0.0/20', '10.0.16.0/20'],
      ['10.0.0.0/18', '10.0.64.0/18'],
    ]) {
      for (const interfaceEndpointsPerSubnet of [0, 10]) {
        const r = eksCapacity({ subnets, mode, instanceType, interfaceEndpointsPerSubnet });
        for (const row of r.subnets) expect(row.maxPods).toBe(row.maxNodes * r.maxPodsPerNode);
        expect(r.maxPods).toBe(r.maxNodes * r.maxPodsPerNode);
        // The nodes counted hold what `maxPodsPerNode` pods need: at least that many pod addresses.
        const podAddresses = mode === 'secondary-ip' ? r.enisPerNode * (r.instanceType!.ipv4PerEni - 1) : r.prefixesPerNode * 16;
        expect(podAddresses).toBeGreaterThanOrEqual(Math.min(r.maxPodsPerNode, r.eniLimit - 2));
      }
    }
  });

  it('rejects nonsense ENI limits and IPv6 subnets', () => {
    expect(() => eksCapacity({ subnets: SEED_PRIVATE, mode: 'secondary-ip', enisPerNode: 0, ipsPerEni: 10 })).toThrowError(/ENI limits/);
    expect(() => eksCapacity({ subnets: ['2001:db8::/64'], mode: 'secondary-ip', ...M5_LARGE })).toThrowError(/IPv6/);
  });
});
