import { formatIpv4, parseIpv4Cidr, tierSubnets, TRAFFIC_PATH_BY_VIA, type GroupRole, type NetworkSpec, type OutsideRange } from '@artos/model';

/**
 * Where the sample network's workloads live: ENIs in the spec's subnets with the catalog groups
 * the constructs attach, and the addresses on them. EKS pods take secondary IPv4 addresses of
 * their node's ENI, as the Amazon VPC CNI plugin does (EKS user guide, "Amazon VPC CNI"), so a
 * pod's packets leave through the node's ENI.
 */

export interface Eni {
  readonly id: string;
  readonly subnetId: string;
  readonly subnetCidr: string;
  readonly azId: string;
  /** The ENI's primary private address. */
  readonly primary: string;
  /** Catalog roles of the ENI's security groups ([] = only groups outside the catalog). */
  readonly groups: readonly GroupRole[];
  /** `-` for a requester-managed ENI (endpoints, RDS, load balancers), as AWS logs it. */
  readonly instanceId: string;
  readonly role: string;
}

export type WorkloadKind = 'node' | 'pod' | 'eks-cluster' | 'rds' | 'endpoint' | 'alb-frontend' | 'alb-internal' | 'outside';

export interface Workload {
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly address: string;
  /** The ENI the workload's packets use; `undefined` outside the VPC. */
  readonly eni: Eni | undefined;
  /** Outside the VPC: the `traffic-path` of egress toward it (3 VPN, 4 peering, 7 S3 gateway endpoint). */
  readonly path?: number;
}

export type { OutsideRange };

export interface Placement {
  readonly vpcId: string;
  readonly enis: readonly Eni[];
  readonly nodes: readonly Workload[];
  readonly pods: readonly Workload[];
  readonly clusterEnis: readonly Workload[];
  readonly rds: readonly Workload[];
  readonly endpoints: readonly Workload[];
  readonly albFrontend: readonly Workload[];
  readonly albInternal: readonly Workload[];
  /** A node launched without the eks-nodes group (a misconfigured launch template), and its pods. */
  readonly strayNode: Workload | undefined;
  readonly strayPods: readonly Workload[];
  readonly outsideRanges: readonly OutsideRange[];
}

export interface PlacementOptions {
  /** @default 3 */
  readonly nodesPerSubnet?: number;
  /** @default 4 */
  readonly podsPerNode?: number;
  /** Place the stray node (for the rogue-pod incident). @default true */
  readonly strayNode?: boolean;
  readonly outsideRanges: readonly OutsideRange[];
}

/** A stable id from a text: the same spec gives the same ids. */
export function stableId(prefix: string, text: string, digits = 17): string {
  let h1 = 2166136261;
  let h2 = 5381;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619) >>> 0;
    h2 = (Math.imul(h2, 33) + text.charCodeAt(i)) >>> 0;
  }
  return `${prefix}-${(h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0') + '0').slice(0, digits)}`;
}

/** Hands out the usable addresses of a subnet in order: AWS reserves the first four and the last. */
class SubnetAddresses {
  private next = 4;
  private readonly base: number;
  private readonly size: number;
  constructor(readonly cidr: string) {
    const parsed = parseIpv4Cidr(cidr);
    if (!parsed.ok) throw new TypeError(`not a CIDR: ${cidr}`);
    this.base = parsed.cidr.base;
    this.size = 2 ** (32 - parsed.cidr.prefix);
  }
  take(): string | undefined {
    if (this.next >= this.size - 1) return undefined;
    return formatIpv4(this.base + this.next++);
  }
}

export function placeWorkloads(spec: NetworkSpec, options: PlacementOptions): Placement {
  const nodesPerSubnet = options.nodesPerSubnet ?? 3;
  const podsPerNode = options.podsPerNode ?? 4;
  const vpcId = spec.vpcId ?? stableId('vpc', spec.namePrefix);
  const enis: Eni[] = [];
  const subnet = (tier: 'private' | 'database', index: number, cidr: string) => ({
    addresses: new SubnetAddresses(cidr),
    subnetId: tierSubnets(spec, tier)[index]?.id ?? stableId('subnet', `${spec.namePrefix}/${cidr}`),
    cidr,
    azId: `az${index + 1}`,
  });
  type Subnet = ReturnType<typeof subnet>;
  const addEni = (s: Subnet, role: string, groups: GroupRole[], instance: boolean): Eni | undefined => {
    const primary = s.addresses.take();
    if (primary === undefined) return undefined;
    const eni: Eni = {
      id: stableId('eni', `${spec.namePrefix}/${role}/${primary}`),
      subnetId: s.subnetId,
      subnetCidr: s.cidr,
      azId: s.azId,
      primary,
      groups,
      instanceId: instance ? stableId('i', `${spec.namePrefix}/${primary}`) : '-',
      role,
    };
    enis.push(eni);
    return eni;
  };
  const workload = (kind: WorkloadKind, name: string, eni: Eni | undefined, address = eni?.primary): Workload[] =>
    eni && address ? [{ kind, name, address, eni }] : [];

  const privates = spec.privateSubnetCidrs.map((c, i) => subnet('private', i, c));
  const databases = spec.databaseSubnetCidrs.map((c, i) => subnet('database', i, c));
  const nodes: Workload[] = [];
  const pods: Workload[] = [];
  const placeNode = (s: Subnet, name: string, groups: GroupRole[], into: { nodes: Workload[]; pods: Workload[] }) => {
    const eni = addEni(s, 'eks-node', groups, true);
    const node = workload('node', name, eni);
    into.nodes.push(...node);
    if (!eni) return;
    for (let p = 0; p < podsPerNode; p++) {
      const address = s.addresses.take();
      if (address) into.pods.push({ kind: 'pod', name: `${name}/pod-${p + 1}`, address, eni });
    }
  };
  privates.forEach((s, i) => {
    for (let n = 0; n < nodesPerSubnet; n++) placeNode(s, `node-${i + 1}${String.fromCharCode(97 + n)}`, ['eks-nodes'], { nodes, pods });
  });
  // EKS places its control-plane ENIs in two of the cluster's subnets.
  const clusterEnis = privates
    .slice(0, 2)
    .flatMap((s, i) => workload('eks-cluster', `eks-control-plane-${i + 1}`, addEni(s, 'eks-cluster', ['eks-cluster'], false)));
  const albFrontend = privates
    .slice(0, 2)
    .flatMap((s, i) => workload('alb-frontend', `alb-frontend-${i + 1}`, addEni(s, 'alb-frontend', ['alb-frontend'], false)));
  const albInternal = privates
    .slice(0, 2)
    .flatMap((s, i) => workload('alb-internal', `alb-internal-${i + 1}`, addEni(s, 'alb-internal', ['alb-internal'], false)));
  // An interface endpoint has one ENI in each subnet it is placed in.
  const services = spec.enableVpcEndpoints ? spec.interfaceEndpointServices : [];
  const endpoints = services.flatMap((service) =>
    privates.flatMap((s) => workload('endpoint', service, addEni(s, `vpce-${service}`, ['vpc-endpoints'], false))),
  );
  // RDS Multi-AZ: a primary and a standby ENI in the database subnets.
  const rds = databases.slice(0, 2).flatMap((s, i) => workload('rds', i === 0 ? 'rds-primary' : 'rds-standby', addEni(s, 'rds', ['rds'], false)));
  const stray = { nodes: [] as Workload[], pods: [] as Workload[] };
  const last = privates[privates.length - 1];
  if ((options.strayNode ?? true) && last) placeNode(last, 'node-stray', [], stray);
  return {
    vpcId,
    enis,
    nodes,
    pods,
    clusterEnis,
    rds,
    endpoints,
    albFrontend,
    albInternal,
    strayNode: stray.nodes[0],
    strayPods: stray.pods,
    outsideRanges: options.outsideRanges,
  };
}

/** The n-th host of an outside range, as a workload without an ENI in this VPC. */
export function outsideHost(range: OutsideRange, offset: number, name: string): Workload {
  const parsed = parseIpv4Cidr(range.cidr);
  if (!parsed.ok) throw new TypeError(`outside range ${range.name}: not a CIDR: ${range.cidr}`);
  return { kind: 'outside', name, address: formatIpv4(parsed.cidr.base + offset), eni: undefined, path: TRAFFIC_PATH_BY_VIA[range.via] };
}
