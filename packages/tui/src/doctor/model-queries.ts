import { cidr, formatIpv4, memberOf, type FlowEnd, type ModelEndpoint, type ModelSecurityGroup, type ModelSubnet, type NetworkModel } from '@artos/model';

/** The model's group for a catalog role (the `artos:role` tag, or the spec). */
export function groupWithRole(model: NetworkModel, role: string): ModelSecurityGroup | undefined {
  return model.securityGroups.find((g) => g.role === role);
}

/** A member of a group, real or hypothetical, as a flow end. */
export function memberEnd(model: NetworkModel, group: ModelSecurityGroup): FlowEnd | undefined {
  const member = memberOf(model, group, group.id);
  return member.ok ? member.end : undefined;
}

export function subnetsOfTier(model: NetworkModel, tier: 'private' | 'database'): readonly ModelSubnet[] {
  return model.subnets.filter((s) => s.tier === tier);
}

/** `sg-0abc (eks-nodes)` for evidence lines. */
export function groupLabel(group: ModelSecurityGroup): string {
  return group.role ? `${group.id} (${group.role})` : group.id;
}

/** An interface of an endpoint: the model's, else a hypothetical one in its first subnet. */
export function endpointEnd(model: NetworkModel, endpoint: ModelEndpoint): FlowEnd | undefined {
  const eni = model.networkInterfaces.find(
    (e) => e.description.includes(endpoint.id) || (endpoint.subnetIds.includes(e.subnetId) && e.description === `VPC endpoint ${endpoint.service}`),
  );
  if (eni?.addresses[0]) return { address: eni.addresses[0], groupIds: eni.groupIds, label: `${endpoint.service} endpoint ${eni.addresses[0]}` };
  const subnet = model.subnets.find((s) => endpoint.subnetIds.includes(s.id) && s.cidr);
  if (!subnet) return undefined;
  const address = formatIpv4(cidr(subnet.cidr!).base + 4);
  return { address, groupIds: endpoint.securityGroupIds, label: `${endpoint.service} endpoint (hypothetical, ${address})` };
}
