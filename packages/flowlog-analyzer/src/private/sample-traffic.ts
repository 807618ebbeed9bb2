import { DEFAULT_FLOW_LOG_FORMAT_FIELDS, type NetworkSpec } from '@artos/model';
import { RecordFormat } from './record-format.js';
import { recordWriter } from './traffic/flow-record.js';
import { planTraffic, SAMPLE_ACCOUNT, DEFAULT_OUTSIDE_RANGES, outsideRangesFrom, type TrafficModelOptions, type TrafficPlan } from './traffic/generate.js';
import { INCIDENT_IDS, type IncidentId } from './traffic/incidents.js';

export { SAMPLE_ACCOUNT, DEFAULT_OUTSIDE_RANGES, outsideRangesFrom, INCIDENT_IDS, type IncidentId, type TrafficPlan };

export interface SampleTrafficOptions extends Omit<TrafficModelOptions, 'incidents'> {
  /** @default - every incident the network can produce; `false` for clean traffic */
  readonly incidents?: readonly IncidentId[] | false;
  /** Write the S3-style header line first (it does not count as a record). @default false */
  readonly header?: boolean;
  /** The record format: AWS field names in order, or a RecordFormat. @default - AWS's default version-2 format */
  readonly format?: RecordFormat | readonly string[];
}

export const DEFAULT_FORMAT_HEADER = DEFAULT_FLOW_LOG_FORMAT_FIELDS.join(' ');

/**
 * A format that carries what the rich detectors read: the default fields, then the ENI's place,
 * `tcp-flags`, the packet-level addresses, `flow-direction`, `traffic-path` and `reject-reason`.
 */
export const RICH_SAMPLE_FORMAT_FIELDS: readonly string[] = [
  ...DEFAULT_FLOW_LOG_FORMAT_FIELDS,
  'vpc-id',
  'subnet-id',
  'instance-id',
  'tcp-flags',
  'type',
  'pkt-srcaddr',
  'pkt-dstaddr',
  'az-id',
  'pkt-dst-aws-service',
  'flow-direction',
  'traffic-path',
  'reject-reason',
];

function fieldsOf(format: SampleTrafficOptions['format']): readonly string[] {
  if (format === undefined) return DEFAULT_FLOW_LOG_FORMAT_FIELDS;
  return format instanceof RecordFormat ? format.fields.map((f) => f.name) : format;
}

/** The plan behind the sample: placement, incidents kept and left out, and the records. */
export function planSampleTraffic(spec: NetworkSpec, options: SampleTrafficOptions = {}): TrafficPlan {
  const { incidents, ...rest } = options;
  return planTraffic(spec, { ...rest, incidents: incidents === false ? [] : (incidents ?? INCIDENT_IDS) });
}

/**
 * Deterministic, seeded flow-log lines (without newlines) of what the spec's network would log:
 * see `planTraffic`. Exactly `records` lines, plus the header line when asked.
 */
export function* generateSampleTraffic(spec: NetworkSpec, options: SampleTrafficOptions = {}): Generator<string> {
  const fields = fieldsOf(options.format);
  if (options.header) yield fields.join(' ');
  const write = recordWriter(fields);
  for (const record of planSampleTraffic(spec, options).records()) yield write(record);
}

/** Who is where in the sample network, so tests and queries know the truth behind the traffic. */
export interface SampleCast {
  readonly nodes: readonly string[];
  readonly pods: readonly string[];
  readonly clusterEnis: readonly string[];
  readonly rds: readonly string[];
  /** The interface endpoints' ENI addresses. */
  readonly endpoints: readonly string[];
  readonly account: string;
}

export function sampleCast(spec: NetworkSpec): SampleCast {
  const p = planSampleTraffic(spec, { records: 1 }).placement;
  return {
    nodes: p.nodes.map((w) => w.address),
    pods: p.pods.map((w) => w.address),
    clusterEnis: p.clusterEnis.map((w) => w.address),
    rds: p.rds.map((w) => w.address),
    endpoints: p.endpoints.map((w) => w.address),
    account: SAMPLE_ACCOUNT,
  };
}
