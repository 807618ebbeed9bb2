import { describe, expect, it } from 'vitest';
import { assertValidSpec, evaluateFlow, preset, type FlowQuestion, type FlowVerdict } from '@artos/model';
import { generateSampleTraffic, planSampleTraffic, RICH_SAMPLE_FORMAT_FIELDS, sampleCast } from './sample-traffic.js';
import { runQueryOnText } from './run-query.js';

const spec = assertValidSpec(preset('production'));
const RICH = RICH_SAMPLE_FORMAT_FIELDS;

/** An independent reading of a line: AWS field name → value. */
function read(line: string, fields: readonly string[] = RICH): Record<string, string> {
  const parts = line.split(' ');
  return Object.fromEntries(fields.map((f, i) => [f, parts[i]!]));
}

describe('generateSampleTraffic', () => {
  it('writes exactly the records asked for, whatever the number, deterministically per seed', () => {
    for (const n of [1, 2, 3, 5, 7, 64, 333, 2000]) expect([...generateSampleTraffic(spec, { records: n })]).toHaveLength(n);
    const a = [...generateSampleTraffic(spec, { records: 2000, seed: 3 })];
    expect([...generateSampleTraffic(spec, { records: 2000, seed: 3 })]).toEqual(a);
    expect([...generateSampleTraffic(spec, { records: 2000, seed: 4 })]).not.toEqual(a);
    // The header line is not a record.
    expect([...generateSampleTraffic(spec, { records: 5, header: true })]).toHaveLength(6);
  });

  it('leaves out incidents that do not fit and says so', () => {
    const plan = planSampleTraffic(spec, { records: 50 });
    expect(plan.skipped.map((s) => s.id)).toContain('outside-scan');
    expect(plan.skipped.find((s) => s.id === 'outside-scan')!.reason).toMatch(/needs \d+ records, \d+ left of --records 50/);
  });

  it('writes the version of a custom format as the highest version of its fields', () => {
    // AWS "Flow log records", version: "If you specify a mixture of fields from versions 2, 3, and 4, the version is 4."
    const lines = [...generateSampleTraffic(spec, { records: 10, format: ['version', 'srcaddr', 'tcp-flags', 'az-id'] })];
    expect(new Set(lines.map((l) => l.split(' ')[0]))).toEqual(new Set(['4']));
    expect(new Set([...generateSampleTraffic(spec, { records: 10 })].map((l) => l.split(' ')[0]))).toEqual(new Set(['2']));
  });

  it('parses cleanly in the default format, with NODATA and SKIPDATA carrying - as AWS writes them', () => {
    const lines = [...generateSampleTraffic(spec, { records: 20_000 })];
    const r = runQueryOnText('stats count() as n by logStatus', lines.join('\n'));
    expect(r.statistics.info.skipped).toBe(0);
    expect(r.rows.map((x) => x['logStatus']).sort()).toEqual(['NODATA', 'OK', 'SKIPDATA']);
    // AWS "Flow log record examples": 2 123456789010 eni-… - - - - - - - 1431280876 1431280934 - NODATA
    for (const line of lines.filter((l) => / (NODATA|SKIPDATA)$/.test(l)))
      expect(line).toMatch(/^2 \d{12} eni-[0-9a-f]{17} - - - - - - - \d+ \d+ - (NODATA|SKIPDATA)$/);
  });

  it('places pods on secondary addresses of node ENIs and logs them in pkt-srcaddr', () => {
    const plan = planSampleTraffic(spec, { records: 1 }).placement;
    const podEnis = new Set(plan.pods.map((p) => p.eni!.id));
    const nodeEnis = new Set(plan.nodes.map((n) => n.eni!.id));
    expect([...podEnis].every((e) => nodeEnis.has(e))).toBe(true);
    const records = [...generateSampleTraffic(spec, { records: 5000, format: RICH, incidents: false })].map((l) => read(l));
    const pods = new Set(plan.pods.map((p) => p.address));
    const podEgress = records.filter((r) => r['flow-direction'] === 'egress' && pods.has(r['pkt-srcaddr']!));
    expect(podEgress.length).toBeGreaterThan(0);
    // Leaving a node ENI, srcaddr is the ENI's own address and pkt-srcaddr the pod's (AWS "Flow log records", pkt-srcaddr).
    for (const r of podEgress) expect(plan.nodes.find((n) => n.eni!.id === r['interface-id'])?.address).toBe(r['srcaddr']);
  });

  it('logs every admitted TCP connection both ways on both ENIs: SYN|FIN 3 out, SYN-ACK|FIN 19 back', () => {
    // AWS "Flow log records", tcp-flags: "19 for SYN-ACK and FIN, and 3 for SYN and FIN".
    const records = [...generateSampleTraffic(spec, { records: 4000, format: RICH, incidents: false })]
      .map((l) => read(l))
      .filter((r) => r['log-status'] === 'OK' && r['protocol'] === '6');
    const flags = new Set(records.map((r) => r['tcp-flags']));
    expect(flags).toEqual(new Set(['3', '19']));
    const requests = records.filter((r) => r['tcp-flags'] === '3').length;
    expect(records.filter((r) => r['tcp-flags'] === '19').length).toBe(requests);
    expect(new Set(records.map((r) => r['flow-direction']))).toEqual(new Set(['egress', 'ingress']));
  });

  it('clean traffic has no REJECT at all', () => {
    const text = [...generateSampleTraffic(spec, { records: 20_000, incidents: false })].join('\n');
    expect(runQueryOnText('filter action = "REJECT" | stats count() as n', text).rows).toEqual([]);
  });

  it('the endpoint ENIs are the interface endpoints of the spec, one per service and private subnet', () => {
    expect(sampleCast(spec).endpoints).toHaveLength(spec.interfaceEndpointServices.length * spec.privateSubnetCidrs.length);
    expect(sampleCast({ ...spec, enableVpcEndpoints: false }).endpoints).toEqual([]);
  });
});

describe('every record agrees with the evaluator', () => {
  it('ACCEPT ⇔ admitted: requests judged as requests, replies as replies of the request they answer', () => {
    const plan = planSampleTraffic(spec, { records: 30_000 });
    const enis = new Set(plan.model.networkInterfaces.map((e) => e.id));
    const lines = [...generateSampleTraffic(spec, { records: 30_000, format: RICH })].map((l) => read(l)).filter((r) => r['log-status'] === 'OK');
    const verdicts = new Map<string, FlowVerdict>();
    const judge = (question: FlowQuestion) => {
      const key = JSON.stringify(question);
      if (!verdicts.has(key)) verdicts.set(key, evaluateFlow(plan.model, question));
      return verdicts.get(key)!;
    };
    let checked = 0;
    for (const r of lines) {
      expect(enis.has(r['interface-id']!)).toBe(true);
      const flags = Number(r['tcp-flags']);
      // A reply: SYN-ACK or RST set; without SYN (a long transfer's middle) or for UDP, from a service port to an ephemeral one.
      const byPorts = Number(r['srcport']) < 32768 && Number(r['dstport']) >= 32768;
      const reply = r['protocol'] === '6' ? (flags & 18) === 18 || (flags & 4) === 4 || ((flags & 2) === 0 && byPorts) : byPorts;
      const [client, server, port] = reply
        ? [r['pkt-dstaddr']!, r['pkt-srcaddr']!, Number(r['srcport'])]
        : [r['pkt-srcaddr']!, r['pkt-dstaddr']!, Number(r['dstport'])];
      const request = judge({ source: { address: client }, destination: { address: server }, port, protocol: Number(r['protocol']) });
      let expected: boolean;
      if (!reply && r['flow-direction'] === 'egress') {
        // Leaving the client, the request passes when its own group and subnet ACL let it out.
        expected = !request.blocking.some((h) => h.step === 'source-security-group' || h.step === 'source-nacl-outbound');
      } else if (!reply) {
        expected = request.action === 'ACCEPT';
      } else {
        // A reply exists only for an admitted request, and passes as a reply (stateful groups; ACLs checked both ways).
        const back = judge({
          source: { address: server },
          destination: { address: client },
          port: Number(r['dstport']),
          sourcePort: port,
          protocol: Number(r['protocol']),
          direction: 'reply',
        });
        expected = request.action === 'ACCEPT' && back.action === 'ACCEPT';
      }
      expect({ line: r, action: r['action'] }).toEqual({ line: r, action: expected ? 'ACCEPT' : 'REJECT' });
      checked++;
    }
    expect(checked).toBeGreaterThan(25_000);
  });
});
