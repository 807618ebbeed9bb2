import type { Connection } from './connection.js';
import type { Placement, Workload } from './workloads.js';
import type { Admits } from './admits.js';
import { S3 } from './incidents.js';

/**
 * The everyday traffic of an EKS cluster with RDS behind it, as connections between placed
 * workloads. Each kind names who talks to whom on which port; every connection is still judged
 * by the evaluator before it is logged.
 */
type Pick = <T>(list: readonly T[]) => T | undefined;
export type ConnectionShape = Omit<Connection, 'clientPort' | 'requestPackets' | 'requestBytes' | 'replyPackets' | 'replyBytes' | 'outcome'>;

interface Kind {
  readonly weight: number;
  readonly make: (pick: Pick, r: () => number) => ConnectionShape | undefined;
}

/** The cluster's NodePort services (a cluster exposes a handful, in 30000-32767). */
export const NODE_PORT_SERVICES: readonly number[] = [30080, 30443, 31000, 31380, 31390, 32080];

/** Services the nodes call through their interface endpoints (the rest stay idle). */
export const BUSY_ENDPOINT_SERVICES = 5;

export function backgroundKinds(placement: Placement, nodePorts: boolean, idle: ReadonlySet<string>, admits: Admits): Kind[] {
  const active = (list: readonly Workload[]) => list.filter((w) => w.eni && !idle.has(w.eni.id));
  const pods = active(placement.pods);
  const nodes = active(placement.nodes);
  const services = [...new Set(placement.endpoints.map((e) => e.name))].slice(0, BUSY_ENDPOINT_SERVICES);
  const endpoints = active(placement.endpoints).filter((e) => services.includes(e.name));
  const rds = active(placement.rds).slice(0, 1);
  const clusterEnis = active(placement.clusterEnis);
  const podsAndNodes = [...pods, ...nodes];
  const s3Reachable =
    nodes[0] !== undefined && admits({ source: { address: nodes[0].address }, destination: { address: S3.address }, port: 443, protocol: 6 }).admitted;
  const albFrontend = active(placement.albFrontend);
  const albInternal = active(placement.albInternal);
  const other = (list: readonly Workload[], from: Workload, pick: Pick) => pick(list.filter((w) => w.eni !== from.eni));
  const tcp = (client: Workload | undefined, server: Workload | undefined, port: number): ConnectionShape | undefined =>
    client && server ? { client, server, port, protocol: 6 } : undefined;
  const kinds: Kind[] = [
    { weight: 25, make: (pick) => tcp(pick(pods), pick(rds), 5432) },
    { weight: 20, make: (pick) => tcp(pick(podsAndNodes), pick(endpoints), 443) },
    { weight: 12, make: (pick) => tcp(pick(clusterEnis), pick(nodes), 10250) },
    { weight: 10, make: (pick) => tcp(pick(nodes), pick(clusterEnis), 443) },
    {
      weight: 12,
      make: (pick) => {
        const a = pick(pods);
        return a ? tcp(a, other(pods, a, pick), 8080) : undefined;
      },
    },
    {
      weight: 10,
      make: (pick) => {
        // CoreDNS runs as pods: cluster DNS is pod-to-pod UDP 53 (the VPC resolver is never logged).
        const a = pick(pods);
        const b = a ? other(pods, a, pick) : undefined;
        return a && b ? { client: a, server: b, port: 53, protocol: 17 } : undefined;
      },
    },
    {
      weight: nodePorts ? 5 : 0,
      make: (pick) => {
        const a = pick(nodes);
        return a ? tcp(a, other(nodes, a, pick), pick(NODE_PORT_SERVICES)!) : undefined;
      },
    },
    { weight: 4, make: (pick, r) => tcp(pick(albFrontend), pick(albInternal), r() < 0.5 ? 80 : 443) },
    { weight: 2, make: (pick) => tcp(pick(albInternal), pick(pods), 8080) },
    {
      // Image layers from S3 through the gateway endpoint (traffic-path 7), where the nodes may reach it.
      weight: s3Reachable ? 3 : 0,
      make: (pick) => {
        const node = pick(nodes);
        return node ? { client: node, server: S3, port: 443, protocol: 6, serverService: 'S3', pathOut: 7 } : undefined;
      },
    },
  ];
  return kinds.filter((k) => k.weight > 0);
}
