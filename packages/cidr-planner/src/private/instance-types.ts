import { INSTANCE_TYPE_ROWS } from './instance-types-data.js';

/**
 * What the VPC CNI needs to know about an instance type. Source: the VPC CNI's generated limits
 * (aws/amazon-vpc-cni-k8s `pkg/vpc/vpc_ip_resource_limit.go`, from EC2 DescribeInstanceTypes);
 * see `instance-types-data.ts` for the commit and `scripts/generate-instance-types.ts`.
 */
export interface InstanceTypeInfo {
  readonly instanceType: string;
  readonly vCpus: number;
  /** Network interfaces on the default network card (the only card the VPC CNI uses for pods). */
  readonly enis: number;
  readonly ipv4PerEni: number;
  readonly networkCards: number;
  /** `nitro` types support prefix delegation. */
  readonly hypervisor: string;
}

const BY_NAME: ReadonlyMap<string, InstanceTypeInfo> = new Map(
  INSTANCE_TYPE_ROWS.map(([instanceType, vCpus, enis, ipv4PerEni, networkCards, hypervisor]) => [
    instanceType,
    { instanceType, vCpus, enis, ipv4PerEni, networkCards, hypervisor },
  ]),
);

/** Every instance type in the table, by name. */
export function instanceTypes(): readonly InstanceTypeInfo[] {
  return [...BY_NAME.values()];
}

export function findInstanceType(name: string): InstanceTypeInfo | undefined {
  return BY_NAME.get(name);
}

/** Addresses in one delegated prefix (an IPv4 /28). */
export const IPS_PER_PREFIX = 16;

/**
 * Pods the VPC CNI can address on one node, before any ceiling: amazon-eks-ami's
 * `max-pods-calculator.sh` and `eni-max-pods.txt` — the first address of each ENI is the ENI's own,
 * and two host-network pods (aws-node, kube-proxy) need none:
 *
 *   secondary IPs:     ENIs × (IPv4 per ENI − 1) + 2
 *   prefix delegation: ENIs × ((IPv4 per ENI − 1) × 16) + 2
 *
 * With custom networking the primary ENI holds no pod: one ENI fewer.
 */
export function eniMaxPods(enis: number, ipv4PerEni: number, options: { prefixDelegation?: boolean; customNetworking?: boolean } = {}): number {
  const forPods = enis - (options.customNetworking ? 1 : 0);
  return forPods * (ipv4PerEni - 1) * (options.prefixDelegation ? IPS_PER_PREFIX : 1) + 2;
}

/** The kubelet's own default, and the ceiling EKS applies to nodes with 30 vCPUs or fewer. */
export const MAX_PODS_CEILING_LOW_CPU = 110;
/** The ceiling above 30 vCPUs. */
export const MAX_PODS_CEILING_HIGH_CPU = 250;

/**
 * The ceiling `max-pods-calculator.sh` applies (`if [ "$CPU_COUNT" -gt 30 ]`: 250, else 110, so a
 * 30-vCPU type gets 110), as EKS managed node groups without a custom AMI enforce it ("Choose an
 * optimal Amazon EC2 node instance type", Amazon EKS User Guide). nodeadm alone (self-managed
 * AL2023 nodes) sets ENIs × (IPv4 per ENI − 1) + 2 with no ceiling and no prefix delegation.
 */
export function maxPodsCeiling(vCpus: number): number {
  return vCpus > 30 ? MAX_PODS_CEILING_HIGH_CPU : MAX_PODS_CEILING_LOW_CPU;
}

/** Max pods on one node, and the two figures it is the lesser of. */
export interface NodeMaxPods {
  /** What the ENIs allow (`eniMaxPods` for the CNI mode), before the ceiling. */
  readonly eniLimit: number;
  /** The ceiling applied: the caller's cap, or the one the vCPUs choose (110 without a vCPU count). */
  readonly ceiling: number;
  /** min(eniLimit, ceiling): the figure every other number of a capacity report is built on. */
  readonly maxPods: number;
}

/**
 * The one place the planner computes max pods per node: `eksCapacity`'s header figure and its
 * per-subnet rows both read it, so they cannot disagree (they did: 110 in the header, 16 in the rows).
 */
export function nodeMaxPods(
  shape: { readonly enis: number; readonly ipv4PerEni: number; readonly vCpus?: number | undefined },
  options: { readonly prefixDelegation?: boolean; readonly customNetworking?: boolean; readonly maxPodsCap?: number | undefined } = {},
): NodeMaxPods {
  const eniLimit = eniMaxPods(shape.enis, shape.ipv4PerEni, options);
  const ceiling = options.maxPodsCap ?? (shape.vCpus !== undefined ? maxPodsCeiling(shape.vCpus) : MAX_PODS_CEILING_LOW_CPU);
  return { eniLimit, ceiling, maxPods: Math.min(eniLimit, ceiling) };
}
