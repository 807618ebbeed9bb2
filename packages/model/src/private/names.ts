import type { GroupRole } from './security-group-types.js';
import type { NetworkSpec, SubnetTier } from './spec-types.js';
import { VPC_ID_PLACEHOLDER } from './defaults.js';

/** Tag naming the network a resource belongs to (its namePrefix). */
export const NETWORK_TAG_KEY = 'artos:network';
/** Tag naming a resource's role; the live tools find resources by it. */
export const ROLE_TAG_KEY = 'artos:role';
/** Tag naming the subnet tier of subnets and route tables. */
export const TIER_TAG_KEY = 'artos:tier';

export type ResourceRole =
  | 'vpc'
  | 'private-subnet'
  | 'database-subnet'
  | 'private-route-table'
  | 'database-route-table'
  | 'db-subnet-group'
  | 'vpc-endpoint'
  | 'flow-log'
  | 'flow-log-role'
  | 'flow-log-group'
  | GroupRole;

export interface ResourceIdentity {
  readonly name: string;
  readonly tags: Readonly<Record<string, string>>;
}

export function subnetRole(tier: SubnetTier): ResourceRole {
  return tier === 'private' ? 'private-subnet' : 'database-subnet';
}

export function routeTableRole(tier: SubnetTier): ResourceRole {
  return tier === 'private' ? 'private-route-table' : 'database-route-table';
}

function nameOf(prefix: string, role: ResourceRole, qualifier: string | number | undefined): string {
  switch (role) {
    case 'vpc':
      return `${prefix}-vpc`;
    case 'private-subnet':
      return `${prefix}-private-${Number(qualifier ?? 0) + 1}`;
    case 'database-subnet':
      return `${prefix}-database-${Number(qualifier ?? 0) + 1}`;
    case 'private-route-table':
      return `${prefix}-private-rt`;
    case 'database-route-table':
      return `${prefix}-database-rt`;
    case 'db-subnet-group':
      return `${prefix}-db-subnet-group`;
    case 'vpc-endpoint':
      return `${prefix}-${String(qualifier ?? 'endpoint')}-endpoint`;
    case 'flow-log':
      return `${prefix}-flow-log`;
    case 'flow-log-role':
      return `${prefix}-flow-log-role`;
    case 'flow-log-group':
      return `${prefix}-flow-logs`;
    default:
      return `${prefix}-${role}-sg`;
  }
}

/**
 * The one place names and tags are derived: the spec's tags, `Name`, the network tag and the
 * role tag (plus the tier tag for subnets and route tables). `qualifier` is a subnet's index or
 * an endpoint's service.
 */
export function resourceIdentity(spec: Pick<NetworkSpec, 'namePrefix' | 'tags'>, role: ResourceRole, qualifier?: string | number): ResourceIdentity {
  const name = nameOf(spec.namePrefix, role, qualifier);
  const tier = role.startsWith('private-') ? 'private' : role.startsWith('database-') ? 'database' : undefined;
  return {
    name,
    tags: {
      ...spec.tags,
      Name: name,
      [NETWORK_TAG_KEY]: spec.namePrefix,
      [ROLE_TAG_KEY]: role,
      ...(tier ? { [TIER_TAG_KEY]: tier } : {}),
    },
  };
}

/** The flow-log group's name for a VPC id (or the pattern itself when the id is not known). */
export function flowLogGroupName(spec: Pick<NetworkSpec, 'flowLogs'>, vpcId = VPC_ID_PLACEHOLDER): string {
  return spec.flowLogs.logGroupNamePattern.split(VPC_ID_PLACEHOLDER).join(vpcId);
}
