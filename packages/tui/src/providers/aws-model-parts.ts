import type { FlowLog, IpPermission, NetworkAcl, NetworkInterface, Route, RouteTable, SecurityGroup, Subnet, Vpc, VpcEndpoint } from '@aws-sdk/client-ec2';
import {
  GROUP_ROLES,
  ROLE_TAG_KEY,
  TIER_TAG_KEY,
  protocolNumberOf,
  shortServiceName,
  type GroupRole,
  type ModelEndpoint,
  type ModelFlowLog,
  type ModelNaclEntry,
  type ModelNetworkAcl,
  type ModelNetworkInterface,
  type ModelPeer,
  type ModelRoute,
  type ModelRouteTable,
  type ModelRule,
  type ModelSecurityGroup,
  type ModelSubnet,
  type ModelVpc,
  type NetworkSpec,
  type RouteTarget,
  type SubnetTier,
} from '@artos/model';
import { tagRecord } from './aws-read.js';

/**
 * EC2's answers turned into the network model's parts, one pure function per kind, so that
 * each can be tested with AWS-shaped data. Field meanings are the EC2 API Reference's.
 */

/** The VPC with its primary CIDR first, then the associated secondary CIDRs. */
export function vpcPart(vpc: Vpc): ModelVpc {
  const associated = (vpc.CidrBlockAssociationSet ?? []).filter((a) => a.CidrBlockState?.State === 'associated' && a.CidrBlock).map((a) => a.CidrBlock!);
  const cidrs = [...new Set([...(vpc.CidrBlock ? [vpc.CidrBlock] : []), ...associated])];
  return { id: vpc.VpcId ?? '?', cidrs, tags: tagRecord(vpc.Tags) };
}

/** A subnet's tier: its `artos:tier` tag, else the spec's list its CIDR is in, else none (not ours). */
export function subnetPart(subnet: Subnet, spec: NetworkSpec): ModelSubnet {
  const tags = tagRecord(subnet.Tags);
  const tagged = tags[TIER_TAG_KEY];
  const cidr = subnet.CidrBlock;
  const tier: SubnetTier | undefined =
    tagged === 'private' || tagged === 'database'
      ? tagged
      : cidr && spec.databaseSubnetCidrs.includes(cidr)
        ? 'database'
        : cidr && spec.privateSubnetCidrs.includes(cidr)
          ? 'private'
          : undefined;
  return { id: subnet.SubnetId ?? '?', cidr, availabilityZone: subnet.AvailabilityZone, availabilityZoneId: subnet.AvailabilityZoneId, tier, tags };
}

/** What a route sends traffic to, from the one target field EC2 sets on it. */
export function routeTarget(route: Route): RouteTarget {
  const gateway = route.GatewayId;
  if (gateway === 'local') return { kind: 'local' };
  if (gateway?.startsWith('vpce-')) return { kind: 'gateway-endpoint', endpointId: gateway };
  if (gateway?.startsWith('igw-')) return { kind: 'internet-gateway', id: gateway };
  if (gateway?.startsWith('vgw-')) return { kind: 'virtual-private-gateway', id: gateway };
  if (route.EgressOnlyInternetGatewayId) return { kind: 'egress-only-internet-gateway', id: route.EgressOnlyInternetGatewayId };
  if (route.NatGatewayId) return { kind: 'nat-gateway', id: route.NatGatewayId };
  if (route.TransitGatewayId) return { kind: 'transit-gateway', id: route.TransitGatewayId };
  if (route.VpcPeeringConnectionId) return { kind: 'peering', id: route.VpcPeeringConnectionId };
  if (route.NetworkInterfaceId) return { kind: 'network-interface', id: route.NetworkInterfaceId };
  return { kind: 'other', id: gateway ?? route.InstanceId ?? route.LocalGatewayId ?? route.CarrierGatewayId ?? route.CoreNetworkArn ?? '?' };
}

export function routePart(route: Route): ModelRoute | undefined {
  const destination = route.DestinationPrefixListId
    ? ({ kind: 'prefix-list', prefixListId: route.DestinationPrefixListId } as const)
    : (route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock)
      ? ({ kind: 'cidr', cidr: (route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock)! } as const)
      : undefined;
  if (!destination) return undefined;
  // Route State: "active | blackhole" (the target is gone: a deleted NAT gateway, a detached IGW).
  return { destination, target: routeTarget(route), state: route.State === 'blackhole' ? 'blackhole' : 'active' };
}

/**
 * A route table with its explicit subnet associations and whether it is the VPC's main table
 * (an association with Main = true). Subnets using the main table implicitly are not listed:
 * they are the subnets that appear in no table's associations.
 */
export function routeTablePart(table: RouteTable): ModelRouteTable {
  const associations = table.Associations ?? [];
  return {
    id: table.RouteTableId ?? '?',
    main: associations.some((a) => a.Main === true),
    subnetIds: associations.flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
    routes: (table.Routes ?? []).flatMap((r) => routePart(r) ?? []),
    tags: tagRecord(table.Tags),
  };
}

/** A network ACL; entry protocol `-1` means all, and PortRange is only set for TCP and UDP. */
export function networkAclPart(acl: NetworkAcl): ModelNetworkAcl {
  const entries: ModelNaclEntry[] = (acl.Entries ?? []).flatMap((e) => {
    const cidr = e.CidrBlock ?? e.Ipv6CidrBlock;
    if (e.RuleNumber === undefined || !cidr) return [];
    const protocol = protocolNumberOf(e.Protocol ?? '-1');
    const ports = e.PortRange && e.PortRange.From !== undefined && e.PortRange.To !== undefined ? { from: e.PortRange.From, to: e.PortRange.To } : undefined;
    return [{ ruleNumber: e.RuleNumber, egress: e.Egress === true, protocol, action: e.RuleAction === 'allow' ? 'allow' : 'deny', cidr, ports }];
  });
  return {
    id: acl.NetworkAclId ?? '?',
    isDefault: acl.IsDefault === true,
    subnetIds: (acl.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
    entries,
  };
}

/** CDK's "disallow all traffic" stand-in (ICMP type 252 code 86 to 255.255.255.255/32) matches no packet. */
function isCdkPlaceholder(permission: IpPermission, cidr: string): boolean {
  return permission.IpProtocol === 'icmp' && cidr === '255.255.255.255/32' && permission.FromPort === 252 && permission.ToPort === 86;
}

/**
 * One model rule per peer of a permission: EC2 groups a permission's peers (IpRanges,
 * Ipv6Ranges, UserIdGroupPairs, PrefixListIds) under one protocol and port range. Protocol `-1`
 * covers every port; for ICMP, FromPort and ToPort are the type and code (-1: any).
 */
export function rulesOf(permissions: readonly IpPermission[] | undefined, direction: 'ingress' | 'egress'): ModelRule[] {
  const out: ModelRule[] = [];
  for (const p of permissions ?? []) {
    const protocol = protocolNumberOf(p.IpProtocol ?? '-1');
    const all = protocol === -1;
    const ports = { fromPort: all ? 0 : (p.FromPort ?? 0), toPort: all ? 65535 : (p.ToPort ?? 65535) };
    const rule = (peer: ModelPeer, description: string | undefined): ModelRule => ({ catalogId: undefined, direction, protocol, ...ports, peer, description });
    for (const r of p.IpRanges ?? []) if (r.CidrIp && !isCdkPlaceholder(p, r.CidrIp)) out.push(rule({ kind: 'cidr', cidr: r.CidrIp }, r.Description));
    for (const r of p.Ipv6Ranges ?? []) if (r.CidrIpv6) out.push(rule({ kind: 'cidr', cidr: r.CidrIpv6 }, r.Description));
    for (const g of p.UserIdGroupPairs ?? []) if (g.GroupId) out.push(rule({ kind: 'group', groupId: g.GroupId }, g.Description));
    for (const l of p.PrefixListIds ?? []) if (l.PrefixListId) out.push(rule({ kind: 'prefix-list', prefixListId: l.PrefixListId }, l.Description));
  }
  return out;
}

export function securityGroupPart(group: SecurityGroup): ModelSecurityGroup {
  const role = tagRecord(group.Tags)[ROLE_TAG_KEY];
  return {
    id: group.GroupId ?? '?',
    name: group.GroupName ?? group.GroupId ?? '?',
    role: role && (GROUP_ROLES as readonly string[]).includes(role) ? (role as GroupRole) : undefined,
    ingress: rulesOf(group.IpPermissions, 'ingress'),
    egress: rulesOf(group.IpPermissionsEgress, 'egress'),
  };
}

/** An interface with its primary address first, then its secondary ones (VPC CNI pod addresses). */
export function networkInterfacePart(eni: NetworkInterface): ModelNetworkInterface {
  const primary = eni.PrivateIpAddress;
  const others = (eni.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress).filter((a): a is string => !!a && a !== primary);
  return {
    id: eni.NetworkInterfaceId ?? '?',
    subnetId: eni.SubnetId ?? '?',
    addresses: [...(primary ? [primary] : []), ...others],
    groupIds: (eni.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    description: eni.Description ?? '',
    planned: false,
  };
}

/**
 * An endpoint, or nothing when it is deleted: DescribeVpcEndpoints lists a deleted endpoint for
 * a while (State `Deleted`; EC2 sends the states in lower case on the wire), and it routes nothing.
 */
export function endpointPart(endpoint: VpcEndpoint): ModelEndpoint | undefined {
  const state = String(endpoint.State ?? 'unknown').toLowerCase();
  if (state === 'deleted') return undefined;
  const serviceName = endpoint.ServiceName ?? '?';
  return {
    id: endpoint.VpcEndpointId ?? '?',
    service: shortServiceName(serviceName),
    serviceName,
    type: endpoint.VpcEndpointType === 'Gateway' ? 'Gateway' : 'Interface',
    state,
    privateDns: endpoint.PrivateDnsEnabled === true,
    subnetIds: endpoint.SubnetIds ?? [],
    routeTableIds: endpoint.RouteTableIds ?? [],
    securityGroupIds: (endpoint.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    networkInterfaceIds: endpoint.NetworkInterfaceIds ?? [],
  };
}

/**
 * The default flow-log format (Amazon VPC User Guide, "Flow log records", Default format:
 * version 2 fields). DescribeFlowLogs returns LogFormat even for a default-format flow log.
 */
export const DEFAULT_FLOW_LOG_FORMAT =
  '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}';

export function flowLogPart(flowLog: FlowLog): ModelFlowLog {
  const format = flowLog.LogFormat?.trim();
  return {
    id: flowLog.FlowLogId ?? '?',
    status: flowLog.FlowLogStatus ?? '?',
    trafficType: String(flowLog.TrafficType ?? '?'),
    logGroupName: flowLog.LogGroupName,
    maxAggregationIntervalSeconds: flowLog.MaxAggregationInterval,
    logFormat: format && format !== DEFAULT_FLOW_LOG_FORMAT ? format : undefined,
    ...(flowLog.DeliverLogsStatus ? { deliveryStatus: flowLog.DeliverLogsStatus } : {}),
    ...(flowLog.DeliverLogsErrorMessage ? { deliveryError: flowLog.DeliverLogsErrorMessage } : {}),
  };
}
