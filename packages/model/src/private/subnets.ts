import type { NetworkSpec, SubnetSpec, SubnetTier } from './spec-types.js';

/** The subnets of a tier, each with its position and AZ (the n-th subnet in the n-th AZ). */
export function tierSubnets(spec: NetworkSpec, tier: SubnetTier): readonly SubnetSpec[] {
  const cidrs = tier === 'private' ? spec.privateSubnetCidrs : spec.databaseSubnetCidrs;
  const ids = tier === 'private' ? spec.privateSubnetIds : spec.databaseSubnetIds;
  const count = Math.max(cidrs.length, ids.length);
  return Array.from({ length: count }, (_, index) => ({
    tier,
    index,
    cidr: cidrs[index],
    id: ids[index],
    availabilityZoneIndex: index,
    availabilityZoneName: spec.availabilityZoneNames?.[index],
  }));
}

export function allSubnets(spec: NetworkSpec): readonly SubnetSpec[] {
  return [...tierSubnets(spec, 'private'), ...tierSubnets(spec, 'database')];
}
