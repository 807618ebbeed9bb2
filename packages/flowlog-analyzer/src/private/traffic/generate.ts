import { cidr, cidrsOverlap, type NetworkModel, type NetworkSpec } from '@artos/model';
import { FlowLogError } from '../errors.js';
import { mulberry32 } from '../prng.js';
import { admitsFor, sampleNetworkModel } from './admits.js';
import { backgroundKinds, BUSY_ENDPOINT_SERVICES } from './background.js';
import { connectionRecords, recordCount, statusRecord, type Connection, type RecordContext } from './connection.js';
import type { FlowRecord } from './flow-record.js';
import { INCIDENT_IDS, planIncident, type IncidentId, type IncidentStep, type PlannedIncident, type SkippedIncident } from './incidents.js';
import { placeWorkloads, type Eni, type OutsideRange, type Placement } from './workloads.js';

export interface TrafficModelOptions {
  /** @default 1 */
  readonly seed?: number;
  /** Records to write, exactly (incidents and NODATA/SKIPDATA included). @default 10000 */
  readonly records?: number;
  /** Start of the traffic, Unix seconds. @default 1700000000 (2023-11-14) */
  readonly start?: number;
  /** How long the traffic runs, seconds. @default 3600 */
  readonly durationSeconds?: number;
  /** Share of records that are NODATA for idle ENIs. @default 0.005 */
  readonly noDataShare?: number;
  /** Traffic to NodePorts (30000-32767) between nodes. @default true */
  readonly nodePorts?: boolean;
  /** Incidents to add. @default - every incident the network can produce; [] for clean traffic */
  readonly incidents?: readonly IncidentId[];
  /**
   * Ranges outside the VPC that reach it (on-premises over VPN, partners).
   * @default - the spec's `outsideRanges`; when it declares none, the sample assumes an
   * on-premises range and a partner range (`DEFAULT_OUTSIDE_RANGES`, reported by `outsideRangesFrom`)
   */
  readonly outsideRanges?: readonly OutsideRange[];
  /** @default '123456789012' */
  readonly account?: string;
  /**
   * The network to judge flows on, before the sample's ENIs are added: a model read from a
   * template or the account, or a variant of the spec's.
   * @default - the spec's model (`modelFromSpec`)
   */
  readonly model?: NetworkModel;
}

export const SAMPLE_ACCOUNT = '123456789012';
/** What the sample assumes when the spec declares no outside range: on-premises and a partner over the VPN. */
export const DEFAULT_OUTSIDE_RANGES: readonly OutsideRange[] = [
  { name: 'on-premises', cidr: '192.168.0.0/16', via: 'vpn' },
  { name: 'partner', cidr: '198.51.100.0/24', via: 'vpn' },
];

/** Where the sample's outside ranges come from: the options, the spec, or the sample's assumption. */
export function outsideRangesFrom(
  spec: NetworkSpec,
  options: TrafficModelOptions,
): { readonly ranges: readonly OutsideRange[]; readonly source: 'options' | 'spec' | 'assumed' } {
  if (options.outsideRanges) return { ranges: options.outsideRanges, source: 'options' };
  if (spec.outsideRanges.length > 0) return { ranges: spec.outsideRanges, source: 'spec' };
  // An assumed range that overlaps the VPC's own blocks could not be outside it: left out.
  const own = [spec.vpcCidr, ...spec.secondaryCidrs].map(cidr);
  return { ranges: DEFAULT_OUTSIDE_RANGES.filter((r) => !own.some((block) => cidrsOverlap(block, cidr(r.cidr)))), source: 'assumed' };
}

export interface TrafficPlan {
  readonly placement: Placement;
  /** Whether the outside ranges were given, declared in the spec, or assumed by the sample. */
  readonly outsideRangesSource: 'options' | 'spec' | 'assumed';
  /** The network the records were judged on: the model with the sample's ENIs. */
  readonly model: NetworkModel;
  readonly incidents: readonly PlannedIncident[];
  readonly skipped: readonly SkippedIncident[];
  /** Records in time order, exactly `records` of them. */
  records(): Generator<FlowRecord>;
}

type Item = { readonly records: FlowRecord[] };

/**
 * Plans the sample traffic of a spec's network: places workloads, plans the incidents the network
 * can produce, and yields exactly `records` flow-log records interval by interval: incidents,
 * background connections judged by the evaluator, NODATA for idle ENIs, and NODATA filler so the
 * count is exact.
 */
export function planTraffic(spec: NetworkSpec, options: TrafficModelOptions = {}): TrafficPlan {
  const total = options.records ?? 10_000;
  const start = options.start ?? 1_700_000_000;
  const intervalSeconds = spec.flowLogs.maxAggregationIntervalSeconds;
  const intervals = Math.max(1, Math.floor((options.durationSeconds ?? 3600) / intervalSeconds));
  const wanted = options.incidents ?? INCIDENT_IDS;
  const outside = outsideRangesFrom(spec, options);
  const placement = placeWorkloads(spec, { strayNode: wanted.includes('rogue-pod-rds'), outsideRanges: outside.ranges });
  if (placement.nodes.length === 0) {
    throw new FlowLogError(
      'bad-input',
      "sample traffic needs the private subnets' CIDRs to place workloads on, and this spec gives none (existing subnets by id only)",
      {
        hint: 'add privateSubnetCidrs (and databaseSubnetCidrs) to the spec: the CIDRs of the existing subnets',
      },
    );
  }
  const model = sampleNetworkModel(spec, placement, options.model, {
    propagatedDefaultRoute: wanted.includes('default-route-over-vpn') && outside.ranges.some((r) => r.via === 'vpn'),
  });
  const admits = admitsFor(model);
  const account = options.account ?? SAMPLE_ACCOUNT;
  const planRandom = mulberry32((options.seed ?? 1) ^ 0x5eed);
  const ephemeralFrom = (r: () => number) => () => 32768 + Math.floor(r() * 28232);
  const incidentContext = { placement, admits, intervals, random: planRandom, ephemeral: ephemeralFrom(planRandom) };

  // Incidents, largest budget last, kept while they fit into the records asked for.
  const planned: PlannedIncident[] = [];
  const skipped: SkippedIncident[] = [];
  const judge = (c: Connection) =>
    admits({ source: { address: c.client.address }, destination: { address: c.server.address }, port: c.port, protocol: c.protocol });
  const incidentRecords = (p: PlannedIncident) =>
    p.steps.reduce((n, s) => n + (s.kind === 'skipdata' ? 1 : recordCount(s.connection, judge(s.connection).admitted, judge(s.connection).blockedAt)), 0);
  let budget = total;
  for (const id of wanted) {
    const plan = planIncident(id, incidentContext);
    if (!('steps' in plan)) {
      skipped.push(plan);
      continue;
    }
    const cost = incidentRecords(plan);
    if (cost > budget) {
      skipped.push({ id, reason: `needs ${cost} records, ${budget} left of --records ${total}` });
      continue;
    }
    budget -= cost;
    planned.push(plan);
  }

  // ENIs that stay idle (NODATA): the RDS standby, the endpoints of services nobody calls, a cordoned node.
  const busyServices = new Set([...new Set(placement.endpoints.map((e) => e.name))].slice(0, BUSY_ENDPOINT_SERVICES));
  const cordoned = placement.nodes[placement.nodes.length - 1];
  const idleEnis: Eni[] = [
    ...placement.rds.slice(1).map((w) => w.eni!),
    ...placement.endpoints.filter((e) => !busyServices.has(e.name)).map((e) => e.eni!),
    ...(cordoned && placement.nodes.length > 1 ? [cordoned.eni!] : []),
  ];
  const idle = new Set(idleEnis.map((e) => e.id));
  const background = budget;

  function* records(): Generator<FlowRecord> {
    const random = mulberry32(options.seed ?? 1);
    const ephemeral = ephemeralFrom(random);
    const pick = <T>(list: readonly T[]): T | undefined => (list.length === 0 ? undefined : list[Math.floor(random() * list.length)]);
    const kinds = backgroundKinds(placement, options.nodePorts ?? true, idle, admits);
    const weightSum = kinds.reduce((s, k) => s + k.weight, 0);
    const noDataShare = options.noDataShare ?? 0.005;
    const ctxAt = (interval: number, offset: number): RecordContext => ({
      account,
      vpcId: placement.vpcId,
      intervalStart: start + interval * intervalSeconds,
      intervalSeconds,
      offset,
    });
    const stepsAt = new Map<number, IncidentStep[]>();
    for (const step of planned.flatMap((p) => p.steps)) stepsAt.set(step.interval, [...(stepsAt.get(step.interval) ?? []), step]);
    let carry = 0;
    let emitted = 0;
    let noDataDue = 0;
    for (let interval = 0; interval < intervals || carry > 0; interval++) {
      const used = new Set<string>();
      const out: Item[] = [];
      for (const step of stepsAt.get(interval) ?? []) {
        if (step.kind === 'skipdata') {
          out.push({ records: [statusRecord(step.eni, 'SKIPDATA', ctxAt(interval, 0))] });
          used.add(step.eni.id);
        } else {
          const c = step.connection;
          out.push({ records: connectionRecords(c, judge(c), ctxAt(interval, Math.floor(random() * (intervalSeconds - 2))), step.part ?? 0) });
          for (const w of [c.client, c.server]) if (w.eni) used.add(w.eni.id);
        }
      }
      // This interval's share of the background records, plus what the last one could not place.
      let quota =
        interval < intervals ? Math.floor((background * (interval + 1)) / intervals) - Math.floor((background * interval) / intervals) + carry : carry;
      noDataDue += noDataShare * (quota - carry);
      for (const eni of idleEnis) {
        if (noDataDue < 1 || quota < 1) break;
        if (used.has(eni.id)) continue;
        out.push({ records: [statusRecord(eni, 'NODATA', ctxAt(interval, 0))] });
        used.add(eni.id);
        noDataDue--;
        quota--;
      }
      for (let tries = 0; quota >= 4 && tries < quota * 4; tries++) {
        let r = random() * weightSum;
        let kind = kinds[0];
        for (const k of kinds) {
          r -= k.weight;
          if (r < 0) {
            kind = k;
            break;
          }
        }
        const base = kind?.make(pick, random);
        if (!base) continue;
        const packets = base.protocol === 17 ? 1 : 3 + Math.floor(random() * 60);
        // One object shape for every connection (no spread): millions of them are made.
        const c: Connection = {
          client: base.client,
          server: base.server,
          port: base.port,
          protocol: base.protocol,
          pathOut: base.pathOut,
          serverService: base.serverService,
          clientPort: ephemeral(),
          requestPackets: packets,
          requestBytes: base.protocol === 17 ? 60 + Math.floor(random() * 40) : packets * (60 + Math.floor(random() * 900)),
          replyPackets: base.protocol === 17 ? 1 : packets + Math.floor(random() * 20),
          replyBytes: base.protocol === 17 ? 90 + Math.floor(random() * 200) : packets * (60 + Math.floor(random() * 1400)),
          outcome: 'complete',
        };
        const verdict = judge(c);
        const n = recordCount(c, verdict.admitted, verdict.blockedAt);
        if (n > quota) continue;
        out.push({ records: connectionRecords(c, verdict, ctxAt(interval, Math.floor(random() * (intervalSeconds - 2)))) });
        for (const w of [c.client, c.server]) if (w.eni) used.add(w.eni.id);
        quota -= n;
      }
      // What does not fit a connection: NODATA for ENIs that had no traffic in this interval.
      for (const eni of quota > 0 && interval >= intervals - 1 ? [...idleEnis, ...placement.enis] : []) {
        if (quota < 1) break;
        if (used.has(eni.id)) continue;
        out.push({ records: [statusRecord(eni, 'NODATA', ctxAt(interval, 0))] });
        used.add(eni.id);
        quota--;
      }
      carry = quota;
      for (const item of out)
        for (const record of item.records) {
          if (emitted >= total) return;
          emitted++;
          yield record;
        }
      if (interval > intervals + 1000) throw new Error(`sample traffic: could not place ${carry} records`);
    }
  }
  return { placement, outsideRangesSource: outside.source, model, incidents: planned, skipped, records };
}
