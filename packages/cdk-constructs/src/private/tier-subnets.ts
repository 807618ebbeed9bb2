import type { Construct } from 'constructs';
import { Fn, Tags } from 'aws-cdk-lib';
import { CfnRoute, CfnRouteTable, CfnSubnet, CfnSubnetRouteTableAssociation, CfnVPCCidrBlock, Subnet, type ISubnet } from 'aws-cdk-lib/aws-ec2';
import { resourceIdentity, routeTableRole, subnetRole, tierSubnets, type NetworkSpec, type SubnetTier } from '@artos/model';

/** A route for enterprise connectivity (the seed's "VPC peering or VPN, configured separately"). */
export interface EnterpriseRoute {
  /** Destination block, e.g. the corporate network 192.168.0.0/16. */
  readonly destinationCidr: string;
  /** A transit gateway… */
  readonly transitGatewayId?: string;
  /** …or a virtual private gateway. */
  readonly vpnGatewayId?: string;
}

export interface TierResources {
  readonly subnets: readonly ISubnet[];
  /** The tier's own route table, when this construct created subnets for the tier. */
  readonly routeTable: CfnRouteTable | undefined;
}

/**
 * Where the n-th subnet goes: by zone ID when the spec lists IDs (the same physical zone in every
 * account, so two accounts that exchange traffic can pin the same zones), else by name, else the
 * region's zones by index: Fn::GetAZs works in an environment-agnostic stack, where CDK's own AZ
 * list stops at two. Fn::GetAZs lists only zones with a default subnet when the account has any.
 */
export function subnetPlacement(spec: NetworkSpec, index: number): { availabilityZone?: string; availabilityZoneId?: string } {
  const id = spec.availabilityZoneIds?.[index];
  if (id !== undefined) return { availabilityZoneId: id };
  return { availabilityZone: spec.availabilityZoneNames?.[index] ?? Fn.select(index, Fn.getAzs()) };
}

/**
 * The subnets of one tier, one per listed CIDR, each in its own AZ, with no public IP on launch,
 * and the tier's dedicated route table with explicit associations and only the local route.
 * Subnets given by id (existing VPC) are imported, not created.
 */
export function createTier(scope: Construct, spec: NetworkSpec, vpcId: string, tier: SubnetTier, routes: readonly EnterpriseRoute[] = []): TierResources {
  const label = tier === 'private' ? 'Private' : 'Database';
  const specs = tierSubnets(spec, tier);
  const created = specs.filter((s) => s.id === undefined && s.cidr !== undefined);
  let routeTable: CfnRouteTable | undefined;
  if (created.length > 0) {
    routeTable = new CfnRouteTable(scope, `${label}RouteTable`, { vpcId });
    for (const [key, value] of Object.entries(resourceIdentity(spec, routeTableRole(tier)).tags)) Tags.of(routeTable).add(key, value);
    routes.forEach((route, i) => {
      new CfnRoute(scope, `${label}EnterpriseRoute${i + 1}`, {
        routeTableId: routeTable!.ref,
        destinationCidrBlock: route.destinationCidr,
        ...(route.transitGatewayId ? { transitGatewayId: route.transitGatewayId } : {}),
        ...(route.vpnGatewayId ? { gatewayId: route.vpnGatewayId } : {}),
      });
    });
  }
  const subnets = specs.map((s) => {
    const placement = subnetPlacement(spec, s.availabilityZoneIndex);
    // An imported subnet's AZ is only used for selection; a zone ID stands in for the name there.
    const az = placement.availabilityZone ?? placement.availabilityZoneId!;
    if (s.id !== undefined) {
      return Subnet.fromSubnetAttributes(scope, `${label}Subnet${s.index + 1}`, {
        subnetId: s.id,
        ...(s.cidr ? { ipv4CidrBlock: s.cidr } : {}),
        availabilityZone: az,
      });
    }
    const subnet = new CfnSubnet(scope, `${label}Subnet${s.index + 1}`, { vpcId, cidrBlock: s.cidr!, ...placement, mapPublicIpOnLaunch: false });
    for (const [key, value] of Object.entries(resourceIdentity(spec, subnetRole(tier), s.index).tags)) Tags.of(subnet).add(key, value);
    new CfnSubnetRouteTableAssociation(scope, `${label}Subnet${s.index + 1}RouteTableAssociation`, { subnetId: subnet.ref, routeTableId: routeTable!.ref });
    return Subnet.fromSubnetAttributes(scope, `${label}Subnet${s.index + 1}Ref`, {
      subnetId: subnet.ref,
      ipv4CidrBlock: s.cidr!,
      availabilityZone: az,
      routeTableId: routeTable!.ref,
    });
  });
  return { subnets, routeTable };
}

/**
 * The VPC's secondary blocks and the EKS custom-networking pod subnets inside them, one per AZ,
 * associated with the private route table (pods reach what the nodes reach).
 */
export function createPodSubnets(
  scope: Construct,
  spec: NetworkSpec,
  vpcId: string,
  privateRouteTable: CfnRouteTable | undefined,
): { cidrBlocks: readonly CfnVPCCidrBlock[]; subnets: readonly ISubnet[] } {
  const cidrBlocks = spec.secondaryCidrs.map((cidrBlock, i) => new CfnVPCCidrBlock(scope, `SecondaryCidr${i + 1}`, { vpcId, cidrBlock }));
  const subnets = spec.podSubnetCidrs.map((cidrBlock, i) => {
    const placement = subnetPlacement(spec, i);
    const subnet = new CfnSubnet(scope, `PodSubnet${i + 1}`, { vpcId, cidrBlock, ...placement, mapPublicIpOnLaunch: false });
    // A subnet in a secondary block can only be made once the block is associated.
    for (const block of cidrBlocks) subnet.addDependency(block);
    for (const [key, value] of Object.entries(resourceIdentity(spec, subnetRole('private'), i).tags)) Tags.of(subnet).add(key, value);
    Tags.of(subnet).add('Name', `${spec.namePrefix}-pod-subnet-${i + 1}`);
    if (privateRouteTable)
      new CfnSubnetRouteTableAssociation(scope, `PodSubnet${i + 1}RouteTableAssociation`, { subnetId: subnet.ref, routeTableId: privateRouteTable.ref });
    return Subnet.fromSubnetAttributes(scope, `PodSubnet${i + 1}Ref`, {
      subnetId: subnet.ref,
      ipv4CidrBlock: cidrBlock,
      availabilityZone: placement.availabilityZone ?? placement.availabilityZoneId!,
    });
  });
  return { cidrBlocks, subnets };
}
