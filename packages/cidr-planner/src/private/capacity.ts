import { awsUsable, blockSize, parseBlock, type Block } from './block.js';
import { PlannerError } from './errors.js';
import { finding, type Finding } from './finding.js';

/** How the VPC CNI gives pods addresses. */
export type CniMode = 'secondary-ip' | 'prefix-delegation';

export interface CapacityInput {
  /** The private subnets that hold the nodes. */
  readonly subnets: readonly string[];
  readonly mode: CniMode;
  /** ENIs the instance type can attach (e.g. m5.large: 3). */
  readonly enisPerNode: number;
  /** IPv4 addresses per ENI for the instance type (e.g. m5.large: 10). */
  readonly ipsPerEni: number;
  /**
   * Pod limit per node with prefix delegation (EKS recommends 110 below 30 vCPUs, 250 above).
   * @default 110
   */
  readonly maxPodsCap?: number;
  /** A stated cluster size to check against. @default - none */
  readonly cluster?: { readonly nodes?: number; readonly pods?: number };
}

export interface SubnetCapacity {
  readonly cidr: string;
  readonly usable: number;
  readonly maxNodes: number;
  readonly maxPods: number;
}

export interface CapacityReport {
  readonly mode: CniMode;
  readonly maxPodsPerNode: number;
  /** Addresses one node holds at full allocation (secondary IP) or its primary plus one /28. */
  readonly addressesPerNode: number;
  readonly subnets: readonly SubnetCapacity[];
  readonly maxNodes: number;
  readonly maxPods: number;
  readonly findings: readonly Finding[];
}

const PREFIX_SIZE = 16; // a /28

/** Aligned /28 blocks of a subnet that hold none of AWS's five reserved addresses. */
function usablePrefixes(b: Block): number {
  const count = Number(blockSize(b)) / PREFIX_SIZE;
  return Math.max(0, count - 2); // the first holds .0-.3, the last the broadcast address
}

function subnetCapacity(b: Block, input: CapacityInput, maxPodsPerNode: number): SubnetCapacity {
  const usable = Number(awsUsable(b));
  if (input.mode === 'secondary-ip') {
    // The CNI's default warm pool (WARM_ENI_TARGET=1) keeps whole ENIs: plan for full allocation.
    const perNode = input.enisPerNode * input.ipsPerEni;
    const maxNodes = Math.floor(usable / perNode);
    return { cidr: b.text, usable, maxNodes, maxPods: maxNodes * maxPodsPerNode };
  }
  // Prefix delegation: each node needs its primary address (packed 16 to a /28) and /28 prefixes.
  const prefixes = usablePrefixes(b);
  let maxNodes = 0;
  while (maxNodes + 1 + Math.ceil((maxNodes + 1) / PREFIX_SIZE) <= prefixes) maxNodes++;
  const podPrefixes = prefixes - Math.ceil(maxNodes / PREFIX_SIZE);
  const maxPods = Math.min(maxNodes * maxPodsPerNode, podPrefixes * PREFIX_SIZE);
  return { cidr: b.text, usable, maxNodes, maxPods };
}

/** How many EKS nodes and pods the private subnets hold with the VPC CNI. */
export function eksCapacity(input: CapacityInput): CapacityReport {
  if (!Number.isInteger(input.enisPerNode) || input.enisPerNode < 1 || !Number.isInteger(input.ipsPerEni) || input.ipsPerEni < 2) {
    throw new PlannerError('bad-request', 'give the instance type ENI limits: whole numbers, at least 1 ENI and 2 addresses per ENI', 'e.g. m5.large: --enis 3 --ips-per-eni 10', 'enisPerNode');
  }
  const blocks = input.subnets.map((text, i) => {
    const parsed = parseBlock(text);
    if (!parsed.ok || parsed.block.family !== 4) throw new PlannerError('bad-input', `subnet ${text}: ${parsed.ok ? 'IPv6 subnets give every pod an address; no IPv4 limit applies' : parsed.message}`, 'give IPv4 private subnet CIDRs', `subnets[${i}]`);
    return parsed.block;
  });
  const secondaryMaxPods = input.enisPerNode * (input.ipsPerEni - 1) + 2;
  const maxPodsPerNode =
    input.mode === 'secondary-ip' ? secondaryMaxPods : Math.min(input.maxPodsCap ?? 110, input.enisPerNode * (input.ipsPerEni - 1) * PREFIX_SIZE + 2);
  const subnets = blocks.map((b) => subnetCapacity(b, input, maxPodsPerNode));
  const maxNodes = subnets.reduce((s, x) => s + x.maxNodes, 0);
  const maxPods = subnets.reduce((s, x) => s + x.maxPods, 0);
  const findings: Finding[] = [];
  const cluster = input.cluster;
  const cidrs = subnets.map((s) => s.cidr);
  if (cluster?.nodes !== undefined && cluster.nodes > maxNodes) {
    findings.push(finding('capacity', 'warning', 'capacity', cidrs, `${cluster.nodes} nodes do not fit: the private subnets hold ${maxNodes} nodes (${input.mode}, ${input.enisPerNode} ENIs × ${input.ipsPerEni} addresses per node)`, input.mode === 'secondary-ip' ? 'enable prefix delegation, use larger private subnets (e.g. /20), or add a secondary VPC CIDR for pods' : 'use larger private subnets or add a secondary VPC CIDR for pods'));
  }
  if (cluster?.pods !== undefined && cluster.pods > maxPods) {
    findings.push(finding('capacity', 'warning', 'capacity', cidrs, `${cluster.pods} pods do not fit: the private subnets hold ${maxPods} pods at most (${maxPodsPerNode} per node)`, 'use larger private subnets (e.g. /20) or prefix delegation'));
  }
  if (cluster?.nodes !== undefined && cluster.pods !== undefined && cluster.pods > cluster.nodes * maxPodsPerNode) {
    findings.push(finding('capacity', 'warning', 'capacity', [], `${cluster.pods} pods on ${cluster.nodes} nodes exceed ${maxPodsPerNode} pods per node`, 'add nodes or use prefix delegation'));
  }
  return {
    mode: input.mode,
    maxPodsPerNode,
    addressesPerNode: input.mode === 'secondary-ip' ? input.enisPerNode * input.ipsPerEni : 1 + PREFIX_SIZE,
    subnets,
    maxNodes,
    maxPods,
    findings,
  };
}
