import { formatIpv4, parseIpv4Cidr, type NetworkSpec } from '@artos/model';
import { mulberry32 } from './prng.js';

/** The seed's incidents, injectable into generated traffic. */
export interface IncidentOptions {
  /** One source probing many ports of one node within a few minutes. @default true */
  readonly portScan?: boolean;
  /** RDS connections (5432) rejected from an address outside the EKS nodes group. @default true */
  readonly rdsRejects?: boolean;
  /** A large transfer from a node to an address outside the VPC. @default true */
  readonly exfiltration?: boolean;
  /** Connections from a public address (outside the VPC and RFC 1918), arriving over a peering or VPN path. @default true */
  readonly unusualSource?: boolean;
}

export interface SampleTrafficOptions {
  /** @default 1 */
  readonly seed?: number;
  /** Records to generate (incidents and NODATA/SKIPDATA included). @default 10000 */
  readonly records?: number;
  /** Start of the traffic, Unix seconds. @default 1700000000 (2023-11-14) */
  readonly start?: number;
  /** How long the traffic runs, seconds. @default 3600 */
  readonly durationSeconds?: number;
  /** Share of background rejects. @default 0.02 */
  readonly rejectShare?: number;
  /** Share of NODATA and SKIPDATA records. @default 0.005 */
  readonly noDataShare?: number;
  /** Traffic to NodePorts (30000-32767) between nodes. @default true */
  readonly nodePorts?: boolean;
  /** @default - every incident; `false` for clean traffic */
  readonly incidents?: IncidentOptions | false;
  /** Write the S3-style header line first. @default false */
  readonly header?: boolean;
}

/** Who is where in the generated network, so tests know the truth behind the traffic. */
export interface SampleCast {
  readonly nodes: readonly string[];
  readonly clusterEnis: readonly string[];
  readonly rds: readonly string[];
  readonly endpoints: readonly string[];
  readonly albFrontend: string;
  readonly albInternal: string;
  readonly scanner: string;
  readonly scanTarget: string;
  readonly rogueDbClient: string;
  readonly exfiltrationSource: string;
  readonly exfiltrationDestination: string;
  readonly unusualSource: string;
  readonly account: string;
}

export const SAMPLE_ACCOUNT = '123456789012';
const PORT_SCAN_PORTS = 150;
const RDS_REJECTS = 40;
const EXFILTRATION_RECORDS = 12;

function host(cidr: string, offset: number): string {
  const parsed = parseIpv4Cidr(cidr);
  if (!parsed.ok) throw new TypeError(`not a CIDR: ${cidr}`);
  return formatIpv4(parsed.cidr.base + offset);
}

/** The addresses of the generated network, from the spec's subnets. */
export function sampleCast(spec: NetworkSpec): SampleCast {
  const priv = spec.privateSubnetCidrs.length > 0 ? spec.privateSubnetCidrs : ['10.0.10.0/24'];
  const db = spec.databaseSubnetCidrs.length > 0 ? spec.databaseSubnetCidrs : ['10.0.100.0/24'];
  const nodes = priv.flatMap((c) => Array.from({ length: 8 }, (_, i) => host(c, 10 + i)));
  return {
    nodes,
    clusterEnis: priv.slice(0, 2).map((c) => host(c, 5)),
    rds: db.map((c) => host(c, 20)),
    endpoints: priv.flatMap((c) => Array.from({ length: 3 }, (_, i) => host(c, 100 + i))),
    albFrontend: host(priv[0]!, 200),
    albInternal: host(priv[priv.length > 1 ? 1 : 0]!, 201),
    scanner: host(priv[priv.length - 1]!, 99),
    scanTarget: nodes[0]!,
    rogueDbClient: host(priv[0]!, 77),
    exfiltrationSource: nodes[2]!,
    exfiltrationDestination: '203.0.113.50',
    unusualSource: '198.51.100.23',
    account: SAMPLE_ACCOUNT,
  };
}

function eniOf(address: string): string {
  let h = 2166136261;
  for (let i = 0; i < address.length; i++) h = Math.imul(h ^ address.charCodeAt(i), 16777619) >>> 0;
  return `eni-0${h.toString(16).padStart(8, '0')}abcdef01`;
}

export const DEFAULT_FORMAT_HEADER = 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';

/**
 * Deterministic, seeded flow-log lines in the default format: realistic traffic for a spec (the
 * tiers' addresses and the groups' ports), a share of rejects, NODATA and SKIPDATA records, and
 * the seed's incidents. Yields lines without newlines.
 */
export function* generateSampleTraffic(spec: NetworkSpec, options: SampleTrafficOptions = {}): Generator<string> {
  const random = mulberry32(options.seed ?? 1);
  const total = options.records ?? 10_000;
  const start = options.start ?? 1_700_000_000;
  const duration = options.durationSeconds ?? 3600;
  const rejectShare = options.rejectShare ?? 0.02;
  const noDataShare = options.noDataShare ?? 0.005;
  const nodePorts = options.nodePorts ?? true;
  const incidents: IncidentOptions = options.incidents === false ? {} : { portScan: true, rdsRejects: true, exfiltration: true, unusualSource: true, ...(options.incidents ?? {}) };
  const cast = sampleCast(spec);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const ephemeral = () => 32768 + Math.floor(random() * 28232);
  const line = (eniOwner: string, src: string, dst: string, srcPort: number, dstPort: number, protocol: number, packets: number, bytes: number, t: number, action: string) =>
    `2 ${SAMPLE_ACCOUNT} ${eniOf(eniOwner)} ${src} ${dst} ${srcPort} ${dstPort} ${protocol} ${packets} ${bytes} ${t} ${t + 60} ${action} OK`;

  // Incidents are placed at fixed points of the run so they land whatever the record count.
  const incidentLines: { at: number; make: (t: number) => string }[] = [];
  if (incidents.portScan) {
    for (let i = 0; i < PORT_SCAN_PORTS; i++) incidentLines.push({ at: 0.4, make: (t) => line(cast.scanTarget, cast.scanner, cast.scanTarget, 40000 + i, 1 + i * 7, 6, 1, 44, t, 'REJECT') });
  }
  if (incidents.rdsRejects) {
    for (let i = 0; i < RDS_REJECTS; i++) incidentLines.push({ at: 0.6, make: (t) => line(cast.rds[0]!, cast.rogueDbClient, cast.rds[0]!, ephemeral(), 5432, 6, 2, 120, t, 'REJECT') });
  }
  if (incidents.exfiltration) {
    for (let i = 0; i < EXFILTRATION_RECORDS; i++) incidentLines.push({ at: 0.8, make: (t) => line(cast.exfiltrationSource, cast.exfiltrationSource, cast.exfiltrationDestination, ephemeral(), 443, 6, 400_000, 500_000_000, t, 'ACCEPT') });
  }
  if (incidents.unusualSource) {
    for (let i = 0; i < 8; i++) incidentLines.push({ at: 0.7, make: (t) => line(cast.albFrontend, cast.unusualSource, cast.albFrontend, ephemeral(), 443, 6, 3, 180, t, 'REJECT') });
  }
  incidentLines.sort((a, b) => a.at - b.at);
  const background = Math.max(0, total - incidentLines.length);
  if (options.header) yield DEFAULT_FORMAT_HEADER;
  let nextIncident = 0;
  for (let i = 0; i < background; i++) {
    const progress = i / Math.max(1, background);
    const t = start + Math.floor(progress * duration);
    while (nextIncident < incidentLines.length && incidentLines[nextIncident]!.at <= progress) yield incidentLines[nextIncident++]!.make(t);
    const r = random();
    if (r < noDataShare) {
      yield `2 ${SAMPLE_ACCOUNT} ${eniOf(pick(cast.nodes))} - - - - - - - ${t} ${t + 60} - ${random() < 0.5 ? 'NODATA' : 'SKIPDATA'}`;
      continue;
    }
    if (r < noDataShare + rejectShare) {
      // Background noise: a private address that is in no group, knocking on a node.
      const node = pick(cast.nodes);
      yield line(node, host(spec.privateSubnetCidrs[0] ?? '10.0.10.0/24', 150 + Math.floor(random() * 50)), node, ephemeral(), pick([22, 3389, 8080, 9200]), 6, 1, 60, t, 'REJECT');
      continue;
    }
    const kind = random();
    const packets = 1 + Math.floor(random() * 50);
    const bytes = packets * (60 + Math.floor(random() * 1400));
    if (kind < 0.3) {
      const node = pick(cast.nodes);
      const db = pick(cast.rds);
      yield line(db, node, db, ephemeral(), 5432, 6, packets, bytes, t, 'ACCEPT');
    } else if (kind < 0.5) {
      const node = pick(cast.nodes);
      const endpoint = pick(cast.endpoints);
      yield line(endpoint, node, endpoint, ephemeral(), 443, 6, packets, bytes, t, 'ACCEPT');
    } else if (kind < 0.62) {
      const node = pick(cast.nodes);
      yield line(node, pick(cast.clusterEnis), node, ephemeral(), 10250, 6, packets, bytes, t, 'ACCEPT');
    } else if (kind < 0.72) {
      const node = pick(cast.nodes);
      const cluster = pick(cast.clusterEnis);
      yield line(cluster, node, cluster, ephemeral(), 443, 6, packets, bytes, t, 'ACCEPT');
    } else if (kind < 0.77) {
      const a = pick(cast.clusterEnis);
      const b = pick(cast.clusterEnis);
      yield line(b, a, b, ephemeral(), 2379 + Math.floor(random() * 2), 6, packets, bytes, t, 'ACCEPT');
    } else if (kind < 0.85 && nodePorts) {
      const a = pick(cast.nodes);
      const b = pick(cast.nodes);
      yield line(b, a, b, ephemeral(), 30000 + Math.floor(random() * 2768), 6, packets, bytes, t, 'ACCEPT');
    } else if (kind < 0.92) {
      const a = pick(cast.nodes);
      const b = pick(cast.nodes);
      yield line(b, a, b, ephemeral(), 53, 17, 1, 80 + Math.floor(random() * 100), t, 'ACCEPT');
    } else {
      yield line(cast.albInternal, cast.albFrontend, cast.albInternal, ephemeral(), pick([80, 443]), 6, packets, bytes, t, 'ACCEPT');
    }
  }
  while (nextIncident < incidentLines.length) yield incidentLines[nextIncident++]!.make(start + duration);
}
