import { describe, expect, it } from 'vitest';
import { assertValidSpec, modelFromSpec, preset } from '@artos/model';
import { generateSampleTraffic, planSampleTraffic, RICH_SAMPLE_FORMAT_FIELDS } from '../sample-traffic.js';
import { SAMPLE_S3_CIDR } from '../traffic/admits.js';
import { SAMPLE_S3_ADDRESS } from '../traffic/incidents.js';
import { INCIDENT_IDS, type IncidentId } from '../traffic/incidents.js';
import { RecordFormat } from '../record-format.js';
import { runQueryOnText } from '../run-query.js';
import { DETECTORS, runDetectors } from './run-detectors.js';
import { detectorParameters } from './detector-parameters.js';
import type { Detector } from './threat-finding.js';

const spec = assertValidSpec(preset('production'));
const RICH = RICH_SAMPLE_FORMAT_FIELDS;
const richFormat = RecordFormat.custom(RICH);
const samples = new Map<string, string[]>();
const sample = (incidents: readonly IncidentId[] | false, records = 6_000) => {
  const key = `${String(incidents)}/${records}`;
  if (!samples.has(key)) samples.set(key, [...generateSampleTraffic(spec, { records, seed: 5, format: RICH, incidents })]);
  return samples.get(key)!;
};
const detector = (id: string) => DETECTORS.find((d) => d.id === id)!;
const all = { limits: { defaultResultRows: 1_000_000, maxResultRows: 1_000_000, queryTimeoutMs: 0, concurrentQueries: 30, logGroupsPerQuery: 50 } };
async function findings(d: Detector, lines: readonly string[], format = richFormat) {
  const [run] = await runDetectors(async (q) => runQueryOnText(q, lines.join('\n'), { format, ...all }).rows, detectorParameters(spec), [d]);
  return run!;
}

/** An independent reading of the sample's lines. */
function read(lines: readonly string[]): Record<string, string>[] {
  return lines.map((l) => Object.fromEntries(RICH.map((f, i) => [f, l.split(' ')[i]!])));
}

// Which incident each detector exists to find (the seed's four and the rich-field readers).
const FINDS: ReadonlyArray<[string, IncidentId]> = [
  ['repeated-rejects', 'rogue-pod-rds'],
  ['port-scan', 'outside-scan'],
  ['unusual-sources', 'unusual-source'],
  ['exfiltration', 'large-transfer'],
  ['unanswered-connections', 'rogue-pod-rds'],
  ['resets', 'refused-nodeport'],
  ['capture-gaps', 'capture-gap'],
  ['pod-attribution', 'rogue-pod-rds'],
  ['reject-reasons', 'unusual-source'],
  // The VPN propagates 0.0.0.0/0: egress by traffic-path 3 to an address no declared range holds.
  ['unexpected-traffic-path', 'default-route-over-vpn'],
];

describe('each detector finds its incident and stays silent without it', () => {
  for (const [id, incident] of FINDS) {
    it(`${id} ← ${incident}`, async () => {
      const only = await findings(detector(id), sample([incident]));
      expect(only.error).toBeUndefined();
      expect(only.findings.length).toBeGreaterThan(0);
      // Every other incident, this one left out: an incident may share a detector (a REJECT is a REJECT), so only those that do not are kept.
      const others = INCIDENT_IDS.filter((i) => i !== incident && !FINDS.some(([d, j]) => d === id && j === i) && !sharesSignal(id, i));
      const without = await findings(detector(id), sample(others));
      expect({ id, others, findings: without.findings.map((f) => f.title) }).toEqual({ id, others, findings: [] });
    });
  }
});

/** Incidents that rightly fire a detector besides its own (every REJECT is unanswered, every REJECT has a reason). */
function sharesSignal(detectorId: string, incident: IncidentId): boolean {
  const rejecting: IncidentId[] = ['rogue-pod-rds', 'outside-scan', 'unusual-source'];
  return (detectorId === 'unanswered-connections' || detectorId === 'reject-reasons') && rejecting.includes(incident);
}

describe("a blocked S3 pull, on a network whose nodes lack the S3 egress (the seed's exact rules)", () => {
  // The seed's nodes may send only to the VPC CIDR; S3 is reached through the gateway endpoint at
  // S3's public addresses (AWS, "Gateway endpoints for Amazon S3": the security group must allow it).
  const base = modelFromSpec(spec, { s3PrefixListCidrs: [SAMPLE_S3_CIDR] });
  const seedExact = { ...base, securityGroups: base.securityGroups.map((g) => ({ ...g, egress: g.egress.filter((r) => r.peer.kind !== 'prefix-list') })) };

  it('is not produced where the nodes may reach S3, and is produced, REJECTed leaving the node, where they may not', async () => {
    expect(planSampleTraffic(spec, { records: 6000, incidents: ['s3-pull-blocked'] }).skipped.map((s) => s.id)).toEqual(['s3-pull-blocked']);
    const plan = planSampleTraffic(spec, { records: 6000, incidents: ['s3-pull-blocked'], model: seedExact });
    expect(plan.incidents.map((i) => i.id)).toEqual(['s3-pull-blocked']);
    const lines = [...generateSampleTraffic(spec, { records: 6000, seed: 5, format: RICH, incidents: ['s3-pull-blocked'], model: seedExact })];
    const rejects = read(lines).filter((r) => r['action'] === 'REJECT');
    expect(new Set(rejects.map((r) => `${r['flow-direction']} ${r['dstaddr']}:${r['dstport']} ${r['pkt-dst-aws-service']}`))).toEqual(
      new Set([`egress ${SAMPLE_S3_ADDRESS}:443 S3`]),
    );
    const unanswered = await findings(detector('unanswered-connections'), lines);
    expect(unanswered.findings.map((f) => f.title)).toEqual([expect.stringContaining(`to ${SAMPLE_S3_ADDRESS}:443 never answered`)]);
    const reasons = await findings(detector('reject-reasons'), lines);
    expect(reasons.findings.map((f) => f.title)).toEqual([`${rejects.length} REJECT(s) leaving 1 ENI(s): security groups or network ACLs (reject-reason -)`]);
  });
});

describe('rich-field detectors against an independent reading of the records', () => {
  const lines = sample(INCIDENT_IDS, 12_000);
  const records = read(lines).filter((r) => r['log-status'] === 'OK');

  it('unanswered-connections: a SYN (2) with no SYN-ACK (18) or RST (4) back on the same ENI', async () => {
    // AWS "Flow log records", tcp-flags: SYN 2, RST 4, SYN-ACK 18, OR-ed per aggregation interval.
    const answers = new Set(
      records
        .filter((r) => (Number(r['tcp-flags']) & 18) === 18 || (Number(r['tcp-flags']) & 4) === 4)
        .map((r) => `${r['interface-id']} ${r['dstaddr']}:${r['dstport']}>${r['srcaddr']}:${r['srcport']}`),
    );
    const unanswered = records.filter(
      (r) =>
        r['protocol'] === '6' && r['tcp-flags'] === '2' && !answers.has(`${r['interface-id']} ${r['srcaddr']}:${r['srcport']}>${r['dstaddr']}:${r['dstport']}`),
    );
    const run = await findings(detector('unanswered-connections'), lines);
    const counted = run.findings.reduce((s, f) => s + f.evidence.length, 0);
    expect(counted).toBe(unanswered.length);
    expect(unanswered.length).toBeGreaterThan(150);
  });

  it('resets: RST senders and how many connections each reset', async () => {
    const bySender = new Map<string, Set<string>>();
    for (const r of records.filter((x) => (Number(x['tcp-flags']) & 4) === 4)) {
      const k = `${r['srcaddr']}:${r['srcport']}`;
      bySender.set(k, (bySender.get(k) ?? new Set()).add(r['dstport']!));
    }
    const expected = [...bySender].filter(([, s]) => s.size >= 10).map(([k, s]) => `${k} reset ${s.size} connection(s)`);
    expect((await findings(detector('resets'), lines)).findings.map((f) => f.title)).toEqual(expected);
  });

  it('capture-gaps: SKIPDATA runs per ENI', async () => {
    const skipped = read(lines).filter((r) => r['log-status'] === 'SKIPDATA');
    const enis = [...new Set(skipped.map((r) => r['interface-id']))];
    expect((await findings(detector('capture-gaps'), lines)).findings.map((f) => f.title)).toEqual(
      enis.map((e) => `flow log incomplete for ${e}: ${skipped.filter((r) => r['interface-id'] === e).length} interval(s) skipped (SKIPDATA)`),
    );
  });

  it('pod-attribution: a REJECT from a pod names the node ENI it runs behind', async () => {
    const behind = new Map(records.filter((r) => r['pkt-srcaddr'] !== r['srcaddr']).map((r) => [r['pkt-srcaddr']!, `${r['srcaddr']}, ${r['interface-id']}`]));
    const podRejects = records.filter((r) => r['action'] === 'REJECT' && behind.has(r['pkt-srcaddr']!));
    expect(podRejects.length).toBeGreaterThan(0);
    const titles = (await findings(detector('pod-attribution'), lines)).findings.map((f) => f.title);
    const pod = podRejects[0]!['pkt-srcaddr']!;
    expect(titles).toEqual([
      `${podRejects.length} REJECT(s) from pod ${pod} (behind node ${behind.get(pod)}) to ${podRejects[0]!['dstaddr']}:${podRejects[0]!['dstport']}`,
    ]);
  });

  it('reject-reasons: REJECTs by reason and direction', async () => {
    const rejects = records.filter((r) => r['action'] === 'REJECT');
    const egress = rejects.filter((r) => r['flow-direction'] === 'egress').length;
    const ingress = rejects.filter((r) => r['flow-direction'] === 'ingress').length;
    const titles = (await findings(detector('reject-reasons'), lines)).findings.map((f) => f.title);
    const expected = [...(egress > 0 ? [`${egress} REJECT(s) leaving`] : []), ...(ingress > 0 ? [`${ingress} REJECT(s) arriving at`] : [])];
    expect(expected.length).toBeGreaterThan(0);
    expect(titles.map((t) => t.replace(/ \d+ ENI.*$/, '')).sort()).toEqual(expected.sort());
  });
});

describe('records from AWS documentation', () => {
  const format = RecordFormat.custom([
    'version',
    'interface-id',
    'srcaddr',
    'dstaddr',
    'srcport',
    'dstport',
    'protocol',
    'packets',
    'bytes',
    'start',
    'end',
    'action',
    'log-status',
    'tcp-flags',
    'flow-direction',
    'traffic-path',
    'reject-reason',
  ]);
  it('unexpected-traffic-path reports egress through an internet gateway (8), not the same-VPC path (1)', async () => {
    // AWS "Flow log records", traffic-path: 1 same VPC, 8 internet gateway (Nitro).
    const lines = [
      '5 eni-1 10.0.1.5 52.95.1.1 40000 443 6 10 1000 1700000000 1700000059 ACCEPT OK 3 egress 8 -',
      '5 eni-1 10.0.1.5 10.0.2.5 40001 443 6 10 1000 1700000000 1700000059 ACCEPT OK 3 egress 1 -',
    ];
    const run = await findings(detector('unexpected-traffic-path'), lines, format);
    expect(run.findings.map((f) => f.title)).toEqual(['1 record(s), 1000 bytes from 10.0.1.5 to 52.95.1.1 left eni-1 through an internet gateway']);
  });

  it('reject-reasons tells BPA from every other reason', async () => {
    // AWS "Flow log records", reject-reason: "Possible values: BPA. Returns a '-' for any other reject reason."
    const lines = [
      '8 eni-1 203.0.113.5 10.0.1.5 40000 443 6 1 60 1700000000 1700000059 REJECT OK 2 ingress - BPA',
      '8 eni-1 203.0.113.6 10.0.1.5 40000 22 6 1 60 1700000000 1700000059 REJECT OK 2 ingress - -',
    ];
    const run = await findings(detector('reject-reasons'), lines, format);
    expect(run.findings.map((f) => [f.severity, f.title])).toEqual([
      ['high', '1 REJECT(s) arriving at 1 ENI(s): VPC Block Public Access'],
      ['low', '1 REJECT(s) arriving at 1 ENI(s): security groups or network ACLs (reject-reason -)'],
    ]);
  });

  it("unanswered-connections pairs the TCP flag sequence of AWS's example: SYN 2 answered by SYN-ACK 18", async () => {
    // AWS "Flow log record examples", TCP flag sequence: 52.213.180.42:43416 → 10.0.0.62:5001 SYN (2), answered by SYN-ACK (18).
    const lines = [
      '3 eni-1235b8ca123456789 52.213.180.42 10.0.0.62 43416 5001 6 8 568 1566848875 1566848933 ACCEPT OK 2 ingress - -',
      '3 eni-1235b8ca123456789 10.0.0.62 52.213.180.42 5001 43416 6 7 376 1566848875 1566848933 ACCEPT OK 18 egress 1 -',
      '3 eni-1235b8ca123456789 52.213.180.42 10.0.0.62 43418 5001 6 1 60 1566848875 1566848933 ACCEPT OK 2 ingress - -',
    ];
    const run = await findings(detector('unanswered-connections'), lines, format);
    expect(run.findings.map((f) => f.title)).toEqual([
      '1 connection attempt(s) from 52.213.180.42 to 10.0.0.62:5001 never answered, seen on eni-1235b8ca123456789 (ACCEPTed there, no SYN-ACK came back)',
    ]);
  });
});

describe('detectors given rows without their fields', () => {
  const plain = [...generateSampleTraffic(spec, { records: 3000, seed: 5 })];
  for (const [id, field] of [
    ['unanswered-connections', '${tcp-flags}'],
    ['resets', '${tcp-flags}'],
    ['pod-attribution', '${pkt-srcaddr}'],
    ['unexpected-traffic-path', '${flow-direction}'],
    ['reject-reasons', '${flow-direction}'],
  ] as const) {
    it(`${id} says which field the default format lacks, instead of "nothing found"`, async () => {
      const run = await findings(detector(id), plain, RecordFormat.DEFAULT);
      expect(run.findings).toEqual([]);
      expect(run.error).toContain(field);
    });
  }
  it('the seed detectors too: a custom format without srcaddr is reported, not "0 rejects from undefined"', async () => {
    const fields = ['version', 'interface-id', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status'];
    const lines = [...generateSampleTraffic(spec, { records: 3000, seed: 5, format: fields })];
    const runs = await runDetectors(
      async (q) => runQueryOnText(q, lines.join('\n'), { format: RecordFormat.custom(fields) }).rows,
      { vpcCidr: spec.vpcCidr },
      DETECTORS.slice(0, 4),
    );
    for (const run of runs) {
      expect(run.findings.map((f) => f.title).join(' ')).not.toContain('undefined');
      expect({ detector: run.detector, error: run.error }).toEqual({ detector: run.detector, error: expect.stringContaining('${srcaddr}') });
    }
  });

  it('with the format known, a missing field is reported before any query runs', async () => {
    let queried = false;
    const [run] = await runDetectors(async () => ((queried = true), []), {}, [detector('reject-reasons')], {
      availableFields: new Set(RecordFormat.DEFAULT.fields.map((f) => f.insights)),
    });
    expect(queried).toBe(false);
    expect(run!.error).toContain('${reject-reason}');
  });
});
