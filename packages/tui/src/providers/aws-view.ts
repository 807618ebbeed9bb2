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
  type Vpc,
} from '@aws-sdk/client-ec2';
import type { CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import { DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GROUP_ROLES, NETWORK_TAG_KEY, ROLE_TAG_KEY, TIER_TAG_KEY, flowLogGroupName, type GroupRole, type IpProtocol, type NetworkSpec, type SubnetTier } from '@artos/model';
import type { NetworkView, ProviderProblem, ViewRouteTable, ViewRule } from './network-view.js';
import { AWS_CALL_LIMITS } from './aws-clients.js';
import { AwsProviderError, awsFailureKind, safeText } from './aws-errors.js';
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

const tag = (tags: Tag[] | undefined, key: string) => tags?.find((t) => t.Key === key)?.Value;

/** Collects every page of a paginator (every describe call is paginated). */
async function all<T, R>(pages: AsyncIterable<T>, pick: (page: T) => R[] | undefined): Promise<R[]> {
  const out: R[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

/** Where the SDK sends requests, for messages: AWS_ENDPOINT_URL when set, else AWS's own endpoint. */
function endpointInUse(): string {
  const url = process.env['AWS_ENDPOINT_URL_EC2'] ?? process.env['AWS_ENDPOINT_URL'];
  return url ? `the endpoint ${safeText(url, 120)} (AWS_ENDPOINT_URL)` : 'the AWS endpoint';
}

function problemOf(error: unknown, action: string, what: string): ProviderProblem {
  const e = error as { name?: string; message?: string };
  const detail = safeText(`${e.name ?? 'Error'}: ${e.message ?? ''}`);
  switch (awsFailureKind(error)) {
    case 'denied':
      return { what, detail: `access denied: the credentials lack ${action} (${detail})`, fix: `grant ${action} to the role in use` };
    case 'timeout':
      return { what, detail: `${action}: no answer from ${endpointInUse()} within ${AWS_CALL_LIMITS.requestTimeoutMs / 1000} s (${AWS_CALL_LIMITS.maxAttempts} attempts)`, fix: 'check the network path to the endpoint (proxy, firewall, VPN) and AWS_ENDPOINT_URL' };
    default:
      return { what, detail: `${action} failed: ${detail}`, fix: 'check the region, the credentials and the network' };
  }
}

/**
 * The first call decides whether anything can be read at all: when it times out, cannot
 * connect, or has no usable credentials, every later call would fail the same way, and a
 * list of "missing" resources would be a lie. The run stops with one clear error instead.
 */
function stopUnlessReadable(error: unknown, region: string | undefined): void {
  const kind = awsFailureKind(error);
  const e = error as { name?: string; message?: string };
  const detail = safeText(`${e.name ?? 'Error'}: ${e.message ?? ''}`);
  if (kind === 'timeout') {
    throw new AwsProviderError('unreachable', `no answer from ${endpointInUse()}: ec2:DescribeVpcs timed out (${AWS_CALL_LIMITS.connectTimeoutMs / 1000} s to connect, ${AWS_CALL_LIMITS.requestTimeoutMs / 1000} s to answer, ${AWS_CALL_LIMITS.maxAttempts} attempts)`, 'check the network path (proxy, firewall, VPN), AWS_ENDPOINT_URL and --region');
  }
  if (kind === 'network') {
    throw new AwsProviderError('unreachable', `cannot connect to ${endpointInUse()}: ${detail}`, 'check AWS_ENDPOINT_URL, --region and the network');
  }
  if (kind === 'credentials') {
    throw new AwsProviderError('credentials', `no usable AWS credentials${region ? ` for ${safeText(region, 40)}` : ''}: ${detail}`, 'run `aws sts get-caller-identity` with the same --profile/AWS_PROFILE to see why; `aws sso login` when the session expired');
  }
}
function rulesOf(permissions: IpPermission[] | undefined, direction: 'ingress' | 'egress', roleById: ReadonlyMap<string, GroupRole>): ViewRule[] {
  const out: ViewRule[] = [];
  for (const p of permissions ?? []) {
    const protocol: IpProtocol = p.IpProtocol === '-1' ? 'all' : (p.IpProtocol as IpProtocol);
    const ports = { fromPort: protocol === 'all' ? 0 : (p.FromPort ?? 0), toPort: protocol === 'all' ? 65535 : (p.ToPort ?? 65535) };
    for (const r of p.IpRanges ?? []) out.push({ direction, protocol, ...ports, peer: r.CidrIp ?? '?', description: r.Description });
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
  let vpcs: Vpc[] = [];
  try {
    vpcs = await all(paginateDescribeVpcs({ client: ec2 }, options.vpcId ? { VpcIds: [options.vpcId] } : { Filters: vpcFilter }), (p) => p.Vpcs);
  } catch (error) {
    stopUnlessReadable(error, options.region);
    problems.push(problemOf(error, 'ec2:DescribeVpcs', 'the VPC'));
  }
  if (!options.vpcId && vpcs.length > 1) {
    // Taking the first would check one network and report on it as if it were the only one.
    const list = vpcs.map((v) => `${safeText(v.VpcId ?? '?', 40)} (${safeText(v.CidrBlock ?? '?', 45)}${tag(v.Tags, 'Name') ? `, ${safeText(tag(v.Tags, 'Name')!, 80)}` : ''})`).join(', ');
    throw new AwsProviderError('ambiguous-vpc', `${vpcs.length} VPCs are tagged ${NETWORK_TAG_KEY}=${safeText(spec.namePrefix, 80)}, ${ROLE_TAG_KEY}=vpc in this region: ${list}`, `give --vpc-id with the one to check (e.g. --vpc-id ${safeText(vpcs[0]!.VpcId ?? 'vpc-…', 40)}), or remove the tags from the VPC that is not this network`);
  }
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

  const [subnets, rawRouteTables, groups, endpoints, flowLogs] = await Promise.all([
    attempt('ec2:DescribeSubnets', 'the subnets', () => all(paginateDescribeSubnets({ client: ec2 }, { Filters: inVpc }), (p) => p.Subnets), []),
    attempt('ec2:DescribeRouteTables', 'the route tables', () => all(paginateDescribeRouteTables({ client: ec2 }, { Filters: inVpc }), (p) => p.RouteTables), []),
    attempt('ec2:DescribeSecurityGroups', 'the security groups', () => all(paginateDescribeSecurityGroups({ client: ec2 }, { Filters: inVpc }), (p) => p.SecurityGroups), []),
    attempt('ec2:DescribeVpcEndpoints', 'the VPC endpoints', () => all(paginateDescribeVpcEndpoints({ client: ec2 }, { Filters: inVpc }), (p) => p.VpcEndpoints), []),
    attempt('ec2:DescribeFlowLogs', 'the flow logs', () => all(paginateDescribeFlowLogs({ client: ec2 }, { Filter: [{ Name: 'resource-id', Values: [vpcId] }] }), (p) => p.FlowLogs), []),
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
