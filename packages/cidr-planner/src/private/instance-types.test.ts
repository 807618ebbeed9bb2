import { describe, expect, it } from 'vitest';
import { eniMaxPods, findInstanceType, instanceTypes, maxPodsCeiling } from './instance-types.js';
import { eksCapacity } from './capacity.js';

/**
 * Expected values: amazon-eks-ami `templates/shared/runtime/eni-max-pods.txt` at commit
 * 2377b69aaeb8d751af1a265c2bfbeb94e6f6da90 (27 Feb 2026, the file's last version before it was
 * removed from the AMI), copied by hand. The table under test comes from another source (the VPC
 * CNI's `vpc_ip_resource_limit.go`), so an agreement is not the code agreeing with itself.
 */
const ENI_MAX_PODS_TXT: Readonly<Record<string, number>> = {
  't3.medium': 17,
  't3.large': 35,
  'm5.large': 29,
  'm5.xlarge': 58,
  'm5.2xlarge': 58,
  'm5.4xlarge': 234,
  'm5.8xlarge': 234,
  'm5.24xlarge': 737,
  'm6i.large': 29,
  'm6a.48xlarge': 737,
  'm7g.xlarge': 58,
  'c5.9xlarge': 234,
  'c6g.medium': 8,
  'c6in.32xlarge': 394,
  'r6i.2xlarge': 58,
  'r7g.16xlarge': 737,
};

describe('instance type table', () => {
  it("gives eni-max-pods.txt's max pods for 16 instance types", () => {
    const computed = Object.fromEntries(
      Object.keys(ENI_MAX_PODS_TXT).map((name) => {
        const info = findInstanceType(name)!;
        return [name, eniMaxPods(info.enis, info.ipv4PerEni)];
      }),
    );
    expect(computed).toEqual(ENI_MAX_PODS_TXT);
  });

  it('covers the families EKS users run, with vCPUs and network cards', () => {
    expect(instanceTypes().length).toBeGreaterThan(150);
    expect(findInstanceType('m5.large')).toEqual({ instanceType: 'm5.large', vCpus: 2, enis: 3, ipv4PerEni: 10, networkCards: 1, hypervisor: 'nitro' });
    // c6in.32xlarge has two network cards; the VPC CNI uses the default card's 8 ENIs only.
    expect(findInstanceType('c6in.32xlarge')).toMatchObject({ vCpus: 128, enis: 8, networkCards: 2 });
  });
});

describe('max pods with prefix delegation', () => {
  // max-pods-calculator.sh (amazon-eks-ami, templates/al2023/runtime, commit a92d9fde):
  // `if [ "$CPU_COUNT" -gt 30 ]` → 250, else 110; EKS applies the same cap to managed node groups.
  it('caps at 110 up to 30 vCPUs (30 included) and 250 above', () => {
    expect([maxPodsCeiling(2), maxPodsCeiling(30), maxPodsCeiling(32)]).toEqual([110, 110, 250]);
    // m5.large: 3 × (10 − 1) × 16 + 2 = 434 uncapped → 110.
    expect(eksCapacity({ subnets: ['10.0.0.0/20', '10.0.16.0/20'], mode: 'prefix-delegation', instanceType: 'm5.large' }).maxPodsPerNode).toBe(110);
    // m5.8xlarge: 32 vCPUs → 250; c5.9xlarge: 36 vCPUs → 250.
    expect(eksCapacity({ subnets: ['10.0.0.0/20', '10.0.16.0/20'], mode: 'prefix-delegation', instanceType: 'm5.8xlarge' }).maxPodsPerNode).toBe(250);
    expect(eksCapacity({ subnets: ['10.0.0.0/20', '10.0.16.0/20'], mode: 'prefix-delegation', instanceType: 'c5.9xlarge' }).maxPodsPerNode).toBe(250);
  });

  it('also caps secondary IPs the same way (m5.24xlarge: 737 → 250), and t3.medium stays at 17', () => {
    const big = eksCapacity({ subnets: ['10.0.0.0/20', '10.0.16.0/20'], mode: 'secondary-ip', instanceType: 'm5.24xlarge' });
    expect([big.eniMaxPods, big.maxPodsPerNode]).toEqual([737, 250]);
    expect(eksCapacity({ subnets: ['10.0.0.0/20', '10.0.16.0/20'], mode: 'secondary-ip', instanceType: 't3.medium' }).maxPodsPerNode).toBe(17);
  });
});

describe('capacity around interface endpoints and AZs', () => {
  it('counts one address per interface endpoint in each subnet', () => {
    // /24: 256 − 5 = 251; ten endpoints leave 241; m5.large holds 30 addresses: 8 nodes either way.
    const r = eksCapacity({ subnets: ['10.0.10.0/24', '10.0.20.0/24'], mode: 'secondary-ip', instanceType: 'm5.large', interfaceEndpointsPerSubnet: 10 });
    expect(r.subnets.map((s) => [s.usable, s.endpointAddresses, s.maxNodes])).toEqual([
      [241, 10, 8],
      [241, 10, 8],
    ]);
    // /26: 64 − 5 = 59 → 1 node of 30; 59 − 10 = 49 → still 1; with 30 endpoints 29 → 0.
    expect(
      eksCapacity({ subnets: ['10.0.0.0/26', '10.0.0.64/26'], mode: 'secondary-ip', instanceType: 'm5.large', interfaceEndpointsPerSubnet: 30 }).maxNodes,
    ).toBe(0);
  });

  it('takes a /28 out of delegation for each endpoint ENI, at worst', () => {
    // /24: 16 /28s, 2 hold reserved addresses, 10 endpoints take 10 more: 4 left, fewer than the
    // 7 /28s (and a /28 for primaries) an m5.large at 110 pods holds → no node.
    const r = eksCapacity({ subnets: ['10.0.10.0/24', '10.0.20.0/24'], mode: 'prefix-delegation', instanceType: 'm5.large', interfaceEndpointsPerSubnet: 10 });
    expect(r.subnets[0]).toMatchObject({ maxNodes: 0, maxPods: 0 });
    expect(r.findings.map((f) => f.message)).toEqual([
      'the private subnets hold no node at 110 pods per node: one needs 7 /28 prefixes and 1 more address of its subnet (prefix-delegation, m5.large: 3 ENIs × 10 addresses per node)',
    ]);
    // A lower max pods per node (kubelet maxPods) takes fewer /28s: 16 pods, one /28 each.
    const capped = eksCapacity({
      subnets: ['10.0.10.0/24', '10.0.20.0/24'],
      mode: 'prefix-delegation',
      instanceType: 'm5.large',
      interfaceEndpointsPerSubnet: 10,
      maxPodsCap: 16,
    });
    expect([capped.maxPodsPerNode, capped.subnets[0]!.maxNodes, capped.findings.length]).toEqual([16, 3, 0]);
    // /22: 64 − 2 − 10 = 52 /28s → 7 nodes (49 /28s + 1 for primaries; 8 would need 57); without endpoints 62 → 8 (9 would need 64).
    const wide = eksCapacity({ subnets: ['10.0.0.0/22', '10.0.4.0/22'], mode: 'prefix-delegation', instanceType: 'm5.large', interfaceEndpointsPerSubnet: 10 });
    expect(wide.subnets[0]).toMatchObject({ maxNodes: 7, maxPods: 770 });
    expect(eksCapacity({ subnets: ['10.0.0.0/22', '10.0.4.0/22'], mode: 'prefix-delegation', instanceType: 'm5.large' }).subnets[0]!.maxNodes).toBe(8);
  });

  it('warns that EKS needs subnets in two AZs (the development preset has one)', () => {
    const r = eksCapacity({ subnets: ['10.1.10.0/24'], mode: 'secondary-ip', instanceType: 'm5.large' });
    expect(r.findings.map((f) => f.code)).toEqual(['eks-single-az']);
  });

  it('names an unknown instance type and asks for its limits', () => {
    expect(() => eksCapacity({ subnets: ['10.0.0.0/24', '10.0.1.0/24'], mode: 'secondary-ip', instanceType: 'm99.large' })).toThrowError(
      /not in the planner's table/,
    );
  });
});
