import { describe, expect, it } from 'vitest';
import { assertValidSpec, preset } from '@artos/model';
import { findCannedQuery } from '../canned-queries.js';
import { RecordFormat } from '../record-format.js';
import { runQueryOnText } from '../run-query.js';
import { planSampleTraffic } from '../sample-traffic.js';
import { connectionRecords } from '../traffic/connection.js';
import { outsideHost } from '../traffic/workloads.js';
import { unexpectedTrafficPath } from './unexpected-traffic-path.js';
import { trafficPathParameters } from './traffic-path-parameters.js';

// AWS, "Flow log records" (https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html),
// traffic-path: "The path that egress traffic takes to the destination": 1 another resource in
// the same VPC, 2 an internet gateway or a gateway VPC endpoint, 3 a virtual private gateway,
// 4 an intra-region VPC peering connection, 7 a gateway VPC endpoint (Nitro), 8 an internet gateway (Nitro).
const declared = [
  { name: 'on-premises', cidr: '192.168.0.0/16', via: 'vpn' },
  { name: 'partner', cidr: '198.51.100.0/24', via: 'peering' },
] as const;
const FIELDS = [
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
  'flow-direction',
  'traffic-path',
];
const egress = (dst: string, path: number, action = 'ACCEPT') =>
  `5 eni-1 10.0.10.21 ${dst} 40000 443 6 10 1000 1700000000 1700000059 ${action} OK egress ${path}`;
const LINES = [
  egress('192.168.4.4', 3), // on-premises over its VPN: expected
  egress('198.51.100.7', 4), // the partner over its peering: expected
  egress('203.0.113.10', 3), // over the VPN, but to an address no range declares: a propagated default route
  egress('192.168.4.5', 4), // on-premises by a peering it is not declared on
  egress('10.0.20.5', 1), // inside the VPC
  egress('52.216.8.19', 7), // S3 through the gateway endpoint
  egress('203.0.113.11', 3, 'REJECT'), // rejected: nothing left
];
const UNEXPECTED = ['203.0.113.10', '192.168.4.5'];

describe('unexpected-traffic-path with declared outside ranges', () => {
  const parameters = trafficPathParameters(declared);

  it("names the network's own paths and each declared range's one path", () => {
    expect(parameters.expectedPaths).toBe('1, 2, 7');
    expect(parameters.declaredRanges).toBe('192.168.0.0/16=3, 198.51.100.0/24=4');
  });

  it('the query keeps out the declared path to a declared range, and nothing else', () => {
    const text = findCannedQuery('unexpected-traffic-path')!.text(parameters);
    const result = runQueryOnText(text, LINES.join('\n'), { format: RecordFormat.custom(FIELDS) });
    expect(result.rows.map((r) => r['dstAddr']).sort()).toEqual([...UNEXPECTED].sort());
  });

  it("the detector agrees, on rows from any query (it does not trust the query's filter)", () => {
    const rows = LINES.map((l) => l.split(' ')).map((f) => ({
      interfaceId: f[1]!,
      srcAddr: f[2]!,
      dstAddr: f[3]!,
      records: '1',
      bytes: f[8]!,
      flowDirection: f[13]!,
      trafficPath: f[14]!,
      action: f[11]!,
    }));
    const accepted = rows.filter((r) => r.action === 'ACCEPT');
    const found = unexpectedTrafficPath.detect(accepted, parameters);
    expect(found.map((f) => f.evidence[0]!['dstAddr']).sort()).toEqual([...UNEXPECTED].sort());
    // Without the declarations, the VPN and the peering are unexpected too.
    expect(unexpectedTrafficPath.detect(accepted, trafficPathParameters([])).length).toBe(4);
  });
});

describe('the sample writes the path a reply takes back to an outside client', () => {
  const spec = assertValidSpec({ ...preset('production'), outsideRanges: declared });
  const plan = planSampleTraffic(spec, { records: 2_000, incidents: [] });

  it('takes the outside ranges from the spec when it declares them', () => {
    expect(plan.outsideRangesSource).toBe('spec');
    expect(plan.placement.outsideRanges).toEqual(declared);
  });

  it('a reply from a node to a peered client leaves by traffic-path 4, to an on-premises client by 3', () => {
    const node = plan.placement.nodes[0]!;
    for (const [range, path] of [
      [declared[1], 4],
      [declared[0], 3],
    ] as const) {
      const client = outsideHost(range, 7, 'client');
      const records = connectionRecords(
        {
          client,
          server: node,
          clientPort: 40123,
          port: 443,
          protocol: 6,
          requestPackets: 3,
          requestBytes: 300,
          replyPackets: 2,
          replyBytes: 200,
          outcome: 'complete',
        },
        { admitted: true, blockedAt: undefined, reason: 'test' },
        { account: '1', vpcId: 'vpc-1', intervalStart: 0, intervalSeconds: 60, offset: 0 },
      );
      const replyOut = records.find((r) => r.flowDirection === 'egress');
      expect(replyOut).toMatchObject({ srcaddr: node.address, dstaddr: client.address, trafficPath: path });
      // The client has no ENI here: only the server's two records.
      expect(records).toHaveLength(2);
    }
  });

  it('without a VPN range, the default-route incident cannot happen and says why', () => {
    const peeredOnly = assertValidSpec({ ...preset('production'), outsideRanges: [declared[1]] });
    const p = planSampleTraffic(peeredOnly, { records: 4_000, incidents: ['default-route-over-vpn'] });
    expect(p.incidents).toEqual([]);
    expect(p.skipped[0]).toMatchObject({ id: 'default-route-over-vpn', reason: expect.stringMatching(/via: vpn/) });
  });

  it('assumed ranges that overlap the VPC are left out', () => {
    const inside = assertValidSpec({
      ...preset('production'),
      vpcCidr: '192.168.0.0/16',
      privateSubnetCidrs: ['192.168.10.0/24', '192.168.20.0/24', '192.168.30.0/24'],
      databaseSubnetCidrs: ['192.168.100.0/24', '192.168.200.0/24'],
    });
    const p = planSampleTraffic(inside, { records: 1_000, incidents: [] });
    expect(p.outsideRangesSource).toBe('assumed');
    expect(p.placement.outsideRanges.map((r) => r.cidr)).toEqual(['198.51.100.0/24']);
  });
});
