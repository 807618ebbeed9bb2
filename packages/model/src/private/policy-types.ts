import type { GroupRole, IpProtocol, SecurityGroupDefinition, SecurityGroupRule } from './security-group-types.js';
import type { SubnetTier } from './spec-types.js';

/** One side of a flow. */
export type FlowParty =
  /** A concrete address; `groups` lists what its network interface is a member of, when known. */
  | { readonly kind: 'address'; readonly address: string; readonly groups?: readonly GroupMembership[] }
  /** Any address in a tier's subnets, with no group membership. */
  | { readonly kind: 'tier'; readonly tier: SubnetTier }
  /** A member of a catalog group, in that group's home tier. */
  | { readonly kind: 'group'; readonly role: GroupRole }
  /** A member of a group outside the catalog (the bastion's, an additional group). */
  | { readonly kind: 'external-group'; readonly groupId: string };

export type GroupMembership = { readonly role: GroupRole } | { readonly groupId: string };

/** Destinations are ours: an address, a tier or a catalog group (their ingress is known). */
export type FlowDestination = Exclude<FlowParty, { kind: 'external-group' }>;

export interface FlowQuery {
  readonly source: FlowParty;
  readonly destination: FlowDestination;
  /** Destination port; ignored for ICMP. */
  readonly port: number;
  /** A protocol name or its IANA number (6 tcp, 17 udp, 1 icmp). */
  readonly protocol: Exclude<IpProtocol, 'all'> | number;
}

/** What policy evaluation needs: the VPC, the tiers' blocks and the groups with their rules. */
export interface PolicyContext {
  readonly vpcCidr: string;
  readonly tiers: ReadonlyArray<{ readonly tier: SubnetTier; readonly cidrs: readonly string[] }>;
  readonly groups: readonly SecurityGroupDefinition[];
  /** Whether the private route table carries the S3 gateway endpoint's prefix-list route. */
  readonly s3GatewayOnPrivateRouteTable: boolean;
}

export type SideDecision = 'admitted' | 'denied' | 'outside-catalog';

export interface SideVerdict {
  readonly decision: SideDecision;
  /** The group whose rules decided (the first that admitted, or the candidates that did not). */
  readonly groups: readonly GroupRole[];
  /** The rules that admit the flow (empty when denied). */
  readonly rules: readonly SecurityGroupRule[];
  readonly reason: string;
}

export type RouteDecision = 'local' | 'no-route' | 'from-outside';

export interface RouteVerdict {
  readonly decision: RouteDecision;
  readonly reason: string;
}

export interface FlowVerdict {
  readonly admitted: boolean;
  readonly route: RouteVerdict;
  readonly egress: SideVerdict;
  readonly ingress: SideVerdict;
  /** One sentence: admitted by which rule, or denied and why. */
  readonly summary: string;
}
