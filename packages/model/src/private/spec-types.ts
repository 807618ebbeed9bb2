/**
 * The network spec: every variable of the seed's Terraform module (in camelCase) plus what a
 * deployment needs. `NetworkSpecInput` is what a user writes; `NetworkSpec` is the validated
 * form with every default applied once (see `defaults.ts`).
 */

/** Which traffic a flow log captures. Closed set, as AWS defines it. */
export enum FlowLogTrafficType {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
  ALL = 'ALL',
}

/** The two subnet tiers the seed's module creates. */
export type SubnetTier = 'private' | 'database';
export const SUBNET_TIERS: readonly SubnetTier[] = ['private', 'database'];

export interface FlowLogSettingsInput {
  /**
   * Turn the VPC flow log on or off.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Days CloudWatch Logs keeps the records.
   * @default 14
   */
  readonly retentionDays?: number;
  /**
   * @default FlowLogTrafficType.ALL
   */
  readonly trafficType?: FlowLogTrafficType | `${FlowLogTrafficType}`;
  /**
   * Seconds over which a flow is aggregated into one record: 60 or 600.
   * @default 60
   */
  readonly maxAggregationIntervalSeconds?: 60 | 600;
  /**
   * Custom record format as AWS field names (`version`, `srcaddr`, `tcp-flags`, ...).
   * @default - AWS's default version-2 format
   */
  readonly logFormatFields?: readonly string[];
  /**
   * Log group name; `{vpc_id}` is replaced by the VPC's id at deploy time.
   * @default '/vpc/{vpc_id}/flow-logs'
   */
  readonly logGroupNamePattern?: string;
}

export interface NetworkSpecInput {
  /** Prefix of every resource name, e.g. `artos-production`. Required. */
  readonly namePrefix: string;
  /**
   * The VPC's IPv4 block. Required (and must match the VPC) when `vpcId` is given.
   * @default '10.0.0.0/16'
   */
  readonly vpcCidr?: string;
  /**
   * More IPv4 blocks for the VPC, associated after the primary one, e.g. `100.64.0.0/16` for the
   * pods of EKS custom networking. AWS's association-restriction table applies.
   * @default []
   */
  readonly secondaryCidrs?: readonly string[];
  /**
   * Pod subnets for EKS custom networking (VPC CNI `ENIConfig`), one per AZ, usually inside a
   * secondary block from 100.64.0.0/10. They share the private route table.
   * @default []
   */
  readonly podSubnetCidrs?: readonly string[];
  /**
   * Networks outside this VPC that reach it over a connection configured separately (the seed's
   * private route table: "Enterprise connectivity via VPC peering or VPN (configured separately)").
   * Declared so that the sample traffic, the flow-log detectors and address planning know them;
   * the constructs create no route, VPN or peering for them.
   * @default []
   */
  readonly outsideRanges?: readonly OutsideRange[];
  /**
   * Use this existing VPC instead of creating one.
   * @default - a new VPC is created
   */
  readonly vpcId?: string;
  /**
   * One private subnet per CIDR, the n-th in the n-th availability zone.
   * @default ['10.0.10.0/24', '10.0.20.0/24'] (none when privateSubnetIds are given)
   */
  readonly privateSubnetCidrs?: readonly string[];
  /**
   * One database subnet per CIDR, the n-th in the n-th availability zone.
   * @default ['10.0.100.0/24', '10.0.200.0/24'] (none when databaseSubnetIds are given)
   */
  readonly databaseSubnetCidrs?: readonly string[];
  /**
   * Existing private subnets (needs `vpcId`). With CIDRs too, both lists describe the same subnets.
   * @default - subnets are created from privateSubnetCidrs
   */
  readonly privateSubnetIds?: readonly string[];
  /**
   * Existing database subnets (needs `vpcId`).
   * @default - subnets are created from databaseSubnetCidrs
   */
  readonly databaseSubnetIds?: readonly string[];
  /**
   * Create the S3 gateway endpoint and the interface endpoints.
   * @default true
   */
  readonly enableVpcEndpoints?: boolean;
  /**
   * Interface endpoint services, as the short names of the endpoint catalog (`ecr.api`, `sts`, ...).
   * @default - all ten of the seed's services
   */
  readonly interfaceEndpointServices?: readonly string[];
  /**
   * Security groups (e.g. a bastion's) allowed to reach the EKS API on 443.
   * @default []
   */
  readonly additionalSecurityGroupIds?: readonly string[];
  /**
   * The bastion's security group, allowed to reach both ALBs on 443.
   * @default - no bastion rules
   */
  readonly bastionSecurityGroupId?: string;
  /**
   * Tags on every resource.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Availability zones by name (`eu-west-1a`, ...). Without names the zones are picked by index.
   * @default - picked by index from the region's zones
   */
  readonly availabilityZoneNames?: readonly string[];
  /**
   * Availability zones by ID (`euw1-az1`, ...): the same physical zone in every account, unlike
   * names. Subnets are placed with `AvailabilityZoneId`; wins over `availabilityZoneNames`.
   * @default - by name, else picked by index
   */
  readonly availabilityZoneIds?: readonly string[];
  /**
   * How many availability zones the network spans.
   * @default - the number of subnets in the larger tier
   */
  readonly availabilityZoneCount?: number;
  /**
   * @default true
   */
  readonly enableDnsHostnames?: boolean;
  /**
   * @default true
   */
  readonly enableDnsSupport?: boolean;
  /**
   * Create an RDS DB subnet group over the database subnets. `true` makes a single-AZ database
   * tier an error instead of a warning.
   * @default - created when the database tier spans two AZs or more
   */
  readonly createDbSubnetGroup?: boolean;
  /**
   * @default - the seed's flow-log settings
   */
  readonly flowLogs?: FlowLogSettingsInput;
}

export interface FlowLogSettings {
  readonly enabled: boolean;
  readonly retentionDays: number;
  readonly trafficType: FlowLogTrafficType;
  readonly maxAggregationIntervalSeconds: 60 | 600;
  readonly logFormatFields: readonly string[] | undefined;
  readonly logGroupNamePattern: string;
}

/** One subnet of a tier: created from a CIDR, or existing by id (CIDR then optional). */
export interface SubnetSpec {
  readonly tier: SubnetTier;
  /** Position in the tier; also the availability-zone index. */
  readonly index: number;
  readonly cidr: string | undefined;
  readonly id: string | undefined;
  readonly availabilityZoneIndex: number;
  readonly availabilityZoneName: string | undefined;
}

/** How an outside range reaches the VPC: a site-to-site VPN on a virtual private gateway, or a VPC peering connection. */
export type OutsideRangeVia = 'vpn' | 'peering';

/** A network outside the VPC that reaches it (on-premises over VPN, a peered VPC). */
export interface OutsideRange {
  /** What it is, e.g. `on-premises`, `partner`. */
  readonly name: string;
  /** Its IPv4 block; must not overlap the VPC's blocks. */
  readonly cidr: string;
  readonly via: OutsideRangeVia;
}

/** A validated spec with every default applied. */
export interface NetworkSpec {
  readonly namePrefix: string;
  readonly vpcCidr: string;
  readonly secondaryCidrs: readonly string[];
  readonly podSubnetCidrs: readonly string[];
  readonly outsideRanges: readonly OutsideRange[];
  readonly vpcId: string | undefined;
  readonly privateSubnetCidrs: readonly string[];
  readonly databaseSubnetCidrs: readonly string[];
  readonly privateSubnetIds: readonly string[];
  readonly databaseSubnetIds: readonly string[];
  readonly enableVpcEndpoints: boolean;
  readonly interfaceEndpointServices: readonly string[];
  readonly additionalSecurityGroupIds: readonly string[];
  readonly bastionSecurityGroupId: string | undefined;
  readonly tags: Readonly<Record<string, string>>;
  readonly availabilityZoneCount: number;
  readonly availabilityZoneNames: readonly string[] | undefined;
  readonly availabilityZoneIds: readonly string[] | undefined;
  readonly enableDnsHostnames: boolean;
  readonly enableDnsSupport: boolean;
  readonly createDbSubnetGroup: boolean;
  readonly flowLogs: FlowLogSettings;
}
