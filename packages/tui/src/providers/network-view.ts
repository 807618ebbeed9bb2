import type { GroupRole, IpProtocol, SubnetTier } from '@artos/model';

/**
 * What the doctor looks at, whoever gathered it: the planned network (a spec, optionally a
 * synthesized template) or the deployed one (EC2 and CloudWatch Logs). Every string in it may
 * come from outside (tags, names) and is sanitized before it is shown.
 */
export interface ViewRule {
  readonly direction: 'ingress' | 'egress';
  readonly protocol: IpProtocol;
  readonly fromPort: number;
  readonly toPort: number;
  /** A CIDR, `sg:<role>` for a catalog group, or `sg-…` for another group. */
  readonly peer: string;
  readonly description: string | undefined;
}

export interface ViewGroup {
  readonly role: GroupRole;
  readonly id: string;
  readonly name: string;
  readonly rules: readonly ViewRule[];
}

export interface ViewSubnet {
  readonly id: string;
  readonly cidr: string | undefined;
  readonly tier: SubnetTier;
  readonly availabilityZone: string;
}

export interface ViewRouteTable {
  readonly id: string;
  readonly tier: SubnetTier;
  /** Routes other than the local one: destination → target. */
  readonly routes: ReadonlyArray<{ readonly destination: string; readonly target: string }>;
}

export interface ViewEndpoint {
  readonly service: string;
  readonly type: 'Gateway' | 'Interface';
  readonly id: string;
  readonly state: string;
  readonly privateDns: boolean;
  readonly subnetIds: readonly string[];
  readonly routeTableIds: readonly string[];
  readonly securityGroupIds: readonly string[];
}

export interface ViewFlowLog {
  readonly id: string;
  readonly status: string;
  readonly trafficType: string;
  readonly logGroupName: string | undefined;
  readonly maxAggregationInterval: number | undefined;
}

export interface ViewLogGroup {
  readonly name: string;
  readonly retentionDays: number | undefined;
  /** Events seen recently, when the provider can tell. */
  readonly recentEvents: number | undefined;
}

/** A problem the provider met: a missing permission or resource. It becomes a finding, not a crash. */
export interface ProviderProblem {
  readonly what: string;
  readonly detail: string;
  readonly fix: string;
}

export interface NetworkView {
  readonly source: 'spec' | 'template' | 'live';
  readonly description: string;
  readonly vpc: { readonly id: string; readonly cidr: string } | undefined;
  readonly subnets: readonly ViewSubnet[];
  readonly routeTables: readonly ViewRouteTable[];
  readonly groups: readonly ViewGroup[];
  readonly endpoints: readonly ViewEndpoint[];
  readonly flowLogs: readonly ViewFlowLog[];
  readonly logGroup: ViewLogGroup | undefined;
  readonly problems: readonly ProviderProblem[];
}
