import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, PLACEHOLDER_BASTION_SECURITY_GROUP_ID, preset } from './presets.js';
import { validateSpec } from './validate-spec.js';
import { isModelError } from './errors.js';

// The seed's four "Module Configuration" examples, copied by hand from the seed.
const SEED = {
  basic: {
    namePrefix: 'artos-production',
    vpcCidr: '10.0.0.0/16',
    privateSubnetCidrs: ['10.0.10.0/24', '10.0.20.0/24'],
    databaseSubnetCidrs: ['10.0.100.0/24', '10.0.200.0/24'],
    enableVpcEndpoints: true,
    tags: { Environment: 'production' },
  },
  'existing-vpc': {
    namePrefix: 'artos-production',
    vpcId: 'vpc-existing123',
    vpcCidr: '10.0.0.0/16',
    privateSubnetIds: ['subnet-abc123', 'subnet-def456'],
    databaseSubnetIds: ['subnet-ghi789', 'subnet-jkl012'],
    enableVpcEndpoints: true,
    tags: { Environment: 'production' },
  },
  production: {
    namePrefix: 'artos-production',
    vpcCidr: '10.0.0.0/16',
    privateSubnetCidrs: ['10.0.10.0/24', '10.0.20.0/24', '10.0.30.0/24'],
    databaseSubnetCidrs: ['10.0.100.0/24', '10.0.200.0/24', '10.0.210.0/24'],
    enableVpcEndpoints: true,
    tags: { Environment: 'production', ManagedBy: 'terraform', CostCenter: 'engineering' },
  },
  development: {
    namePrefix: 'artos-dev',
    vpcCidr: '10.1.0.0/16',
    privateSubnetCidrs: ['10.1.10.0/24'],
    databaseSubnetCidrs: ['10.1.100.0/24'],
    enableVpcEndpoints: true,
    tags: { Environment: 'development', AutoShutdown: 'true' },
  },
} as const;

describe('presets', () => {
  it('are exactly the seed four', () => {
    expect([...PRESET_NAMES].sort()).toEqual(Object.keys(SEED).sort());
  });

  it.each(PRESET_NAMES)('%s matches the seed and validates without errors', (name) => {
    const input = preset(name);
    expect(input).toMatchObject(SEED[name]);
    const result = validateSpec(input);
    expect(result.ok).toBe(true);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('production carries the bastion (a Terraform reference in the seed) as a placeholder group id', () => {
    const production = preset('production');
    expect(production.additionalSecurityGroupIds).toEqual([PLACEHOLDER_BASTION_SECURITY_GROUP_ID]);
    expect(production.bastionSecurityGroupId).toBe(PLACEHOLDER_BASTION_SECURITY_GROUP_ID);
    expect(PLACEHOLDER_BASTION_SECURITY_GROUP_ID).toMatch(/^sg-[0-9a-f]{17}$|^sg-[0-9a-f]{8}$/);
  });

  it('development warns that a single-AZ database tier cannot hold an RDS DB subnet group', () => {
    const result = validateSpec(preset('development'));
    const warning = result.issues.find((i) => i.code === 'single-az-database');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/at least two AZs/);
    expect(result.spec?.createDbSubnetGroup).toBe(false);
  });

  it('existing-vpc keeps the seed ids and says they are not AWS ids', () => {
    const result = validateSpec(preset('existing-vpc'));
    const idWarnings = result.issues.filter((i) => i.code === 'invalid-aws-id').map((i) => i.path);
    expect(idWarnings).toEqual(['vpcId', 'privateSubnetIds[0]', 'privateSubnetIds[1]', 'databaseSubnetIds[0]', 'databaseSubnetIds[1]']);
    expect(result.spec?.privateSubnetCidrs).toEqual([]);
    expect(result.spec?.privateSubnetIds).toEqual(['subnet-abc123', 'subnet-def456']);
  });

  it('returns copies: changing one does not change the next', () => {
    const a = preset('basic') as { tags: Record<string, string> };
    a.tags['Environment'] = 'changed';
    expect(preset('basic').tags).toEqual({ Environment: 'production' });
  });

  it('rejects an unknown preset with the model error', () => {
    let caught: unknown;
    try {
      preset('staging');
    } catch (error) {
      caught = error;
    }
    expect(isModelError(caught)).toBe(true);
    expect((caught as Error).message).toContain('staging');
  });

  it('applies the seed defaults to a spec that gives only its prefix', () => {
    const result = validateSpec({ namePrefix: 'artos-x' });
    expect(result.spec).toMatchObject({
      vpcCidr: '10.0.0.0/16',
      privateSubnetCidrs: ['10.0.10.0/24', '10.0.20.0/24'],
      databaseSubnetCidrs: ['10.0.100.0/24', '10.0.200.0/24'],
      enableVpcEndpoints: true,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      availabilityZoneCount: 2,
      createDbSubnetGroup: true,
      flowLogs: { enabled: true, retentionDays: 14, trafficType: 'ALL', maxAggregationIntervalSeconds: 60, logGroupNamePattern: '/vpc/{vpc_id}/flow-logs' },
    });
    expect(result.spec?.interfaceEndpointServices).toHaveLength(10);
  });
});
