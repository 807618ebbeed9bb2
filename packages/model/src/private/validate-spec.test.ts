import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertValidSpec, validateSpec } from './validate-spec.js';
import { isModelError, type SpecIssueCode } from './errors.js';

const base = { namePrefix: 'artos-test' };

interface Case {
  readonly name: string;
  readonly input: unknown;
  readonly path: string;
  readonly code: SpecIssueCode;
  readonly message: RegExp;
  readonly severity?: 'error' | 'warning';
}

const CASES: readonly Case[] = [
  { name: 'bad CIDR string', input: { ...base, vpcCidr: '10.0.0.0' }, path: 'vpcCidr', code: 'invalid-cidr', message: /not an IPv4 CIDR/ },
  {
    name: 'octet out of range',
    input: { ...base, privateSubnetCidrs: ['10.0.300.0/24'] },
    path: 'privateSubnetCidrs[0]',
    code: 'invalid-cidr',
    message: /10\.0\.300\.0/,
  },
  {
    name: 'prefix out of range',
    input: { ...base, databaseSubnetCidrs: ['10.0.100.0/33', '10.0.200.0/24'] },
    path: 'databaseSubnetCidrs[0]',
    code: 'invalid-cidr',
    message: /not an IPv4 CIDR/,
  },
  { name: 'leading zero octet', input: { ...base, vpcCidr: '010.0.0.0/16' }, path: 'vpcCidr', code: 'invalid-cidr', message: /not an IPv4 CIDR/ },
  {
    name: 'unaligned subnet',
    input: { ...base, privateSubnetCidrs: ['10.0.10.7/24'] },
    path: 'privateSubnetCidrs[0]',
    code: 'cidr-host-bits',
    message: /10\.0\.10\.7\/24 is not a network address/,
  },
  { name: 'unaligned VPC', input: { ...base, vpcCidr: '10.0.1.0/16' }, path: 'vpcCidr', code: 'cidr-host-bits', message: /not a network address/ },
  { name: 'VPC too large', input: { ...base, vpcCidr: '10.0.0.0/8' }, path: 'vpcCidr', code: 'cidr-size', message: /\/16 to \/28/ },
  { name: 'subnet too small', input: { ...base, privateSubnetCidrs: ['10.0.10.0/29'] }, path: 'privateSubnetCidrs[0]', code: 'cidr-size', message: /\/29/ },
  {
    name: 'subnet outside the VPC',
    input: { ...base, databaseSubnetCidrs: ['10.0.100.0/24', '10.1.200.0/24'] },
    path: 'databaseSubnetCidrs[1]',
    code: 'subnet-outside-vpc',
    message: /outside the VPC CIDR 10\.0\.0\.0\/16/,
  },
  {
    name: 'subnets overlap within a tier',
    input: { ...base, privateSubnetCidrs: ['10.0.10.0/24', '10.0.10.128/25'] },
    path: 'privateSubnetCidrs[1]',
    code: 'subnet-overlap',
    message: /overlaps 10\.0\.10\.0\/24/,
  },
  {
    name: 'subnets overlap across tiers',
    input: { ...base, databaseSubnetCidrs: ['10.0.10.0/24', '10.0.200.0/24'] },
    path: 'databaseSubnetCidrs[0]',
    code: 'subnet-overlap',
    message: /privateSubnetCidrs\[0\]/,
  },
  { name: 'unknown key', input: { ...base, vpc_cidr: '10.0.0.0/16' }, path: 'vpc_cidr', code: 'unknown-key', message: /unknown key "vpc_cidr"/ },
  { name: 'unknown nested key', input: { ...base, flowLogs: { retention: 14 } }, path: 'flowLogs.retention', code: 'unknown-key', message: /unknown key/ },
  {
    name: 'wrong type: string for list',
    input: { ...base, privateSubnetCidrs: '10.0.10.0/24' },
    path: 'privateSubnetCidrs',
    code: 'wrong-type',
    message: /expected a list/,
  },
  {
    name: 'wrong type: number in list',
    input: { ...base, databaseSubnetCidrs: ['10.0.100.0/24', 42] },
    path: 'databaseSubnetCidrs[1]',
    code: 'wrong-type',
    message: /expected string/,
  },
  {
    name: 'wrong type: boolean as string',
    input: { ...base, enableVpcEndpoints: 'yes' },
    path: 'enableVpcEndpoints',
    code: 'wrong-type',
    message: /expected boolean/,
  },
  { name: 'not an object', input: ['10.0.0.0/16'], path: '', code: 'wrong-type', message: /expected object/ },
  { name: 'missing namePrefix', input: { vpcCidr: '10.0.0.0/16' }, path: 'namePrefix', code: 'missing-required', message: /namePrefix is required/ },
  {
    name: 'vpcId without its CIDR',
    input: { ...base, vpcId: 'vpc-0123456789abcdef0' },
    path: 'vpcCidr',
    code: 'vpc-cidr-required',
    message: /without its CIDR/,
  },
  {
    name: 'subnet ids without a VPC',
    input: { ...base, privateSubnetIds: ['subnet-0123456789abcdef0'] },
    path: 'privateSubnetIds',
    code: 'subnet-ids-need-vpc',
    message: /no vpcId/,
  },
  {
    name: 'ids and CIDRs mixed inconsistently',
    input: {
      ...base,
      vpcId: 'vpc-0123456789abcdef0',
      vpcCidr: '10.0.0.0/16',
      privateSubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
      privateSubnetCidrs: ['10.0.10.0/24'],
    },
    path: 'privateSubnetCidrs',
    code: 'subnet-ids-cidrs-mismatch',
    message: /2 privateSubnetIds but 1 privateSubnetCidrs/,
  },
  { name: 'namePrefix AWS rejects', input: { namePrefix: 'Artos_Prod' }, path: 'namePrefix', code: 'invalid-name-prefix', message: /would be rejected/ },
  {
    name: 'namePrefix with a double hyphen',
    input: { namePrefix: 'artos--prod' },
    path: 'namePrefix',
    code: 'invalid-name-prefix',
    message: /would be rejected/,
  },
  { name: 'namePrefix too long', input: { namePrefix: 'a'.repeat(40) }, path: 'namePrefix', code: 'invalid-name-prefix', message: /would be rejected/ },
  { name: 'empty namePrefix', input: { namePrefix: '' }, path: 'namePrefix', code: 'invalid-name-prefix', message: /empty/ },
  { name: 'empty tier', input: { ...base, privateSubnetCidrs: [] }, path: 'privateSubnetCidrs', code: 'empty-tier', message: /no subnets/ },
  {
    name: 'more subnets than AZs',
    input: { ...base, availabilityZoneCount: 1 },
    path: 'privateSubnetCidrs',
    code: 'az-count',
    message: /2 subnets but the network spans 1 AZs/,
  },
  {
    name: 'bad AZ name',
    input: { ...base, availabilityZoneNames: ['eu-west-1a', 'west'] },
    path: 'availabilityZoneNames[1]',
    code: 'az-names',
    message: /not an availability-zone name/,
  },
  {
    name: 'AZs in two regions',
    input: { ...base, availabilityZoneNames: ['eu-west-1a', 'us-east-1b'] },
    path: 'availabilityZoneNames',
    code: 'az-names',
    message: /span regions/,
  },
  {
    name: 'unknown endpoint service',
    input: { ...base, interfaceEndpointServices: ['sts', 'kinesis'] },
    path: 'interfaceEndpointServices[1]',
    code: 'unknown-endpoint-service',
    message: /"kinesis"/,
  },
  {
    name: 'duplicate endpoint service',
    input: { ...base, interfaceEndpointServices: ['sts', 'sts'] },
    path: 'interfaceEndpointServices[1]',
    code: 'duplicate-value',
    message: /listed twice/,
  },
  { name: 'reserved tag prefix', input: { ...base, tags: { 'aws:owner': 'me' } }, path: 'tags["aws:owner"]', code: 'invalid-tag', message: /reserved prefix/ },
  {
    name: 'tag with control characters',
    input: { ...base, tags: { Team: 'a\u001b[31mred' } },
    path: 'tags["Team"]',
    code: 'invalid-tag',
    message: /not a valid AWS tag value/,
  },
  {
    name: 'retention CloudWatch does not accept',
    input: { ...base, flowLogs: { retentionDays: 15 } },
    path: 'flowLogs.retentionDays',
    code: 'invalid-flow-log-setting',
    message: /15 days/,
  },
  {
    name: 'aggregation interval not 60 or 600',
    input: { ...base, flowLogs: { maxAggregationIntervalSeconds: 30 } },
    path: 'flowLogs.maxAggregationIntervalSeconds',
    code: 'invalid-flow-log-setting',
    message: /30/,
  },
  {
    name: 'traffic type not in the enum',
    input: { ...base, flowLogs: { trafficType: 'SOME' } },
    path: 'flowLogs.trafficType',
    code: 'invalid-flow-log-setting',
    message: /SOME/,
  },
  {
    name: 'unknown flow-log field',
    input: { ...base, flowLogs: { logFormatFields: ['srcaddr', 'src-address'] } },
    path: 'flowLogs.logFormatFields[1]',
    code: 'invalid-flow-log-setting',
    message: /"src-address"/,
  },
  {
    name: 'bad log group name',
    input: { ...base, flowLogs: { logGroupNamePattern: '/vpc/{vpc_id}/flow logs!' } },
    path: 'flowLogs.logGroupNamePattern',
    code: 'invalid-flow-log-setting',
    message: /not a valid CloudWatch Logs group name/,
  },
  {
    name: 'createDbSubnetGroup on a single-AZ database tier',
    input: { ...base, databaseSubnetCidrs: ['10.0.100.0/24'], createDbSubnetGroup: true },
    path: 'databaseSubnetCidrs',
    code: 'single-az-database',
    message: /at least two AZs/,
  },
  {
    name: 'malformed bastion group id',
    input: { ...base, bastionSecurityGroupId: 'bastion' },
    path: 'bastionSecurityGroupId',
    code: 'invalid-aws-id',
    message: /not an AWS sg id/,
    severity: 'error',
  },
];

describe('validateSpec on malformed specs', () => {
  it('has at least 25 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  it.each(CASES)('$name → $path ($code)', ({ input, path, code, message, severity }) => {
    const result = validateSpec(input);
    const issue = result.issues.find((i) => i.path === path && i.code === code);
    expect(issue, JSON.stringify(result.issues, null, 2)).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(issue!.hint.length).toBeGreaterThan(0);
    expect(issue!.severity).toBe(severity ?? 'error');
    if ((severity ?? 'error') === 'error') {
      expect(result.ok).toBe(false);
      expect(result.spec).toBeUndefined();
      expect(() => assertValidSpec(input, 'case.yaml')).toThrowError(/case\.yaml/);
    }
  });

  it('suggests the fix for an unaligned CIDR', () => {
    const result = validateSpec({ ...base, privateSubnetCidrs: ['10.0.10.7/24'] });
    expect(result.issues[0]!.hint).toBe('use 10.0.10.0/24');
  });

  it('suggests the closest key for a misspelt one', () => {
    const result = validateSpec({ ...base, privateSubnetCidr: ['10.0.10.0/24'] });
    expect(result.issues[0]!.hint).toContain('privateSubnetCidrs');
  });

  it('reports every problem at once, unknown keys included', () => {
    const result = validateSpec({ namePrefix: 'Bad Name', vpcCidr: '10.0.0.1/16', typo: true, databaseSubnetCidrs: ['10.0.100.0/24', '10.0.100.0/24'] });
    expect(result.issues.map((i) => i.code).sort()).toEqual(['cidr-host-bits', 'invalid-name-prefix', 'subnet-overlap', 'unknown-key']);
  });

  it('never throws anything but the model error, whatever the input', () => {
    const anyJson = fc.oneof(
      fc.anything(),
      fc.record(
        {
          namePrefix: fc.string(),
          vpcCidr: fc.string(),
          privateSubnetCidrs: fc.array(fc.string()),
          databaseSubnetCidrs: fc.array(fc.string()),
          tags: fc.dictionary(fc.string(), fc.string()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(anyJson, (input) => {
        const result = validateSpec(input);
        expect(result.ok).toBe(result.spec !== undefined);
        try {
          assertValidSpec(input);
        } catch (error) {
          expect(isModelError(error)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
