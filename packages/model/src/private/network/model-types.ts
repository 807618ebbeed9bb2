import type { GroupRole } from '../security-group-types.js';
import type { SubnetTier } from '../spec-types.js';

/**
 * One model of a network, whoever gathered it: the spec (planned), a synthesized CloudFormation
 * template, or the live account. Every doctor check, reachability answer, REJECT explanation and
 * rule audit reads this model and asks the evaluator (`evaluate-flow.ts`) about it. Every string
 * may come from outside (tags, descriptions) and is sanitised by whoever prints it.
 */
export type ModelSource = 'spec' | 'template' | 'live';

/** IANA protocol number; -1 is AWS's "all protocols". */
export type ProtocolNumber = number;
export const ALL_PROTOCOLS = -1;

export interface ModelVpc {
  readonly id: string;
  /** The primary CIDR first, then the associated secondary CIDRs. */
  readonly cidrs: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface ModelSubnet {
  readonly id: string;
  readonly cidr: string | undefined;
  readonly availabilityZone: string | undefined;
  readonly availabilityZoneId: string | undefined;
  /** From the `artos:tier` tag or the spec; undefined for a subnet that is neither of ours. */
  readonly tier: SubnetTier | undefined;
  readonly tags: Readonly<Record<string, string>>;
}

/** What a route sends traffic to. */
export type RouteTarget =
  | { readonly kind: 'local' }
  | { readonly kind: 'gateway-endpoint'; readonly endpointId: string }
  | { readonly kind: 'internet-gateway'; readonly id: string }
  | { readonly kind: 'egress-only-internet-gateway'; readonly id: string }
  | { readonly kind: 'nat-gateway'; readonly id: string }
  | { readonly kind: 'transit-gateway'; readonly id: string }
  | { readonly kind: 'peering'; readonly id: string }
  | { readonly kind: 'virtual-private-gateway'; readonly id: string }
  | { readonly kind: 'network-interface'; readonly id: string }
  | { readonly kind: 'other'; readonly id: string };

export interface ModelRoute {
  /** A CIDR, or a prefix list (gateway endpoints route to their service's prefix list). */
  readonly destination: { readonly kind: 'cidr'; readonly cidr: string } | { readonly kind: 'prefix-list'; readonly prefixListId: string };
  readonly target: RouteTarget;
  /** `blackhole` when the target is gone (a deleted NAT, a detached gateway). */
  readonly state: 'active' | 'blackhole';
}

export interface ModelRouteTable {
  readonly id: string;
  /** The VPC's main route table: used by every subnet without an explicit association. */
  readonly main: boolean;
  /** Subnets explicitly associated. */
  readonly subnetIds: readonly string[];
  readonly routes: readonly ModelRoute[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface ModelNaclEntry {
  /** 1–32766; AWS's final `*` rule (deny all) is 32767 here. */
  readonly ruleNumber: number;
  readonly egress: boolean;
  readonly protocol: ProtocolNumber;
  readonly action: 'allow' | 'deny';
  readonly cidr: string;
  /** Inclusive port range for TCP/UDP; undefined means all ports. */
  readonly ports: { readonly from: number; readonly to: number } | undefined;
}

export interface ModelNetworkAcl {
  readonly id: string;
  readonly isDefault: boolean;
  /** Subnets associated with this ACL (every subnet has exactly one). */
  readonly subnetIds: readonly string[];
  readonly entries: readonly ModelNaclEntry[];
}

/** The three kinds of peer a security-group rule can name, as AWS has them. */
export type ModelPeer =
  | { readonly kind: 'cidr'; readonly cidr: string }
  | { readonly kind: 'group'; readonly groupId: string }
  | { readonly kind: 'prefix-list'; readonly prefixListId: string };

export interface ModelRule {
  /** The catalog rule id, when the rule comes from the catalog (spec and template). */
  readonly catalogId: string | undefined;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: ProtocolNumber;
  /** Inclusive; 0–65535 for all ports and for protocol -1. For ICMP, type and code (-1: any). */
  readonly fromPort: number;
  readonly toPort: number;
  readonly peer: ModelPeer;
  readonly description: string | undefined;
}

export interface ModelSecurityGroup {
  readonly id: string;
  readonly name: string;
  /** The catalog role (from the `artos:role` tag or the spec). */
  readonly role: GroupRole | undefined;
  readonly ingress: readonly ModelRule[];
  readonly egress: readonly ModelRule[];
}

export interface ModelNetworkInterface {
  readonly id: string;
  readonly subnetId: string;
  /** Primary address first, then secondary addresses (pods of the VPC CNI live here). */
  readonly addresses: readonly string[];
  readonly groupIds: readonly string[];
  readonly description: string;
  /** True for an interface the provider placed to stand for members it cannot list (spec, template). */
  readonly planned: boolean;
}

export interface ModelEndpoint {
  readonly id: string;
  /** Short service name: `s3`, `ecr.api`, ... */
  readonly service: string;
  readonly serviceName: string;
  readonly type: 'Gateway' | 'Interface';
  /** `available` when deployed and ready; `planned` in spec and template. */
  readonly state: string;
  readonly privateDns: boolean;
  readonly subnetIds: readonly string[];
  readonly routeTableIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  /** An interface endpoint's ENIs (DescribeVpcEndpoints `NetworkInterfaceIds`), when read from the account. */
  readonly networkInterfaceIds?: readonly string[];
}

export interface ModelPrefixList {
  readonly id: string;
  /** `com.amazonaws.<region>.s3`, or the placeholder name in a plan. */
  readonly name: string;
  /** The service of an AWS-managed list (`s3`, `dynamodb`). */
  readonly service: string | undefined;
  /** Entries when known (live); undefined when not read (spec, template). */
  readonly cidrs: readonly string[] | undefined;
}

export interface ModelFlowLog {
  readonly id: string;
  readonly status: string;
  readonly trafficType: string;
  readonly logGroupName: string | undefined;
  readonly maxAggregationIntervalSeconds: number | undefined;
  /** The custom format (`${version} ${srcaddr} …`), undefined for AWS's default. */
  readonly logFormat: string | undefined;
  /** Whether delivery to the destination works (`DeliverLogsStatus`: SUCCESS or FAILED), when read from the account. */
  readonly deliveryStatus?: string;
  /** Why delivery failed (`DeliverLogsErrorMessage`: "Rate limited", "Access error", "Unknown error"). */
  readonly deliveryError?: string;
}

export interface ModelLogGroup {
  readonly name: string;
  readonly retentionDays: number | undefined;
  /** Events seen recently, when the provider can tell. */
  readonly recentEvents: number | undefined;
}

/** The parts of a model a provider may fail to read. */
export type ModelPart =
  | 'vpc'
  | 'subnets'
  | 'route-tables'
  | 'network-acls'
  | 'security-groups'
  | 'network-interfaces'
  | 'endpoints'
  | 'prefix-lists'
  | 'flow-logs'
  | 'log-group'
  | 'recent-events';

/** A part the provider could not read: checks that need it answer *unknown*, never "missing". */
export interface ModelProblem {
  readonly part: ModelPart;
  /** The API call or file that failed, e.g. `ec2:DescribeVpcEndpoints`. */
  readonly action: string;
  readonly detail: string;
  readonly fix: string;
  /** True when the problem means the whole model is unusable (no VPC, several VPCs). */
  readonly fatal: boolean;
}

export interface NetworkModel {
  readonly source: ModelSource;
  /** What was read: `preset production`, `template cdk.out/x.template.json`, `AWS vpc-0abc`. */
  readonly description: string;
  readonly vpc: ModelVpc | undefined;
  readonly subnets: readonly ModelSubnet[];
  readonly routeTables: readonly ModelRouteTable[];
  readonly networkAcls: readonly ModelNetworkAcl[];
  readonly securityGroups: readonly ModelSecurityGroup[];
  readonly networkInterfaces: readonly ModelNetworkInterface[];
  readonly endpoints: readonly ModelEndpoint[];
  readonly prefixLists: readonly ModelPrefixList[];
  readonly flowLogs: readonly ModelFlowLog[];
  readonly logGroup: ModelLogGroup | undefined;
  readonly problems: readonly ModelProblem[];
}
