import { describe, expect, it } from 'vitest';
import { flowLogGroupName, resourceIdentity, NETWORK_TAG_KEY, ROLE_TAG_KEY, TIER_TAG_KEY } from './names.js';
import { assertValidSpec } from './validate-spec.js';
import { preset } from './presets.js';
import { GROUP_ROLES } from './security-group-types.js';
import { INTERFACE_ENDPOINTS, S3_GATEWAY_ENDPOINT, endpointServiceName } from './endpoint-catalog.js';

const spec = assertValidSpec(preset('production'));

describe('names and tags', () => {
  it('derive every name from the prefix and keep the spec tags', () => {
    const vpc = resourceIdentity(spec, 'vpc');
    expect(vpc.name).toBe('artos-production-vpc');
    expect(vpc.tags).toEqual({
      Environment: 'production',
      ManagedBy: 'terraform',
      CostCenter: 'engineering',
      Name: 'artos-production-vpc',
      [NETWORK_TAG_KEY]: 'artos-production',
      [ROLE_TAG_KEY]: 'vpc',
    });
  });

  it('tag each group with its role, and subnets with their tier', () => {
    for (const role of GROUP_ROLES) {
      const id = resourceIdentity(spec, role);
      expect(id.tags[ROLE_TAG_KEY]).toBe(role);
      expect(id.name).toBe(`artos-production-${role}-sg`);
    }
    const subnet = resourceIdentity(spec, 'database-subnet', 2);
    expect(subnet.name).toBe('artos-production-database-3');
    expect(subnet.tags[TIER_TAG_KEY]).toBe('database');
  });

  it('name the flow-log group after the VPC id', () => {
    expect(flowLogGroupName(spec, 'vpc-0123456789abcdef0')).toBe('/vpc/vpc-0123456789abcdef0/flow-logs');
    expect(flowLogGroupName(spec)).toBe('/vpc/{vpc_id}/flow-logs');
  });
});

describe('endpoint catalog', () => {
  it('holds the S3 gateway and the ten interface endpoints of the seed, with private DNS', () => {
    expect(S3_GATEWAY_ENDPOINT.type).toBe('Gateway');
    expect(INTERFACE_ENDPOINTS.map((e) => e.service)).toEqual([
      'ecr.api',
      'ecr.dkr',
      'ec2',
      'sts',
      'eks',
      'elasticloadbalancing',
      'secretsmanager',
      'ssm',
      'ssmmessages',
      'ec2messages',
    ]);
    expect(INTERFACE_ENDPOINTS.every((e) => e.type === 'Interface' && e.privateDns && e.useCases.length >= 3)).toBe(true);
    expect(endpointServiceName('sts', 'eu-west-1')).toBe('com.amazonaws.eu-west-1.sts');
    expect(endpointServiceName('s3')).toBe('com.amazonaws.{region}.s3');
  });
});
