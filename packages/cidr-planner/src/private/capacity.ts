import { awsUsable, blockSize, parseBlock, type Block } from './block.js';
import { PlannerError } from './errors.js';
import { finding, type Finding } from './finding.js';
import { IPS_PER_PREFIX, eniMaxPods, findInstanceType, nodeMaxPods, type InstanceTypeInfo } from './instance-types.js';

/** How the VPC CNI gives pods addresses. */
export type CniMode = 'secondary-ip' | 'prefix-delegation';

export interface CapacityInput {
  /** The private subnets that hold the nodes, one per AZ. */
  readonly subnets: readonly string[];
  readonly mode: CniMode;
  /**
   * The node instance type, looked up in the planner's table (`instanceTypes()`).
   * @default - give `enisPerNode` and `ipsPerEni` instead
   */
  readonly instanceType?: string;
  /** ENIs the instance type can attach (e.g. m5.large: 3). @default - from `instanceType` */
  readonly enisPerNode?: number;
  /** IPv4 addresses per ENI for the instance type (e.g. m5.large: 10). @default - from `instanceType` */
  readonly ipsPerEni?: number;
  /**
   * The instance type's vCPUs, which choose the pod ceiling (110 up to 30 vCPUs, 250 above).
   * @default - from `instanceType`; without one, the 110 ceiling
   */
  readonly vCpus?: number;
  /**
   * Pod ceiling per node, instead of the one the vCPUs choose.
   * @default - 110 at 30 vCPUs or fewer, 250 above (max-pods-calculator.sh, EKS managed node groups)
   */
  readonly maxPodsCap?: number;
  /**
   * Interface endpoints in each of these subnets: each has one ENI, so one address, per subnet
   * (the spec's `interfaceEndpointServices` when endpoints are on).
   * @default 0
   */
  readonly interfaceEndpointsPerSubnet?: number;
  /** A stated cluster size to check against. @default - none */
  readonly cluster?: { readonly nodes?: number; readonly pods?: number };
}

export interface SubnetCapacity {
  readonly cidr: string;
  /** Addresses left after AWS's five and the interface endpoints' ENIs. */
  readonly usable: number;
  /** Addresses the interface endpoints take. */
  readonly endpointAddresses: number;
  /** Nodes that fit, each holding the addresses of a node at `maxPodsPerNode` pods. */
  readonly maxNodes: number;
  /** maxNodes × the report's `maxPodsPerNode`. */
  readonly maxPods: number;
}

export interface CapacityReport {
  readonly mode: CniMode;
  readonly instanceType: InstanceTypeInfo | undefined;
  /** eni-max-pods.txt's figure: ENIs × (IPv4 per ENI − 1) + 2, no ceiling. */
  readonly eniMaxPods: number;
  /** What the ENIs allow in this mode, before the ceiling (with prefix delegation: × 16 per address). */
  readonly eniLimit: number;
  readonly maxPodsCeiling: number;
  /** `nodeMaxPods`: the figure the header says and every row multiplies. */
  readonly maxPodsPerNode: number;
  /** ENIs a node attaches to hold `maxPodsPerNode` pod addresses (each ENI's primary address is its own). */
  readonly enisPerNode: number;
  /** /28 prefixes a node holds with prefix delegation (0 with secondary IPs). */
  readonly prefixesPerNode: number;
  /** Addresses of the subnet one node holds at `maxPodsPerNode` pods. */
  readonly addressesPerNode: number;
  readonly subnets: readonly SubnetCapacity[];
  readonly maxNodes: number;
  readonly maxPods: number;
  readonly findings: readonly Finding[];
}

/**
 * Aligned /28 blocks of a subnet that can be delegated: none holding AWS's reserved addresses
 * (the first /28 holds .0-.3, the last the broadcast address), and, at worst, none holding an
 * interface endpoint's ENI (each may sit in a /28 of its own: "Increase the available IP
 * addresses for your Amazon EKS node" asks for contiguous /28s for this reason).
 */
function delegablePrefixes(b: Block, endpointAddresses: number): number {
  const count = Number(blockSize(b)) / IPS_PER_PREFIX;
  return Math.max(0, count - 2 - endpointAddresses);
}

/** What one node takes from its subnet when it runs `maxPods` pods. */
interface NodeFootprint {
  readonly enis: number;
  readonly prefixes: number;
  readonly addresses: number;
}

/**
 * The VPC CNI's ipamd stops growing a node's pool once it holds max-pods addresses
 * (aws/amazon-vpc-cni-k8s #2745, "Track max pods, simplify warm IP pool management"), so a node at
 * `maxPods` pods holds: with secondary IPs, enough ENIs for `maxPods` secondary addresses (each ENI
 * also has its own primary address); with prefix delegation, ⌈maxPods / 16⌉ /28 prefixes and the
 * primary address of each ENI that carries them.
 */
export function nodeFootprint(mode: CniMode, enis: number, ipsPerEni: number, maxPods: number): NodeFootprint {
  if (mode === 'secondary-ip') {
    const used = Math.min(enis, Math.ceil(maxPods / (ipsPerEni - 1)));
    return { enis: used, prefixes: 0, addresses: used * ipsPerEni };
  }
  const prefixes = Math.ceil(maxPods / IPS_PER_PREFIX);
  const used = Math.min(enis, Math.ceil(prefixes / (ipsPerEni - 1)));
  return { enis: used, prefixes, addresses: used + prefixes * IPS_PER_PREFIX };
}

function subnetCapacity(b: Block, mode: CniMode, node: NodeFootprint, maxPodsPerNode: number, endpoints: number): SubnetCapacity {
  const endpointAddresses = Math.min(endpoints, Number(awsUsable(b)));
  const usable = Number(awsUsable(b)) - endpointAddresses;
  let maxNodes: number;
  if (mode === 'secondary-ip') {
    maxNodes = Math.floor(usable / node.addresses);
  } else {
    // Prefix delegation: each node's /28s, and its ENIs' primary addresses packed 16 to a /28.
    const prefixes = delegablePrefixes(b, endpointAddresses);
    const fits = (n: number) => n * node.prefixes + Math.ceil((n * node.enis) / IPS_PER_PREFIX) <= prefixes;
    maxNodes = Math.floor((prefixes * IPS_PER_PREFIX) / (node.prefixes * IPS_PER_PREFIX + node.enis));
    while (maxNodes > 0 && !fits(maxNodes)) maxNodes--;
  }
  return { cidr: b.text, usable, endpointAddresses, maxNodes, maxPods: maxNodes * maxPodsPerNode };
}

function nodeShape(input: CapacityInput): { info: InstanceTypeInfo | undefined; enis: number; ips: number; vCpus: number | undefined } {
  const info = input.instanceType !== undefined ? findInstanceType(input.instanceType) : undefined;
  if (input.instanceType !== undefined && !info) {
    throw new PlannerError(
      'bad-request',
      `instance type ${input.instanceType} is not in the planner's table`,
      'give its limits instead: --enis N --ips-per-eni N --vcpus N (aws ec2 describe-instance-types)',
      'instanceType',
    );
  }
  const enis = input.enisPerNode ?? info?.enis;
  const ips = input.ipsPerEni ?? info?.ipv4PerEni;
  if (enis === undefined || ips === undefined || !Number.isInteger(enis) || enis < 1 || !Number.isInteger(ips) || ips < 2) {
    throw new PlannerError(
      'bad-request',
      'give an instance type, or its ENI limits: whole numbers, at least 1 ENI and 2 addresses per ENI',
      'e.g. --instance-type m5.large, or --enis 3 --ips-per-eni 10',
      'enisPerNode',
    );
  }
  return { info, enis, ips, vCpus: input.vCpus ?? info?.vCpus };
}

/** How many EKS nodes and pods the private subnets hold with the VPC CNI. */
export function eksCapacity(input: CapacityInput): CapacityReport {
  const { info, enis, ips, vCpus } = nodeShape(input);
  if (input.mode === 'prefix-delegation' && info && info.hypervisor !== 'nitro') {
    throw new PlannerError(
      'bad-request',
      `${info.instanceType} is not built on Nitro: prefix delegation needs a Nitro instance type`,
      'use --mode secondary-ip or a Nitro type (m5, c6i, ...)',
      'mode',
    );
  }
  const blocks = input.subnets.map((text, i) => {
    const parsed = parseBlock(text);
    if (!parsed.ok || parsed.block.family !== 4)
      throw new PlannerError(
        'bad-input',
        `subnet ${text}: ${parsed.ok ? 'IPv6 subnets give every pod an address; no IPv4 limit applies' : parsed.message}`,
        'give IPv4 private subnet CIDRs',
        `subnets[${i}]`,
      );
    return parsed.block;
  });
  const perNode = nodeMaxPods({ enis, ipv4PerEni: ips, vCpus }, { prefixDelegation: input.mode === 'prefix-delegation', maxPodsCap: input.maxPodsCap });
  const maxPodsPerNode = perNode.maxPods;
  const node = nodeFootprint(input.mode, enis, ips, maxPodsPerNode);
  const endpoints = input.interfaceEndpointsPerSubnet ?? 0;
  const subnets = blocks.map((b) => subnetCapacity(b, input.mode, node, maxPodsPerNode, endpoints));
  const maxNodes = subnets.reduce((s, x) => s + x.maxNodes, 0);
  const maxPods = subnets.reduce((s, x) => s + x.maxPods, 0);
  const findings: Finding[] = [];
  const cidrs = subnets.map((s) => s.cidr);
  const shape = `${info ? `${info.instanceType}: ` : ''}${enis} ENIs × ${ips} addresses per node`;
  if (blocks.length < 2) {
    // "Amazon EKS networking requirements for VPC and subnets": the subnets given to a cluster must be in at least two AZs.
    findings.push(
      finding(
        'capacity',
        'warning',
        'eks-single-az',
        cidrs,
        `the nodes' subnets are in ${blocks.length} AZ: an EKS cluster needs subnets in at least two AZs, so this network cannot host one as it stands`,
        'add a private subnet in a second AZ (availabilityZoneCount 2 or more)',
      ),
    );
  }
  const cluster = input.cluster;
  if (cluster?.nodes !== undefined && cluster.nodes > maxNodes) {
    findings.push(
      finding(
        'capacity',
        'warning',
        'capacity',
        cidrs,
        `${cluster.nodes} nodes do not fit: the private subnets hold ${maxNodes} nodes (${input.mode}, ${shape})`,
        input.mode === 'secondary-ip'
          ? 'enable prefix delegation, use larger private subnets (e.g. /20), or move pods to a secondary block (artos-net cidr plan --pods)'
          : 'use larger private subnets or move pods to a secondary block (artos-net cidr plan --pods)',
      ),
    );
  }
  if (maxNodes === 0 && blocks.length > 0 && cluster?.nodes === undefined) {
    const holds =
      input.mode === 'prefix-delegation'
        ? `${node.prefixes} /28 prefixes and ${node.enis} more address${node.enis === 1 ? '' : 'es'}`
        : `${node.addresses} addresses`;
    findings.push(
      finding(
        'capacity',
        'warning',
        'capacity',
        cidrs,
        `the private subnets hold no node at ${maxPodsPerNode} pods per node: one needs ${holds} of its subnet (${input.mode}, ${shape})`,
        input.mode === 'prefix-delegation'
          ? 'use larger private subnets (a /22 holds 7 nodes at 110 pods), a lower max pods per node (maxPodsCap, --max-pods), or move pods to a secondary block (artos-net cidr plan --pods)'
          : 'use larger private subnets or move pods to a secondary block (artos-net cidr plan --pods)',
      ),
    );
  }
  if (cluster?.pods !== undefined && cluster.pods > maxPods) {
    findings.push(
      finding(
        'capacity',
        'warning',
        'capacity',
        cidrs,
        `${cluster.pods} pods do not fit: the private subnets hold ${maxPods} pods at most (${maxPodsPerNode} per node)`,
        'use larger private subnets (e.g. /20) or prefix delegation',
      ),
    );
  }
  if (cluster?.nodes !== undefined && cluster.pods !== undefined && cluster.pods > cluster.nodes * maxPodsPerNode) {
    findings.push(
      finding(
        'capacity',
        'warning',
        'capacity',
        [],
        `${cluster.pods} pods on ${cluster.nodes} nodes exceed ${maxPodsPerNode} pods per node`,
        'add nodes or use prefix delegation',
      ),
    );
  }
  return {
    mode: input.mode,
    instanceType: info,
    eniMaxPods: eniMaxPods(enis, ips),
    eniLimit: perNode.eniLimit,
    maxPodsCeiling: perNode.ceiling,
    maxPodsPerNode,
    enisPerNode: node.enis,
    prefixesPerNode: node.prefixes,
    addressesPerNode: node.addresses,
    subnets,
    maxNodes,
    maxPods,
    findings,
  };
}
