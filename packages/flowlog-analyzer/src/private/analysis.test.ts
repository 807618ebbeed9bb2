import { describe, expect, it } from 'vitest';
import { assertValidSpec, modelFromSpec, plannedGroupId, preset, type NetworkModel } from '@artos/model';
import { generateSampleTraffic, planSampleTraffic, sampleCast } from './sample-traffic.js';
import { SAMPLE_S3_ADDRESS } from './traffic/incidents.js';
import { runQueryOnText } from './run-query.js';
import { CANNED_QUERIES, endpointUsageFilter, findCannedQuery } from './canned-queries.js';
import { DETECTORS, SEED_DETECTORS, runDetectors } from './detectors/run-detectors.js';
import { createAnnotator } from './explain.js';
import { acceptedFlowsFromRows, auditRules } from './rule-audit.js';

const spec = assertValidSpec(preset('production'));
const model = modelFromSpec(spec);
const cast = sampleCast(spec);
const incidentText = [...generateSampleTraffic(spec, { records: 40_000, seed: 11 })].join('\n');
const cleanText = [...generateSampleTraffic(spec, { records: 40_000, seed: 11, incidents: false })].join('\n');

// Independent reading of the records for the oracles.
const parsed = incidentText
  .split('\n')
  .map((l) => l.split(' '))
  .map((p) => ({
    eni: p[2]!,
    src: p[3]!,
    dst: p[4]!,
    sp: p[5]!,
    dp: p[6]!,
    proto: p[7]!,
    bytes: p[9]!,
    start: Number(p[10]),
    end: Number(p[11]),
    action: p[12]!,
  }));
const rejects = parsed.filter((r) => r.action === 'REJECT');
const isPrivate = (a: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a);
const sumBy = <T>(rows: T[], key: (r: T) => string, value: (r: T) => number) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + value(r));
  return m;
};
const run = (id: string, params: Record<string, string> = {}, text = incidentText) =>
  runQueryOnText(findCannedQuery(id)!.text({ vpcCidr: spec.vpcCidr, ...params }), text).rows;

describe('canned queries, run locally, against an independent computation', () => {
  it('are the seed analysis and the rich-field readers, each one valid query text', () => {
    expect(CANNED_QUERIES.map((q) => q.id)).toEqual([
      'top-rejected',
      'rejected-postgres',
      'repeated-rejects',
      'port-scan-candidates',
      'unusual-sources',
      'exfiltration-indicators',
      'top-talkers',
      'endpoint-usage',
      'accepted-flows',
      'unanswered-connections',
      'resets',
      'capture-gaps',
      'pod-attribution',
      'unexpected-traffic-path',
      'reject-reasons',
    ]);
    // Each runs on no input: no rows, nothing scanned, nothing malformed (a parse error would throw).
    for (const q of CANNED_QUERIES) expect(runQueryOnText(q.text(), ''), q.id).toMatchObject({ rows: [], statistics: { recordsScanned: 0 } });
  });

  it('top-rejected', () => {
    const expected = [
      ...sumBy(
        rejects,
        (r) => `${r.src} ${r.dp}`,
        () => 1,
      ),
    ].sort((a, b) => b[1] - a[1])[0]!;
    expect(run('top-rejected')[0]).toEqual({ srcAddr: expected[0].split(' ')[0], dstPort: expected[0].split(' ')[1], rejects: String(expected[1]) });
  });

  it('rejected-postgres', () => {
    const expected = sumBy(
      rejects.filter((r) => r.dp === '5432'),
      (r) => `${r.src}>${r.dst}`,
      () => 1,
    );
    expect(expected.size).toBeGreaterThan(0);
    expect(Object.fromEntries(run('rejected-postgres').map((r) => [`${r['srcAddr']}>${r['dstAddr']}`, Number(r['rejects'])]))).toEqual(
      Object.fromEntries(expected),
    );
  });

  it('repeated-rejects and port-scan-candidates', () => {
    const bucket = (t: number) => Math.floor(t / 300);
    const repeated = [
      ...sumBy(
        rejects,
        (r) => `${r.src}>${r.dst}:${r.dp}@${bucket(r.start)}`,
        () => 1,
      ),
    ].filter(([, n]) => n >= 20);
    expect(
      run('repeated-rejects')
        .map((r) => `${r['srcAddr']}>${r['dstAddr']}:${r['dstPort']}`)
        .sort(),
    ).toEqual(repeated.map(([k]) => k.split('@')[0]).sort());
    const ports = new Map<string, Set<string>>();
    for (const r of rejects) {
      const k = `${r.src}@${bucket(r.start)}`;
      ports.set(k, (ports.get(k) ?? new Set()).add(r.dp));
    }
    const scans = [...ports].filter(([, s]) => s.size >= 20).map(([k, s]) => `${k.split('@')[0]}:${s.size}`);
    expect(scans.length).toBe(1);
    expect(
      run('port-scan-candidates')
        .map((r) => `${r['srcAddr']}:${r['ports']}`)
        .sort(),
    ).toEqual(scans.sort());
  });

  it('unusual-sources, exfiltration-indicators and top-talkers', () => {
    // Replies (service port back to a higher client port) answer connections made from inside.
    const unusual = sumBy(
      parsed.filter((r) => r.src !== '-' && !isPrivate(r.src) && Number(r.sp) >= Number(r.dp)),
      (r) => `${r.src} ${r.action}`,
      () => 1,
    );
    expect(run('unusual-sources').map((r) => `${r['srcAddr']} ${r['action']}=${r['records']}`)).toEqual([...unusual].map(([k, n]) => `${k}=${n}`));
    const perEni = sumBy(
      parsed.filter((r) => r.action === 'ACCEPT' && r.dst !== '-'),
      (r) => `${r.src}>${r.dst}@${r.eni}`,
      (r) => Number(r.bytes),
    );
    expect(
      run('exfiltration-indicators')
        .map((r) => `${r['srcAddr']}>${r['dstAddr']}@${r['interfaceId']}=${r['bytes']}`)
        .sort(),
    ).toEqual(
      [...perEni]
        .filter(([, b]) => b >= 1e9)
        .map(([k, b]) => `${k}=${b}`)
        .sort(),
    );
    const talkers = [
      ...sumBy(
        parsed.filter((r) => r.bytes !== '-'),
        (r) => `${r.src}>${r.dst}`,
        (r) => Number(r.bytes),
      ),
    ]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3);
    expect(run('top-talkers', { limit: '3' }).map((r) => `${r['srcAddr']}>${r['dstAddr']}=${r['bytes']}`)).toEqual(talkers.map(([k, b]) => `${k}=${b}`));
  });

  it('endpoint-usage takes the endpoint ENIs from the provider, by address or by subnet', () => {
    const endpoints = cast.endpoints;
    const expected = parsed.filter((r) => endpoints.includes(r.dst)).length;
    expect(expected).toBeGreaterThan(0);
    const rows = run('endpoint-usage', { endpointFilter: endpointUsageFilter({ addresses: endpoints }) });
    expect(rows.reduce((s, r) => s + Number(r['records']), 0)).toBe(expected);
    const inPrivate443 = parsed.filter((r) => r.dp === '443' && /^10\.0\.(10|20|30)\./.test(r.dst)).length;
    const bySubnet = run('endpoint-usage', { endpointFilter: endpointUsageFilter({ subnetCidrs: spec.privateSubnetCidrs }) });
    expect(bySubnet.reduce((s, r) => s + Number(r['records']), 0)).toBe(inPrivate443);
    const accepted = parsed.filter((r) => r.action === 'ACCEPT').length;
    const all = { limits: { defaultResultRows: 1_000_000, maxResultRows: 1_000_000, queryTimeoutMs: 0, concurrentQueries: 30, logGroupsPerQuery: 50 } };
    expect(runQueryOnText(findCannedQuery('accepted-flows')!.text(), incidentText, all).rows.reduce((s, r) => s + Number(r['flows']), 0)).toBe(accepted);
  });
});

describe('detectors', () => {
  const local = (text: string) => async (query: string) => runQueryOnText(query, text).rows;

  it('the seed detectors each find their incident', async () => {
    const runs = await runDetectors(local(incidentText), { vpcCidr: spec.vpcCidr }, SEED_DETECTORS);
    const by = Object.fromEntries(runs.map((r) => [r.detector, r]));
    expect(runs.every((r) => r.error === undefined)).toBe(true);
    expect(by['port-scan']!.findings.map((f) => f.title)).toEqual([expect.stringContaining('port scan from 192.168.0.99: 150 distinct ports')]);
    expect(by['repeated-rejects']!.findings.map((f) => f.title)).toEqual([
      expect.stringMatching(/^\d+ rejects from 10\.0\.30\.\d+ to 10\.0\.100\.\d+:5432 \(PostgreSQL\)$/),
    ]);
    expect(by['repeated-rejects']!.findings[0]!.severity).toBe('high');
    expect(by['unusual-sources']!.findings.map((f) => f.title)).toEqual(['8 records from public address 198.51.100.23, all rejected']);
    // The nodes may reach S3 (the gateway endpoint and their S3 egress): the farthest the transfer can go.
    expect(by['exfiltration']!.findings.map((f) => f.title)).toEqual([`6.00 GB from ${cast.nodes[0]} to ${SAMPLE_S3_ADDRESS}, outside the VPC`]);
    for (const run of runs) for (const f of run.findings) expect(f.window.start).toMatch(/^2023-11-14T/);
  });

  it('none fires on clean traffic', async () => {
    const runs = await runDetectors(local(cleanText), { vpcCidr: spec.vpcCidr }, SEED_DETECTORS);
    expect(runs.flatMap((r) => r.findings)).toEqual([]);
  });

  it('a failing query is reported, not fatal', async () => {
    const runs = await runDetectors(async () => {
      throw new Error('AccessDenied');
    });
    expect(runs.map((r) => r.error)).toEqual(DETECTORS.map(() => 'AccessDenied'));
  });
});

describe('explain and annotate', () => {
  const annotator = createAnnotator(model);

  it('maps addresses to tier and subnet', () => {
    expect(annotator.annotate('10.0.30.7')).toEqual({ address: '10.0.30.7', tier: 'private', subnet: 'planned-private-subnet-3' });
    expect(annotator.annotate('10.0.210.20')).toEqual({ address: '10.0.210.20', tier: 'database', subnet: 'planned-database-subnet-3' });
    expect(annotator.annotate('10.0.99.1').tier).toBe('vpc-unassigned');
    expect(annotator.annotate('203.0.113.50').tier).toBe('outside-vpc');
  });

  it('explains a REJECT to RDS by the rule that admits only the nodes group', () => {
    // Seed, RDS Security Group: 5432 from EKS Nodes SG only. The database subnets hold only RDS
    // interfaces, so 10.0.100.20 is taken to carry the RDS group, and the assumption is said.
    const e = annotator.explain({ srcAddr: '10.0.10.50', srcPort: 40512, dstAddr: '10.0.100.20', dstPort: 5432, protocol: 6, action: 'REJECT' });
    expect(e.text).toContain('rejected');
    expect(e.text).toContain('"PostgreSQL from application pods"');
    expect(e.text).toContain('admits it if 10.0.10.50 is in group eks-nodes');
    expect(e.text).toContain('[assumed: 10.0.100.20 has no known interface; taken to carry planned-rds-sg');
  });

  it('names the missing rule when nothing covers the port, as a definite REJECT', () => {
    const e = annotator.explain({ srcAddr: '10.0.10.50', srcPort: 40512, dstAddr: '10.0.100.20', dstPort: 3306, protocol: 6, action: 'REJECT' });
    expect(e.agrees).toBe(true);
    expect(e.text).toContain('has no ingress rule for tcp 3306');
  });

  it('judges a reply as a reply: RDS:5432 → node:40982 is not blocked on the way out', () => {
    // AWS, "Security group rules": security groups are stateful. The RDS group has no egress rules.
    const e = annotator.explain({ srcAddr: '10.0.100.20', srcPort: 5432, dstAddr: '10.0.10.50', dstPort: 40982, protocol: 6, action: 'ACCEPT' });
    expect(e.verdict.direction).toBe('reply');
    expect(e.agrees).toBe(true);
    expect(e.text).not.toContain('blocked');
  });

  it("uses the model's interfaces: a node's REJECT contradicts the model and says so", () => {
    const live: NetworkModel = {
      ...model,
      networkInterfaces: [
        ...model.networkInterfaces,
        {
          id: 'eni-1',
          subnetId: 'planned-private-subnet-1',
          addresses: ['10.0.10.50'],
          groupIds: [plannedGroupId('eks-nodes')],
          description: 'node',
          planned: false,
        },
      ],
    };
    const e = createAnnotator(live).explain({ srcAddr: '10.0.10.50', srcPort: 40512, dstAddr: '10.0.100.20', dstPort: 5432, protocol: 6, action: 'REJECT' });
    expect(e.agrees).toBe(false);
    expect(e.text).toContain('although the model admits it');
  });
});

/** The sample's network: the model with the sample's ENIs (pods as secondary addresses), so the audit knows who carries which group. */
function modelWithSampleHosts(): NetworkModel {
  return planSampleTraffic(spec, { records: 1 }).model;
}

describe('rule audit', () => {
  it('lists NodePorts as unused on traffic that never touches them, and no rule the traffic uses', () => {
    const text = [...generateSampleTraffic(spec, { records: 30_000, incidents: false, nodePorts: false })].join('\n');
    const rows = runQueryOnText(findCannedQuery('accepted-flows')!.text(), text, {
      limits: { defaultResultRows: 1_000_000, maxResultRows: 1_000_000, queryTimeoutMs: 0, concurrentQueries: 30, logGroupsPerQuery: 50 },
    }).rows;
    const audit = auditRules(modelWithSampleHosts(), acceptedFlowsFromRows(rows));
    const unused = audit.unused.map((u) => u.rule.catalogId);
    expect(unused).toContain('eks-nodes/ingress/tcp-30000-32767-from-self');
    // The sample has no etcd between control-plane ENIs: EKS runs etcd inside its own account.
    for (const used of [
      'rds/ingress/tcp-5432-from-eks-nodes',
      'vpc-endpoints/ingress/tcp-443-from-vpc-cidr',
      'eks-nodes/ingress/tcp-10250-from-vpc-cidr',
      'eks-nodes/ingress/udp-all-from-self',
      'alb-internal/ingress/tcp-443-from-alb-frontend',
      'eks-nodes/egress/all-to-vpc-cidr',
    ]) {
      expect(unused).not.toContain(used);
    }
    const withNodePorts = auditRules(
      modelWithSampleHosts(),
      acceptedFlowsFromRows(
        runQueryOnText(findCannedQuery('accepted-flows')!.text(), [...generateSampleTraffic(spec, { records: 30_000, incidents: false })].join('\n')).rows,
      ),
    );
    expect(withNodePorts.unused.map((u) => u.rule.catalogId)).not.toContain('eks-nodes/ingress/tcp-30000-32767-from-self');
  });
});
