import {
  paginateDescribeFlowLogs,
  paginateDescribeManagedPrefixLists,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  paginateGetManagedPrefixListEntries,
  type EC2Client,
  type Filter,
} from '@aws-sdk/client-ec2';
import { DescribeLogGroupsCommand, FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { flowLogGroupName, shortServiceName, type ModelPart, type ModelPrefixList, type ModelProblem, type NetworkModel, type NetworkSpec } from '@artos/model';
import { allPages, failureOf, findNetworkVpc } from './aws-read.js';
import { endpointPart, flowLogPart, networkAclPart, networkInterfacePart, routeTablePart, securityGroupPart, subnetPart, vpcPart } from './aws-model-parts.js';

export interface AwsModelOptions {
  readonly ec2: EC2Client;
  readonly logs: CloudWatchLogsClient;
  readonly spec: NetworkSpec;
  /** Find the VPC by id instead of by the model's tags. @default - by the tags */
  readonly vpcId?: string;
  /** For messages: the region asked for. @default - the SDK's */
  readonly region?: string;
  /** For "recent events": now, in ms. @default Date.now() */
  readonly now?: number;
}

/** How far back "recent events" looks; the flow log delivers at least every 10 minutes. */
export const RECENT_EVENTS_WINDOW_MS = 30 * 60_000;

const emptyModel = (description: string, problems: ModelProblem[]): NetworkModel => ({
  source: 'live',
  description,
  vpc: undefined,
  subnets: [],
  routeTables: [],
  networkAcls: [],
  securityGroups: [],
  networkInterfaces: [],
  endpoints: [],
  prefixLists: [],
  flowLogs: [],
  logGroup: undefined,
  problems,
});

/**
 * The deployed network as the network model, read from EC2 and CloudWatch Logs: the VPC found
 * by the model's tags (or `--vpc-id`), then its subnets (with AZ ids), route tables (with their
 * associations and which is main), network ACLs, security groups (CIDR, group and prefix-list
 * peers), network interfaces, endpoints, the prefix lists that routes and rules name (with
 * their entries), flow logs and the flow-log group.
 *
 * A part that could not be read is a problem naming the part, the call and the fix, and stays
 * empty: checks that need it answer unknown, never "missing". No VPC, or several tagged VPCs,
 * is a fatal problem. An account that cannot be reached at all (timeout, no connection, no
 * credentials) throws AwsProviderError instead: nothing would be read.
 */
export async function modelFromAws(options: AwsModelOptions): Promise<NetworkModel> {
  const { ec2, logs, spec } = options;
  const problems: ModelProblem[] = [];
  const read = async <T>(part: ModelPart, action: string, fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      problems.push({ part, action, ...failureOf(error, action), fatal: false });
      return fallback;
    }
  };

  const found = await findNetworkVpc(ec2, spec.namePrefix, options.vpcId, options.region);
  if (found.kind !== 'found') {
    problems.push({ part: 'vpc', action: 'ec2:DescribeVpcs', detail: found.detail, fix: found.fix, fatal: true });
    return emptyModel('AWS account', problems);
  }
  const vpc = vpcPart(found.vpc);
  const inVpc: Filter[] = [{ Name: 'vpc-id', Values: [vpc.id] }];

  const [subnets, routeTables, networkAcls, groups, interfaces, endpoints, flowLogs] = await Promise.all([
    read('subnets', 'ec2:DescribeSubnets', () => allPages(paginateDescribeSubnets({ client: ec2 }, { Filters: inVpc }), (p) => p.Subnets), []),
    read('route-tables', 'ec2:DescribeRouteTables', () => allPages(paginateDescribeRouteTables({ client: ec2 }, { Filters: inVpc }), (p) => p.RouteTables), []),
    read('network-acls', 'ec2:DescribeNetworkAcls', () => allPages(paginateDescribeNetworkAcls({ client: ec2 }, { Filters: inVpc }), (p) => p.NetworkAcls), []),
    read(
      'security-groups',
      'ec2:DescribeSecurityGroups',
      () => allPages(paginateDescribeSecurityGroups({ client: ec2 }, { Filters: inVpc }), (p) => p.SecurityGroups),
      [],
    ),
    read(
      'network-interfaces',
      'ec2:DescribeNetworkInterfaces',
      () => allPages(paginateDescribeNetworkInterfaces({ client: ec2 }, { Filters: inVpc }), (p) => p.NetworkInterfaces),
      [],
    ),
    read('endpoints', 'ec2:DescribeVpcEndpoints', () => allPages(paginateDescribeVpcEndpoints({ client: ec2 }, { Filters: inVpc }), (p) => p.VpcEndpoints), []),
    read(
      'flow-logs',
      'ec2:DescribeFlowLogs',
      () => allPages(paginateDescribeFlowLogs({ client: ec2 }, { Filter: [{ Name: 'resource-id', Values: [vpc.id] }] }), (p) => p.FlowLogs),
      [],
    ),
  ]);

  const model = {
    subnets: subnets.map((s) => subnetPart(s, spec)),
    routeTables: routeTables.map(routeTablePart),
    networkAcls: networkAcls.map(networkAclPart),
    securityGroups: groups.map(securityGroupPart),
    networkInterfaces: interfaces.map(networkInterfacePart),
    endpoints: endpoints.flatMap((e) => endpointPart(e) ?? []),
    flowLogs: flowLogs.map(flowLogPart),
  };
  const prefixLists = await readPrefixLists(ec2, model, read);

  const logGroupName = model.flowLogs.find((f) => f.logGroupName)?.logGroupName ?? flowLogGroupName(spec, vpc.id);
  const logGroups = await read(
    'log-group',
    'logs:DescribeLogGroups',
    async () => (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }))).logGroups ?? [],
    [],
  );
  const logGroup = logGroups.find((g) => g.logGroupName === logGroupName);
  const now = options.now ?? Date.now();
  const recentEvents = logGroup
    ? await read(
        'recent-events',
        'logs:FilterLogEvents',
        async () =>
          (await logs.send(new FilterLogEventsCommand({ logGroupName, startTime: now - RECENT_EVENTS_WINDOW_MS, endTime: now, limit: 10 }))).events?.length ??
          0,
        undefined as number | undefined,
      )
    : undefined;

  return {
    source: 'live',
    description: `AWS ${vpc.id}`,
    vpc,
    ...model,
    prefixLists,
    logGroup: logGroup ? { name: logGroup.logGroupName ?? logGroupName, retentionDays: logGroup.retentionInDays, recentEvents } : undefined,
    problems,
  };
}

type Read = <T>(part: ModelPart, action: string, fn: () => Promise<T>, fallback: T) => Promise<T>;

/**
 * The prefix lists the network names (gateway-endpoint routes, rule peers), with their entries:
 * an S3 gateway endpoint routes to the region's S3 list, so whether an address goes through
 * the endpoint depends on the list's CIDRs. AWS-managed lists are `com.amazonaws.REGION.SERVICE`.
 */
async function readPrefixLists(ec2: EC2Client, model: Pick<NetworkModel, 'routeTables' | 'securityGroups'>, read: Read): Promise<ModelPrefixList[]> {
  const ids = new Set<string>();
  for (const t of model.routeTables) for (const r of t.routes) if (r.destination.kind === 'prefix-list') ids.add(r.destination.prefixListId);
  for (const g of model.securityGroups) for (const r of [...g.ingress, ...g.egress]) if (r.peer.kind === 'prefix-list') ids.add(r.peer.prefixListId);
  if (ids.size === 0) return [];
  const lists = await read(
    'prefix-lists',
    'ec2:DescribeManagedPrefixLists',
    () => allPages(paginateDescribeManagedPrefixLists({ client: ec2 }, { PrefixListIds: [...ids] }), (p) => p.PrefixLists),
    [],
  );
  return Promise.all(
    [...ids].map(async (id) => {
      const list = lists.find((l) => l.PrefixListId === id);
      const name = list?.PrefixListName ?? id;
      const managed = /^(?:cn\.)?com\.amazonaws\.[^.]+\./.test(name);
      const entries = list
        ? await read(
            'prefix-lists',
            'ec2:GetManagedPrefixListEntries',
            () => allPages(paginateGetManagedPrefixListEntries({ client: ec2 }, { PrefixListId: id }), (p) => p.Entries),
            undefined,
          )
        : undefined;
      return { id, name, service: managed ? shortServiceName(name) : undefined, cidrs: entries?.flatMap((e) => (e.Cidr ? [e.Cidr] : [])) };
    }),
  );
}
