import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW_LOG_FORMAT_FIELDS, FLOW_LOG_FIELDS, findFlowLogField, flowLogFormatString } from './flow-log-fields.js';

// Expectations written from AWS's "Flow log records" table, as far as it could be read:
// - versions 2-5 from AWS's own doc source, awsdocs/amazon-vpc-user-guide @a16ab76ed2f6b230672e98a0b2bfdab6d165ac4a,
//   doc_source/flow-logs.md ("Available fields": field, description, version; Parquet type INT_32/INT_64/STRING);
// - version 7 (the ecs-* fields) from a verbatim copy of the live table;
// - versions 8-11 from secondary sources only (the live rows could not be read): see flow-log-fields.ts.
const AWS_DOC_SOURCE: ReadonlyArray<readonly [string, number]> = [
  ['version', 2],
  ['account-id', 2],
  ['interface-id', 2],
  ['srcaddr', 2],
  ['dstaddr', 2],
  ['srcport', 2],
  ['dstport', 2],
  ['protocol', 2],
  ['packets', 2],
  ['bytes', 2],
  ['start', 2],
  ['end', 2],
  ['action', 2],
  ['log-status', 2],
  ['vpc-id', 3],
  ['subnet-id', 3],
  ['instance-id', 3],
  ['tcp-flags', 3],
  ['type', 3],
  ['pkt-srcaddr', 3],
  ['pkt-dstaddr', 3],
  ['region', 4],
  ['az-id', 4],
  ['sublocation-type', 4],
  ['sublocation-id', 4],
  ['pkt-src-aws-service', 5],
  ['pkt-dst-aws-service', 5],
  ['flow-direction', 5],
  ['traffic-path', 5],
];
const ECS_FIELDS = [
  'ecs-cluster-arn',
  'ecs-cluster-name',
  'ecs-container-instance-arn',
  'ecs-container-instance-id',
  'ecs-container-id',
  'ecs-second-container-id',
  'ecs-service-name',
  'ecs-task-definition-arn',
  'ecs-task-arn',
  'ecs-task-id',
];
const SECONDARY: ReadonlyArray<readonly [string, number]> = [
  ['reject-reason', 8],
  ['resource-id', 9],
  ['encryption-status', 10],
  ...[
    'instance-tag',
    'instance-tag-2',
    'interface-tag',
    'interface-tag-2',
    'asg-tag',
    'asg-tag-2',
    'interface-type',
    'next-hop-interface-id',
    'next-hop-subnet-id',
    'next-hop-az-id',
    'next-hop-vpc-id',
    'next-hop-interface-type',
  ].map((name) => [name, 11] as const),
];

describe('flow-log fields', () => {
  it("has every field of AWS's table, in its order, with the version that introduced it", () => {
    const expected = [...AWS_DOC_SOURCE, ...ECS_FIELDS.map((n) => [n, 7] as const), ...SECONDARY];
    expect(FLOW_LOG_FIELDS.map((f) => [f.name, f.version])).toEqual(expected);
  });

  it("types AWS's INT_32 and INT_64 fields as integers (64-bit values stay exact up to 2^53)", () => {
    // INT_32: version, srcport, dstport, protocol, tcp-flags, traffic-path; INT_64: packets, bytes, start, end.
    const ints = ['version', 'srcport', 'dstport', 'protocol', 'tcp-flags', 'traffic-path', 'packets', 'bytes', 'start', 'end'];
    for (const name of ints) expect(findFlowLogField(name)?.kind, name).toBe('int');
    // STRING in AWS's table; the four addresses are checked as IP addresses here.
    for (const name of ['srcaddr', 'dstaddr', 'pkt-srcaddr', 'pkt-dstaddr']) expect(findFlowLogField(name)?.kind, name).toBe('address');
    for (const name of ['account-id', 'interface-id', 'action', 'log-status', 'type', 'flow-direction', 'interface-type', 'resource-id'])
      expect(findFlowLogField(name)?.kind, name).toBe('string');
  });

  it('makes the default format of the fourteen version-2 fields, as AWS writes it', () => {
    expect(flowLogFormatString(DEFAULT_FLOW_LOG_FORMAT_FIELDS)).toBe(
      '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}',
    );
  });

  it('knows no field twice and no field AWS does not list', () => {
    expect(new Set(FLOW_LOG_FIELDS.map((f) => f.name)).size).toBe(FLOW_LOG_FIELDS.length);
    expect(findFlowLogField('next-hop')).toBeUndefined();
    expect(findFlowLogField('srcAddr')).toBeUndefined();
  });
});
