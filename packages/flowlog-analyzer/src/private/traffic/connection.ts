import type { AdmitAnswer } from './admits.js';
import type { Eni, Workload } from './workloads.js';
import type { FlowRecord } from './flow-record.js';
import { TCP_FLAGS } from './tcp-flags.js';

/** What a connection does once admitted. */
export type ConnectionOutcome =
  /** Opened, data both ways, closed within one aggregation interval. */
  | 'complete'
  /** Nothing listens: the server answers the SYN with a reset (RST, 4). */
  | 'refused'
  /** A long transfer: one record per interval and ENI, SYN in the first, FIN in the last. */
  | 'long';

export interface Connection {
  readonly client: Workload;
  readonly server: Workload;
  readonly clientPort: number;
  readonly port: number;
  /** 6 TCP, 17 UDP. */
  readonly protocol: number;
  readonly requestPackets: number;
  readonly requestBytes: number;
  readonly replyPackets: number;
  readonly replyBytes: number;
  readonly outcome: ConnectionOutcome;
  /** For a long transfer: how many intervals it spans. @default 1 */
  readonly intervals?: number;
  /** `traffic-path` of the client's egress (1 same VPC, 2/7 gateway endpoint, 3 VGW, 4 peering). @default the server's path, else 1 */
  readonly pathOut?: number;
  /** `pkt-dst-aws-service` when the server is an AWS service's public address. */
  readonly serverService?: string;
}

export interface RecordContext {
  readonly account: string;
  readonly vpcId: string;
  /** First second of the aggregation interval. */
  readonly intervalStart: number;
  readonly intervalSeconds: number;
  /** A second inside the interval at which the flow starts. */
  readonly offset: number;
}

/** A NODATA or SKIPDATA record: "-" in the address, port, packet and byte fields. */
export function statusRecord(eni: Eni, status: 'NODATA' | 'SKIPDATA', ctx: RecordContext): FlowRecord {
  return {
    accountId: ctx.account,
    interfaceId: eni.id,
    vpcId: ctx.vpcId,
    subnetId: eni.subnetId,
    instanceId: eni.instanceId,
    azId: eni.azId,
    srcaddr: undefined,
    dstaddr: undefined,
    srcport: undefined,
    dstport: undefined,
    protocol: undefined,
    packets: undefined,
    bytes: undefined,
    start: ctx.intervalStart,
    end: ctx.intervalStart + ctx.intervalSeconds - 1,
    action: undefined,
    logStatus: status,
    tcpFlags: undefined,
    pktSrcaddr: undefined,
    pktDstaddr: undefined,
    pktSrcAwsService: undefined,
    pktDstAwsService: undefined,
    flowDirection: undefined,
    trafficPath: undefined,
    rejectReason: undefined,
  };
}

interface Packet {
  readonly from: Workload;
  readonly to: Workload;
  readonly fromPort: number;
  readonly toPort: number;
  readonly packets: number;
  readonly bytes: number;
  readonly flags: number;
}

/**
 * One direction of the connection as seen on one ENI. `srcaddr`/`dstaddr` give the ENI's own
 * (primary) address for its side, `pkt-srcaddr`/`pkt-dstaddr` the packet's: a pod behind a node
 * ENI shows as the node's address in `srcaddr` and as itself in `pkt-srcaddr` (AWS, "Flow log
 * records", `pkt-srcaddr`: "where the IP address of a pod in Amazon EKS is different from the IP
 * address of the network interface of the instance node on which the pod is running").
 */
function capture(
  p: Packet,
  on: Eni,
  direction: 'egress' | 'ingress',
  action: 'ACCEPT' | 'REJECT',
  c: Connection,
  ctx: RecordContext,
  path: number | undefined,
): FlowRecord {
  const start = ctx.intervalStart + ctx.offset;
  return {
    accountId: ctx.account,
    interfaceId: on.id,
    vpcId: ctx.vpcId,
    subnetId: on.subnetId,
    instanceId: on.instanceId,
    azId: on.azId,
    srcaddr: direction === 'egress' ? on.primary : p.from.address,
    dstaddr: direction === 'ingress' ? on.primary : p.to.address,
    srcport: p.fromPort,
    dstport: p.toPort,
    protocol: c.protocol,
    packets: p.packets,
    bytes: p.bytes,
    start,
    end: Math.min(ctx.intervalStart + ctx.intervalSeconds - 1, start + 1 + (p.packets % 20)),
    action,
    logStatus: 'OK',
    tcpFlags: c.protocol === 6 ? p.flags : 0,
    pktSrcaddr: p.from.address,
    pktDstaddr: p.to.address,
    pktSrcAwsService: p.from === c.server ? c.serverService : undefined,
    pktDstAwsService: p.to === c.server ? c.serverService : undefined,
    flowDirection: direction,
    trafficPath: direction === 'egress' ? path : undefined,
    // AWS writes reject-reason BPA for VPC Block Public Access and "-" for every other reason.
    rejectReason: undefined,
  };
}

const SYN_PACKET_BYTES = 60;

/**
 * What a VPC-wide flow log records of one connection in one interval: the request on the
 * client's ENI (egress) and on the server's (ingress), the reply on both (AWS, "Flow log record
 * examples": both directions are logged, the reply as its own ACCEPT record). A request blocked
 * by the source's egress stops there (one REJECT); one blocked at the destination is logged
 * REJECT there, with no reply. `part` is the interval of a long transfer (0-based).
 */
export function connectionRecords(c: Connection, verdict: AdmitAnswer, ctx: RecordContext, part = 0): FlowRecord[] {
  const intervals = c.intervals ?? 1;
  const clientEni = c.client.eni;
  const serverEni = c.server.eni;
  const records: FlowRecord[] = [];
  if (!verdict.admitted) {
    // Retransmitted SYNs: no answer comes.
    const syn: Packet = {
      from: c.client,
      to: c.server,
      fromPort: c.clientPort,
      toPort: c.port,
      packets: c.requestPackets,
      bytes: c.requestPackets * SYN_PACKET_BYTES,
      flags: TCP_FLAGS.SYN,
    };
    if (clientEni)
      records.push(
        capture(
          syn,
          clientEni,
          'egress',
          verdict.blockedAt === 'egress' ? 'REJECT' : 'ACCEPT',
          c,
          ctx,
          verdict.blockedAt === 'egress' ? undefined : pathOut(c),
        ),
      );
    if (serverEni && verdict.blockedAt === 'ingress') records.push(capture(syn, serverEni, 'ingress', 'REJECT', c, ctx, undefined));
    return records;
  }
  let requestFlags: number;
  let replyFlags: number;
  if (c.outcome === 'refused') {
    requestFlags = TCP_FLAGS.SYN;
    replyFlags = TCP_FLAGS.RST;
  } else {
    const first = part === 0;
    const last = part === intervals - 1;
    requestFlags = (first ? TCP_FLAGS.SYN : 0) | (last ? TCP_FLAGS.FIN : 0);
    replyFlags = (first ? TCP_FLAGS.SYN_ACK : 0) | (last ? TCP_FLAGS.FIN : 0);
  }
  const request: Packet = {
    from: c.client,
    to: c.server,
    fromPort: c.clientPort,
    toPort: c.port,
    packets: c.requestPackets,
    bytes: c.requestBytes,
    flags: requestFlags,
  };
  const reply: Packet = {
    from: c.server,
    to: c.client,
    fromPort: c.port,
    toPort: c.clientPort,
    packets: c.replyPackets,
    bytes: c.replyBytes,
    flags: replyFlags,
  };
  if (clientEni) records.push(capture(request, clientEni, 'egress', 'ACCEPT', c, ctx, pathOut(c)));
  if (serverEni) records.push(capture(request, serverEni, 'ingress', 'ACCEPT', c, ctx, undefined));
  // The reply leaves the server's ENI toward the client: inside the VPC (1), or back over the
  // VPN or peering the client came by (AWS, "Flow log records": traffic-path is "the path that
  // egress traffic takes to the destination").
  if (serverEni) records.push(capture(reply, serverEni, 'egress', 'ACCEPT', c, ctx, clientEni ? 1 : c.client.path));
  if (clientEni) records.push(capture(reply, clientEni, 'ingress', 'ACCEPT', c, ctx, undefined));
  return records;
}

/** The `traffic-path` of the request leaving the client: given, or the path toward the server. */
function pathOut(c: Connection): number {
  return c.pathOut ?? (c.server.eni ? 1 : (c.server.path ?? 1));
}

/** Records a connection produces when admitted (for budgeting before it is judged). */
export function recordCount(c: Connection, admitted: boolean, blockedAt: AdmitAnswer['blockedAt']): number {
  const sides = (c.client.eni ? 1 : 0) + (c.server.eni ? 1 : 0);
  if (admitted) return 2 * sides;
  return (c.client.eni ? 1 : 0) + (c.server.eni && blockedAt === 'ingress' ? 1 : 0);
}
