import { FLOW_LOG_FIELDS } from '@artos/model';

/**
 * One flow-log record, with a fixed shape (the generator writes millions of them). A field left
 * undefined is written `-`, as AWS does for a field that does not apply (AWS, "Flow log records":
 * "If a field is not applicable or could not be computed for a specific record, the record
 * displays a '-' symbol").
 */
export interface FlowRecord {
  readonly accountId: string;
  readonly interfaceId: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly instanceId: string;
  readonly azId: string;
  readonly srcaddr: string | undefined;
  readonly dstaddr: string | undefined;
  readonly srcport: number | undefined;
  readonly dstport: number | undefined;
  readonly protocol: number | undefined;
  readonly packets: number | undefined;
  readonly bytes: number | undefined;
  readonly start: number;
  readonly end: number;
  readonly action: 'ACCEPT' | 'REJECT' | undefined;
  readonly logStatus: 'OK' | 'NODATA' | 'SKIPDATA';
  readonly tcpFlags: number | undefined;
  readonly pktSrcaddr: string | undefined;
  readonly pktDstaddr: string | undefined;
  readonly pktSrcAwsService: string | undefined;
  readonly pktDstAwsService: string | undefined;
  readonly flowDirection: 'ingress' | 'egress' | undefined;
  readonly trafficPath: number | undefined;
  readonly rejectReason: string | undefined;
}

type Value = string | number | undefined;

/** AWS field name → how to read it from a record. Fields the generator does not model are `-`. */
const READERS: Readonly<Record<string, (r: FlowRecord) => Value>> = {
  'account-id': (r) => r.accountId,
  'interface-id': (r) => r.interfaceId,
  'vpc-id': (r) => r.vpcId,
  'subnet-id': (r) => r.subnetId,
  'instance-id': (r) => r.instanceId,
  'az-id': (r) => r.azId,
  srcaddr: (r) => r.srcaddr,
  dstaddr: (r) => r.dstaddr,
  srcport: (r) => r.srcport,
  dstport: (r) => r.dstport,
  protocol: (r) => r.protocol,
  packets: (r) => r.packets,
  bytes: (r) => r.bytes,
  start: (r) => r.start,
  end: (r) => r.end,
  action: (r) => r.action,
  'log-status': (r) => r.logStatus,
  'tcp-flags': (r) => r.tcpFlags,
  type: (r) => (r.logStatus === 'OK' ? 'IPv4' : undefined),
  'pkt-srcaddr': (r) => r.pktSrcaddr,
  'pkt-dstaddr': (r) => r.pktDstaddr,
  'pkt-src-aws-service': (r) => r.pktSrcAwsService,
  'pkt-dst-aws-service': (r) => r.pktDstAwsService,
  'flow-direction': (r) => r.flowDirection,
  'traffic-path': (r) => r.trafficPath,
  'reject-reason': (r) => r.rejectReason,
};

const VERSION_OF = new Map(FLOW_LOG_FIELDS.map((f) => [f.name, f.version]));

/**
 * The `version` a format writes: "If you use a custom format, the version is the highest version
 * among the specified fields" (AWS, "Flow log records", field `version`).
 */
export function formatVersion(fields: readonly string[]): number {
  return Math.max(2, ...fields.map((f) => VERSION_OF.get(f) ?? 2));
}

/** A writer for one format: the record's fields in the format's order. */
export function recordWriter(fields: readonly string[]): (record: FlowRecord) => string {
  const version = String(formatVersion(fields));
  const readers = fields.map((f) => (f === 'version' ? () => version : (READERS[f] ?? (() => undefined))));
  return (record) => {
    let line = '';
    for (let i = 0; i < readers.length; i++) {
      const v = readers[i]!(record);
      line += (i === 0 ? '' : ' ') + (v === undefined ? '-' : String(v));
    }
    return line;
  };
}
