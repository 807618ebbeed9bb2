import { cidr, formatIpv4 } from '../ipv4.js';
import type { GroupRole } from '../security-group-types.js';
import type { ModelEndpoint, ModelNetworkInterface, ModelSecurityGroup, ModelSubnet } from './model-types.js';

/** Where the catalog's groups have their interfaces (the seed: everything in the private tier but RDS). */
const ROLE_TIER: Readonly<Record<GroupRole, 'private' | 'database'>> = {
  'eks-cluster': 'private',
  'eks-nodes': 'private',
  rds: 'database',
  'alb-internal': 'private',
  'alb-frontend': 'private',
  'vpc-endpoints': 'private',
};

export function homeTierOf(role: GroupRole): 'private' | 'database' {
  return ROLE_TIER[role];
}

/** Hands out host addresses in a subnet from base + 4 (AWS reserves the first four and the last). */
function addressAllocator(subnet: ModelSubnet): () => string | undefined {
  if (!subnet.cidr) return () => undefined;
  const block = cidr(subnet.cidr);
  const last = block.base + 2 ** (32 - block.prefix) - 2;
  let next = block.base + 4;
  return () => (next <= last ? formatIpv4(next++) : undefined);
}

/**
 * Interfaces that stand for the members a plan cannot list: one per catalog group (but the
 * endpoints group) in each subnet of its home tier, one per interface endpoint in each of its
 * subnets, one for the bastion. Deterministic, so the sample traffic and the answers agree.
 */
export function plannedInterfaces(
  subnets: readonly ModelSubnet[],
  groups: readonly ModelSecurityGroup[],
  endpoints: readonly ModelEndpoint[],
  bastionGroupId: string | undefined,
): ModelNetworkInterface[] {
  const out: ModelNetworkInterface[] = [];
  const allocators = new Map(subnets.map((s) => [s.id, addressAllocator(s)]));
  const add = (subnet: ModelSubnet, groupIds: string[], description: string) => {
    const address = allocators.get(subnet.id)?.();
    if (address) out.push({ id: `planned-eni-${out.length + 1}`, subnetId: subnet.id, addresses: [address], groupIds, description, planned: true });
  };
  for (const group of groups) {
    if (!group.role || group.role === 'vpc-endpoints') continue;
    for (const subnet of subnets.filter((s) => s.tier === homeTierOf(group.role!))) add(subnet, [group.id], `a member of ${group.role}`);
  }
  for (const endpoint of endpoints.filter((e) => e.type === 'Interface')) {
    for (const subnetId of endpoint.subnetIds) {
      const subnet = subnets.find((s) => s.id === subnetId);
      if (subnet) add(subnet, [...endpoint.securityGroupIds], `VPC endpoint ${endpoint.service}`);
    }
  }
  const firstPrivate = subnets.find((s) => s.tier === 'private');
  if (bastionGroupId && firstPrivate) add(firstPrivate, [bastionGroupId], 'the bastion host');
  return out;
}
