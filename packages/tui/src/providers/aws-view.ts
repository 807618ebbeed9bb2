import type {
  EC2Client} from '@aws-sdk/client-ec2';
import {
  paginateDescribeFlowLogs,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  type Filter,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import type { CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GROUP_ROLES, ROLE_TAG_KEY, TIER_TAG_KEY, flowLogGroupName, type GroupRole, type IpProtocol, type NetworkSpec, type SubnetTier } from '@artos/model';
import type { NetworkView, ProviderProblem, ViewRouteTable, ViewRule } from './network-view.js';
import { AwsProviderError } from './aws-errors.js';
import { allPages, failureOf, findNetworkVpc, tagValue } from './aws-read.js';
import { routeTableTier, subnetsByRouteTable } from './aws-route-tiers.js';

export interface AwsViewOptions {
  readonly ec2: EC2Client;
  readonly logs: CloudWatchLogsClient;
  readonly spec: NetworkSpec;
  /** Find the VPC by id instead of by the model's tags. */
  readonly vpcId?: string;
  /** For messages: the region asked for. @default - the SDK's */
  readonly region?: string;
  /** For "recent events": now, in ms. @default Date.now() */
  readonly now?: number;
}

const tag = tagValue;

function problemOf(error: unknown, action: string, what: string): ProviderProblem {
  return { what, ...failureOf(error, action) };
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
  const found = await findNetworkVpc(ec2, spec.namePrefix, options.vpcId, options.region);
  // Several tagged VPCs stop the run: the CLI prints the list and --vpc-id as the fix (exit 2).
  if (found.kind === 'several') throw new AwsProviderError('ambiguous-vpc', found.detail, found.fix);
  if (found.kind === 'none' || found.kind === 'unread') problems.push({ what: 'the VPC', detail: found.detail, fix: found.fix });
  const vpc = found.kind === 'found' ? found.vpc : undefined;
  const empty: NetworkView = { source: 'live', description: 'AWS account', vpc: undefined, subnets: [], routeTables: [], groups: [], endpoints: [], flowLogs: [], logGroup: undefined, problems };
  if (!vpc?.VpcId) return empty;
  const vpcId = vpc.VpcId;
  const inVpc: Filter[] = [{ Name: 'vpc-id', Values: [vpcId] }];
  const tierOfCidr = (cidr: string | undefined): SubnetTier => (cidr && spec.databaseSubnetCidrs.includes(cidr) ? 'database' : 'private');

  const [subnets, rawRouteTables, groups, endpoints, flowLogs] = await Promise.all([
    attempt('ec2:DescribeSubnets', 'the subnets', () => allPages(paginateDescribeSubnets({ client: ec2 }, { Filters: inVpc }), (p) => p.Subnets), []),
    attempt('ec2:DescribeRouteTables', 'the route tables', () => allPages(paginateDescribeRouteTables({ client: ec2 }, { Filters: inVpc }), (p) => p.RouteTables), []),
    attempt('ec2:DescribeSecurityGroups', 'the security groups', () => allPages(paginateDescribeSecurityGroups({ client: ec2 }, { Filters: inVpc }), (p) => p.SecurityGroups), []),
    attempt('ec2:DescribeVpcEndpoints', 'the VPC endpoints', () => allPages(paginateDescribeVpcEndpoints({ client: ec2 }, { Filters: inVpc }), (p) => p.VpcEndpoints), []),
    attempt('ec2:DescribeFlowLogs', 'the flow logs', () => allPages(paginateDescribeFlowLogs({ client: ec2 }, { Filter: [{ Name: 'resource-id', Values: [vpcId] }] }), (p) => p.FlowLogs), []),
  ]);

  const subnetTier = new Map(subnets.map((s) => [s.SubnetId ?? '?', (tag(s.Tags, TIER_TAG_KEY) as SubnetTier | undefined) ?? tierOfCidr(s.CidrBlock)]));
  const usedBy = subnetsByRouteTable(rawRouteTables, subnets);
  const routeTables: ViewRouteTable[] = rawRouteTables.flatMap((t) => {
    const tier = routeTableTier(usedBy.get(t.RouteTableId ?? '') ?? [], (id) => subnetTier.get(id), tag(t.Tags, TIER_TAG_KEY) as SubnetTier | undefined);
    if (!tier) return [];
    const routes = (t.Routes ?? []).filter((r) => r.GatewayId !== 'local').map((r) => ({ destination: r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '?', target: r.GatewayId ?? r.TransitGatewayId ?? r.NatGatewayId ?? r.VpcPeeringConnectionId ?? r.NetworkInterfaceId ?? r.InstanceId ?? '?' }));
    return [{ id: t.RouteTableId ?? '?', tier, routes }];
  });
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
    subnets: subnets.map((s) => ({ id: s.SubnetId ?? '?', cidr: s.CidrBlock, tier: subnetTier.get(s.SubnetId ?? '?') ?? 'private', availabilityZone: s.AvailabilityZone ?? '?' })),
    routeTables,
    groups: [...roleById].map(([id, role]) => {
      const g = groups.find((x) => x.GroupId === id)!;
      return { role, id, name: g.GroupName ?? id, rules: [...rulesOf(g.IpPermissions, 'ingress', roleById), ...rulesOf(g.IpPermissionsEgress, 'egress', roleById)] };
    }),
    // A deleted endpoint stays visible to DescribeVpcEndpoints for a while (State `Deleted`, in the
    // API's VpcEndpoint State enum with Deleting); it routes nothing, so it is not counted as present.
    endpoints: endpoints.filter((e) => String(e.State ?? '').toLowerCase() !== 'deleted').map((e) => ({
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
