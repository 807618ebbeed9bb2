import { ModelError } from './errors.js';
import type { NetworkSpecInput } from './spec-types.js';

/**
 * The seed's four example configurations, exactly as it writes them.
 *
 * Two values cannot be taken literally: the production example references
 * `module.bastion.bastion_security_group_id`, a Terraform output. We put a placeholder group id of
 * the right form in its place (replace it with your bastion's group). The existing-VPC example's
 * ids (`vpc-existing123`, `subnet-ghi789`, ...) are kept as written; they are not AWS ids, and
 * validation says so with a warning.
 */
export type PresetName = 'basic' | 'existing-vpc' | 'production' | 'development';

export const PRESET_NAMES: readonly PresetName[] = ['basic', 'existing-vpc', 'production', 'development'];

/** Stands for `module.bastion.bastion_security_group_id` in the production example. */
export const PLACEHOLDER_BASTION_SECURITY_GROUP_ID = 'sg-0ba5710000000000a';

const PRESETS: Readonly<Record<PresetName, NetworkSpecInput>> = {
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
    additionalSecurityGroupIds: [PLACEHOLDER_BASTION_SECURITY_GROUP_ID],
    bastionSecurityGroupId: PLACEHOLDER_BASTION_SECURITY_GROUP_ID,
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
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** A deep copy of a preset, so callers may change it. */
export function preset(name: string): NetworkSpecInput {
  if (!isPresetName(name)) {
    throw new ModelError('unknown-preset', `unknown preset "${name}"`, [
      { severity: 'error', code: 'unknown-preset', path: '', message: `unknown preset "${name}"`, hint: `use one of ${PRESET_NAMES.join(', ')}` },
    ]);
  }
  return structuredClone(PRESETS[name]) as NetworkSpecInput;
}
