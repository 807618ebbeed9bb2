import type {
  EC2Client} from '@aws-sdk/client-ec2';
import {
  paginateDescribeFlowLogs,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
  type Filter,
  type IpPermission,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GROUP_ROLES, NETWORK_TAG_KEY, ROLE_TAG_KEY, TIER_TAG_KEY, flowLogGroupName, type GroupRole, type IpProtocol, type NetworkSpec, type SubnetTier } from '@artos/model';
import type { NetworkView, ProviderProblem, ViewRule } from './network-view.js';

export interface AwsViewOptions {
  readonly ec2: EC2Client;
  readonly logs: CloudWatchLogsClient;
  readonly spec: NetworkSpec;
  /** Find the VPC by id instead of by the model's tags. */
  readonly vpcId?: string;
  /** For "recent events": now, in ms. @default Date.now() */
  readonly now?: number;
}

const tag = (tags: Tag[] | undefined, key: string) => tags?.find((t) => t.Key === key)?.Value;

/** Collects every page of a paginator (every describe call is paginated). */
async function all<T, R>(pages: AsyncIterable<T>, pick: (page: T) => R[] | undefined): Promise<R[]> {
  const out: R[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

function problemOf(error: unknown, action: string, what: string): ProviderProblem {
  const e = error as { name?: string; message?: string };
  const denied = e.name === 'UnauthorizedOperation' || e.name === 'AccessDeniedException' || e.name === 'AccessDenied';
  return denied
    ? { what, detail: `access denied: the credentials lack ${action} (${e.message ?? e.name})`, fix: `grant ${action} to the role in use` }
    : { what, detail: `${action} failed: ${e.name ?? 'Error'}: ${e.message ?? ''}`, fix: 'check the region, the credentials and the network' };
}

function rulesOf(permissions: IpPermission[] | undefined, direction: 'ingress' | 'egress', roleById: ReadonlyMap<string, GroupRole>): ViewRule[] {
  const out: ViewRule[] = [];
  for (const p of permissions ?? []) {
    const protocol: IpProtocol = p.IpProtocol === '-1' ? 'all' : (p.IpProtocol as IpProtocol);
    const ports = { fromPort: protocol === 'all' ? 0 : (p.FromPort ?? 0), toPort: protocol === 'all' ? 65535 : (p.ToPort ?? 65535) };
    for (const r of p.IpRanges ?? []) out.push({ direction, protocol, ...ports, peer: r.CidrIp ?? '?', description: r.Description });
    for (const l of p.PrefixListIds ?? []) out.push({ direction, protocol, ...ports, peer: l.PrefixListId ?? '?', description: l.Description });
    for (const g of p.UserIdGroupPairs ?? []) {
      const role = g.GroupId ? roleById.get(g.GroupId) : undefined;
      out.push({ direction, protocol, ...ports, peer: role ? `sg:${role}` : (g.GroupId ?? '?'), description: g.Description });
    }
  }
  return out;
}

/**
 * The deployed network, found by the model's tags (`artos:network` = namePrefix) or by
 * `--vpc-id`. A missing permission or resource becomes a problem in the view, never a crash.
 */
export async function viewFromAws(options: AwsViewOptions): Promise<NetworkView> {
  const { ec2, logs, spec } = options;
  const problems: ProviderProblem[] = [];
  const attempt = async <T>(action: string, what: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      problems.push(problemOf(error, action, what));
      return fallback;
    }
  };
  const vpcFilter: Filter[] = options.vpcId ? [] : [{ Name: `tag:${NETWORK_TAG_KEY}`, Values: [spec.namePrefix] }, { Name: `tag:${ROLE_TAG_KEY}`, Values: ['vpc'] }];
  const vpcs = await attempt('ec2:DescribeVpcs', 'the VPC', () => all(paginateDescribeVpcs({ client: ec2 }, options.vpcId ? { VpcIds: [options.vpcId] } : { Filters: vpcFilter }), (p) => p.Vpcs), []);
  const vpc = vpcs[0];
  const empty: NetworkView = { source: 'live', description: 'AWS account', vpc: undefined, subnets: [], routeTables: [], groups: [], endpoints: [], flowLogs: [], logGroup: undefined, problems };
  if (!vpc?.VpcId) {
    if (problems.length === 0) {
      problems.push({ what: 'the VPC', detail: options.vpcId ? `VPC ${options.vpcId} was not found in this region` : `no VPC tagged ${NETWORK_TAG_KEY}=${spec.namePrefix} in this region`, fix: 'check --region and --profile, give --vpc-id, or deploy the network (cdk deploy)' });
    }
    return empty;
  }
  const vpcId = vpc.VpcId;
  const inVpc: Filter[] = [{ Name: 'vpc-id', Values: [vpcId] }];
  const tierOfCidr = (cidr: string | undefined): SubnetTier => (cidr && spec.databaseSubnetCidrs.includes(cidr) ? 'database' : 'private');

  const [subnets, routeTables, groups, endpoints, flowLogs] = await Promise.all([
    attempt('ec2:DescribeSubnets', 'the subnets', () => all(paginateDescribeSubnets({ client: ec2 }, { Filters: inVpc }), (p) => p.Subnets), []),
    attempt('ec2:DescribeRouteTables', 'the route tables', () => all(paginateDescribeRouteTables({ client: ec2 }, { Filters: inVpc }), (p) => p.RouteTables), []),
    attempt('ec2:DescribeSecurityGroups', 'the security groups', () => all(paginateDescribeSecurityGroups({ client: ec2 }, { Filters: inVpc }), (p) => p.SecurityGroups), []),
    attempt('ec2:DescribeVpcEndpoints', 'the VPC endpoints', () => all(paginateDescribeVpcEndpoints({ client: ec2 }, { Filters: inVpc }), (p) => p.VpcEndpoints), []),
    attempt('ec2:DescribeFlowLogs', 'the flow logs', () => all(paginateDescribeFlowLogs({ client: ec2 }, { Filter: [{ Name: 'resource-id', Values: [vpcId] }] }), (p) => p.FlowLogs), []),
  ]);

  const roleById = new Map<string, GroupRole>();
  for (const g of groups) {
    const role = tag(g.Tags, ROLE_TAG_KEY);
    if (g.GroupId && role && (GROUP_ROLES as readonly string[]).includes(role)) roleById.set(g.GroupId, role as GroupRole);
  }
  const logGroupName = flowLogs.find((f) => f.LogGroupName)?.LogGroupName ?? flowLogGroupName(spec, vpcId);
  const logGroups = await attempt('logs:DescribeLogGroups', 'the flow-log group', async () => (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }))).logGroups ?? [], []);
  const now = options.now ?? Date.now();
  const recent = await attempt(
    'logs:FilterLogEvents',
    'recent flow-log events',
    async () => (await logs.send(new FilterLogEventsCommand({ logGroupName, startTime: now - 30 * 60_000, endTime: now, limit: 10 }))).events?.length ?? 0,
    undefined as number | undefined,
  );
  const logGroup = logGroups.find((g) => g.logGroupName === logGroupName);

  return {
    source: 'live',
    description: `AWS ${vpcId}`,
    vpc: { id: vpcId, cidr: vpc.CidrBlock ?? '?' },
    subnets: subnets.map((s) => ({ id: s.SubnetId ?? '?', cidr: s.CidrBlock, tier: (tag(s.Tags, TIER_TAG_KEY) as SubnetTier | undefined) ?? tierOfCidr(s.CidrBlock), availabilityZone: s.AvailabilityZone ?? '?' })),
    routeTables: routeTables.map((t) => ({
      id: t.RouteTableId ?? '?',
      tier: (tag(t.Tags, TIER_TAG_KEY) as SubnetTier | undefined) ?? (t.Associations?.some((a) => subnets.find((s) => s.SubnetId === a.SubnetId && tierOfCidr(s.CidrBlock) === 'database')) ? 'database' : 'private'),
      routes: (t.Routes ?? []).filter((r) => r.GatewayId !== 'local').map((r) => ({ destination: r.DestinationCidrBlock ?? r.DestinationPrefixListId ?? '?', target: r.GatewayId ?? r.TransitGatewayId ?? r.NatGatewayId ?? r.VpcPeeringConnectionId ?? '?' })),
    })),
    groups: [...roleById].map(([id, role]) => {
      const g = groups.find((x) => x.GroupId === id)!;
      return { role, id, name: g.GroupName ?? id, rules: [...rulesOf(g.IpPermissions, 'ingress', roleById), ...rulesOf(g.IpPermissionsEgress, 'egress', roleById)] };
    }),
    endpoints: endpoints.map((e) => ({
      service: (e.ServiceName ?? '').replace(/^com\.amazonaws\.[a-z0-9-]+\./, ''),
      type: e.VpcEndpointType === 'Gateway' ? 'Gateway' : 'Interface',
      id: e.VpcEndpointId ?? '?',
      state: String(e.State ?? '?'),
      privateDns: e.PrivateDnsEnabled === true,
      subnetIds: e.SubnetIds ?? [],
      routeTableIds: e.RouteTableIds ?? [],
      securityGroupIds: (e.Groups ?? []).map((g) => g.GroupId ?? '?'),
    })),
    flowLogs: flowLogs.map((f) => ({ id: f.FlowLogId ?? '?', status: f.FlowLogStatus ?? '?', trafficType: String(f.TrafficType ?? '?'), logGroupName: f.LogGroupName, maxAggregationInterval: f.MaxAggregationInterval })),
    logGroup: logGroup ? { name: logGroup.logGroupName ?? logGroupName, retentionDays: logGroup.retentionInDays, recentEvents: recent } : undefined,
    problems,
  };
}
