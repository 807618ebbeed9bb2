import type { Admits } from './admits.js';
import type { Connection } from './connection.js';
import { outsideHost, type Placement, type Workload } from './workloads.js';
import type { IncidentId } from './incident-ids.js';

export { INCIDENT_IDS, type IncidentId } from './incident-ids.js';

/** One piece of an incident: a connection in an interval (a long one spans several), or a SKIPDATA record. */
export type IncidentStep =
  | { readonly kind: 'connection'; readonly interval: number; readonly connection: Connection; readonly part?: number }
  | { readonly kind: 'skipdata'; readonly interval: number; readonly eni: NonNullable<Workload['eni']> };

export interface PlannedIncident {
  readonly id: IncidentId;
  /** One line: what happens, between which addresses. */
  readonly summary: string;
  readonly steps: readonly IncidentStep[];
}

export interface SkippedIncident {
  readonly id: IncidentId;
  readonly reason: string;
}

/** An address of S3's public range (AWS ip-ranges.json, service S3, us-east-1: 52.216.0.0/15, the sample's prefix list). */
export const SAMPLE_S3_ADDRESS = '52.216.8.19';
export const S3: Workload = { kind: 'outside', name: 'Amazon S3', address: SAMPLE_S3_ADDRESS, eni: undefined, path: 7 };

/**
 * The identity provider the internal load balancer's OIDC authentication calls (an address of
 * TEST-NET-3, RFC 5737): outside every declared range, reachable only by a default route.
 */
export const SAMPLE_IDP: Workload = { kind: 'outside', name: 'OIDC identity provider', address: '203.0.113.10', eni: undefined, path: 3 };

interface IncidentContext {
  readonly placement: Placement;
  readonly admits: Admits;
  readonly intervals: number;
  /** Deterministic randomness. */
  readonly random: () => number;
  readonly ephemeral: () => number;
}

type Planner = (ctx: IncidentContext) => PlannedIncident | SkippedIncident;

const at = (ctx: IncidentContext, fraction: number) => Math.min(ctx.intervals - 1, Math.floor(fraction * ctx.intervals));
const attempt = (client: Workload, server: Workload, clientPort: number, port: number, packets = 2): Connection => ({
  client,
  server,
  clientPort,
  port,
  protocol: 6,
  requestPackets: packets,
  requestBytes: packets * 60,
  replyPackets: 1,
  replyBytes: 40,
  outcome: 'refused',
});
const judge = (ctx: IncidentContext, c: Connection) =>
  ctx.admits({ source: { address: c.client.address }, destination: { address: c.server.address }, port: c.port, protocol: c.protocol });

const ROGUE_ATTEMPTS = 30;
const SCAN_PORTS = 150;
const UNUSUAL_ATTEMPTS = 8;
const S3_ATTEMPTS = 12;
const TRANSFER_INTERVALS = 12;
const TRANSFER_BYTES_PER_INTERVAL = 500_000_000;
const REFUSED_ATTEMPTS = 25;
const GAP_INTERVALS = 3;

const roguePodRds: Planner = (ctx) => {
  const pod = ctx.placement.strayPods[0];
  const db = ctx.placement.rds[0];
  if (!pod || !db) return { id: 'rogue-pod-rds', reason: 'no stray node or no database ENI in this network' };
  const c0 = attempt(pod, db, 0, 5432);
  if (judge(ctx, c0).admitted) return { id: 'rogue-pod-rds', reason: `the network admits ${pod.address} → ${db.address}:5432, so the rejects cannot happen` };
  const start = at(ctx, 0.6);
  // 30 attempts within one 5-minute window: a client retrying its connection pool.
  const steps = Array.from({ length: ROGUE_ATTEMPTS }, (_, i) => ({
    kind: 'connection' as const,
    interval: start + (i % 3),
    connection: attempt(pod, db, ctx.ephemeral(), 5432),
  }));
  return {
    id: 'rogue-pod-rds',
    summary: `pod ${pod.address} on ${pod.eni!.id} (a node without the eks-nodes group) tries RDS ${db.address}:5432 ${ROGUE_ATTEMPTS} times`,
    steps,
  };
};

const outsideScan: Planner = (ctx) => {
  const range = ctx.placement.outsideRanges[0];
  const target = ctx.placement.nodes[0];
  if (!range || !target) return { id: 'outside-scan', reason: 'no outside range declared, or no node' };
  const scanner = outsideHost(range, 99, `scanner in ${range.name}`);
  const interval = at(ctx, 0.4);
  const steps = Array.from({ length: SCAN_PORTS }, (_, i) => ({
    kind: 'connection' as const,
    interval,
    connection: attempt(scanner, target, 40000 + i, 1 + i * 7, 1),
  }));
  return { id: 'outside-scan', summary: `${scanner.address} (${range.name}, ${range.cidr}) probes ${SCAN_PORTS} ports of node ${target.address}`, steps };
};

const unusualSource: Planner = (ctx) => {
  const range = ctx.placement.outsideRanges.find((r) => !/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(r.cidr));
  const alb = ctx.placement.albFrontend[0];
  if (!range || !alb) return { id: 'unusual-source', reason: 'no outside range with public addresses declared, or no frontend load balancer' };
  const host = outsideHost(range, 23, `host in ${range.name}`);
  const interval = at(ctx, 0.7);
  const steps = Array.from({ length: UNUSUAL_ATTEMPTS }, () => ({
    kind: 'connection' as const,
    interval,
    connection: attempt(host, alb, ctx.ephemeral(), 443),
  }));
  return {
    id: 'unusual-source',
    summary: `${host.address} (${range.name}, public addresses) connects to the frontend load balancer ${alb.address}:443 ${UNUSUAL_ATTEMPTS} times`,
    steps,
  };
};

const s3PullBlocked: Planner = (ctx) => {
  const node = ctx.placement.nodes[1] ?? ctx.placement.nodes[0];
  if (!node) return { id: 's3-pull-blocked', reason: 'no node' };
  const c0 = attempt(node, S3, 0, 443);
  const verdict = judge(ctx, c0);
  if (verdict.admitted) return { id: 's3-pull-blocked', reason: `the nodes may reach S3 (${verdict.reason}): image pulls succeed` };
  const interval = at(ctx, 0.3);
  const steps = Array.from({ length: S3_ATTEMPTS }, () => ({
    kind: 'connection' as const,
    interval,
    connection: { ...attempt(node, S3, ctx.ephemeral(), 443, 3), serverService: 'S3' },
  }));
  return {
    id: 's3-pull-blocked',
    summary: `node ${node.address} pulls image layers from S3 (${SAMPLE_S3_ADDRESS}:443) and is blocked ${verdict.blockedAt === 'egress' ? 'by its own egress rules' : verdict.blockedAt === 'route' ? 'by the route' : 'on arrival'}: ${verdict.reason}`,
    steps,
  };
};

const largeTransfer: Planner = (ctx) => {
  const source = ctx.placement.nodes[0];
  if (!source) return { id: 'large-transfer', reason: 'no node' };
  // The farthest the network lets it go: an outside range, then S3, then a node in another subnet.
  const elsewhere = ctx.placement.nodes.filter((n) => n.eni?.subnetId !== source.eni?.subnetId);
  const candidates: Workload[] = [...ctx.placement.outsideRanges.map((r) => outsideHost(r, 50, `host in ${r.name}`)), S3, ...elsewhere.slice(0, 1)];
  const port = 443;
  for (const destination of candidates) {
    const c: Connection = {
      client: source,
      server: destination,
      clientPort: ctx.ephemeral(),
      port,
      protocol: 6,
      requestPackets: 400_000,
      requestBytes: TRANSFER_BYTES_PER_INTERVAL,
      replyPackets: 120_000,
      replyBytes: 6_000_000,
      outcome: 'long',
      intervals: TRANSFER_INTERVALS,
      ...(destination === S3 ? { serverService: 'S3' } : {}),
    };
    if (!judge(ctx, c).admitted) continue;
    const start = at(ctx, 0.8);
    const steps = Array.from({ length: TRANSFER_INTERVALS }, (_, part) => ({
      kind: 'connection' as const,
      interval: Math.min(ctx.intervals - 1, start + part),
      connection: c,
      part,
    }));
    return {
      id: 'large-transfer',
      summary: `node ${source.address} sends ${(TRANSFER_INTERVALS * TRANSFER_BYTES_PER_INTERVAL) / 1e9} GB to ${destination.address}:${port} (${destination.name}), the farthest address the network admits`,
      steps,
    };
  }
  return { id: 'large-transfer', reason: 'the network admits no destination for it' };
};

const refusedNodePort: Planner = (ctx) => {
  const [a, b] = [ctx.placement.pods[0], ctx.placement.nodes.find((n) => n.eni !== ctx.placement.pods[0]?.eni)];
  if (!a || !b) return { id: 'refused-nodeport', reason: 'fewer than two nodes' };
  const c0: Connection = { ...attempt(a, b, 0, 31999), outcome: 'refused' };
  if (!judge(ctx, c0).admitted) return { id: 'refused-nodeport', reason: `the network does not admit ${a.address} → ${b.address}:31999` };
  const interval = at(ctx, 0.5);
  const steps = Array.from({ length: REFUSED_ATTEMPTS }, () => ({
    kind: 'connection' as const,
    interval,
    connection: { ...attempt(a, b, ctx.ephemeral(), 31999, 1), outcome: 'refused' as const },
  }));
  return {
    id: 'refused-nodeport',
    summary: `pod ${a.address} calls NodePort 31999 on node ${b.address}, where no service listens: ${REFUSED_ATTEMPTS} resets`,
    steps,
  };
};

const captureGap: Planner = (ctx) => {
  const node = ctx.placement.nodes[2] ?? ctx.placement.nodes[0];
  if (!node?.eni) return { id: 'capture-gap', reason: 'no node' };
  const start = at(ctx, 0.45);
  const steps = Array.from({ length: GAP_INTERVALS }, (_, i) => ({
    kind: 'skipdata' as const,
    interval: Math.min(ctx.intervals - 1, start + i),
    eni: node.eni!,
  }));
  return { id: 'capture-gap', summary: `flow logs skip ${node.eni.id} (node ${node.address}) for ${GAP_INTERVALS} intervals (SKIPDATA)`, steps };
};

const IDP_CALLS = 6;

/**
 * The VPN's BGP session advertises 0.0.0.0/0 and route propagation puts it in the private route
 * tables (the sample's network has the route only when this incident is asked for). The internal
 * load balancer's OIDC authentication then reaches its identity provider over the VPN: accepted
 * egress with traffic-path 3 to an address no declared range holds.
 */
const defaultRouteOverVpn: Planner = (ctx) => {
  const vpn = ctx.placement.outsideRanges.find((r) => r.via === 'vpn');
  const alb = ctx.placement.albInternal[0];
  if (!vpn || !alb) return { id: 'default-route-over-vpn', reason: 'no outside range declared with via: vpn, or no internal load balancer' };
  const call = (clientPort: number): Connection => ({
    client: alb,
    server: SAMPLE_IDP,
    clientPort,
    port: 443,
    protocol: 6,
    requestPackets: 12,
    requestBytes: 2_400,
    replyPackets: 10,
    replyBytes: 6_800,
    outcome: 'complete',
  });
  const verdict = judge(ctx, call(0));
  if (!verdict.admitted)
    return { id: 'default-route-over-vpn', reason: `the network does not carry ${alb.address} → ${SAMPLE_IDP.address}:443 (${verdict.reason})` };
  const start = at(ctx, 0.55);
  const steps = Array.from({ length: IDP_CALLS }, (_, i) => ({
    kind: 'connection' as const,
    interval: Math.min(ctx.intervals - 1, start + i),
    connection: call(ctx.ephemeral()),
  }));
  return {
    id: 'default-route-over-vpn',
    summary: `the VPN propagates a default route: the internal load balancer ${alb.address} reaches its identity provider ${SAMPLE_IDP.address}:443 over the VPN to ${vpn.name} (traffic-path 3), ${IDP_CALLS} times`,
    steps,
  };
};

export const INCIDENT_PLANNERS: Readonly<Record<IncidentId, Planner>> = {
  'rogue-pod-rds': roguePodRds,
  'outside-scan': outsideScan,
  'unusual-source': unusualSource,
  's3-pull-blocked': s3PullBlocked,
  'large-transfer': largeTransfer,
  'refused-nodeport': refusedNodePort,
  'capture-gap': captureGap,
  'default-route-over-vpn': defaultRouteOverVpn,
};

export function planIncident(id: IncidentId, ctx: IncidentContext): PlannedIncident | SkippedIncident {
  return INCIDENT_PLANNERS[id](ctx);
}

export type { IncidentContext };
