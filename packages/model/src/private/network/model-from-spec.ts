import { endpointServiceName, INTERFACE_ENDPOINTS } from '../endpoint-catalog.js';
import { flowLogGroupName } from '../names.js';
import { securityGroupCatalog } from '../security-group-catalog.js';
import type { RulePeer, SecurityGroupRule } from '../security-group-types.js';
import type { NetworkSpec } from '../spec-types.js';
import { tierSubnets } from '../subnets.js';
import { DEFAULT_NACL_ENTRIES } from './default-nacl.js';
import type { ModelEndpoint, ModelPeer, ModelRouteTable, ModelRule, ModelSecurityGroup, ModelSubnet, NetworkModel } from './model-types.js';
import { plannedInterfaces } from './planned-interfaces.js';
import { protocolNumberOf } from './protocols.js';

const PLANNED = 'planned';

export interface ModelFromSpecOptions {
  /** What the model is of, for answers: `preset production`, `spec my.yaml`. @default 'the spec' */
  readonly description?: string;
  /** The region, for service and prefix-list names. @default '{region}' */
  readonly region?: string;
  /**
   * The S3 prefix list's CIDRs (they differ per region and are read live). Without them an S3
   * address is recognised only when a flow names the prefix list.
   * @default - unknown
   */
  readonly s3PrefixListCidrs?: readonly string[];
}

export const PLANNED_S3_PREFIX_LIST_ID = `${PLANNED}-pl-s3`;

/** The id a plan gives a catalog group: `planned-rds-sg`. */
export function plannedGroupId(role: string): string {
  return `${PLANNED}-${role}-sg`;
}

/** A catalog peer as one of AWS's three peer kinds, with the plan's ids. */
export function modelPeerOf(rule: SecurityGroupRule, groupId: (role: string) => string, s3PrefixListId: string): ModelPeer {
  const peer: RulePeer = rule.peer;
  switch (peer.kind) {
    case 'self':
      return { kind: 'group', groupId: groupId(rule.group) };
    case 'group':
      return { kind: 'group', groupId: groupId(peer.role) };
    case 'external-group':
      return { kind: 'group', groupId: peer.groupId };
    case 'vpc-cidr':
    case 'cidr':
      return { kind: 'cidr', cidr: peer.cidr };
    case 'prefix-list':
      return { kind: 'prefix-list', prefixListId: s3PrefixListId };
  }
}

export function modelRuleOf(rule: SecurityGroupRule, groupId: (role: string) => string, s3PrefixListId: string): ModelRule {
  return {
    catalogId: rule.id,
    direction: rule.direction,
    protocol: protocolNumberOf(rule.protocol),
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    peer: modelPeerOf(rule, groupId, s3PrefixListId),
    description: rule.description,
  };
}

/**
 * The network a spec plans, as the constructs build it: the catalog's groups and rules, the
 * dedicated route tables (S3 gateway route on the private one) beside the VPC's main table, the
 * default network ACL (the constructs create no other), the endpoints, the flow log, and planned
 * interfaces that stand for each group's members. Ids are placeholders (`planned-…`). Existing
 * subnets keep route tables and ACLs the spec does not know: those hops answer *unknown*.
 */
export function modelFromSpec(spec: NetworkSpec, options: ModelFromSpecOptions = {}): NetworkModel {
  const region = options.region ?? '{region}';
  const vpcId = spec.vpcId ?? `${PLANNED}-vpc`;
  const placed = (['private', 'database'] as const).flatMap((tier) =>
    tierSubnets(spec, tier).map((s) => ({
      created: s.id === undefined,
      subnet: {
        id: s.id ?? `${PLANNED}-${tier}-subnet-${s.index + 1}`,
        cidr: s.cidr,
        availabilityZone: s.availabilityZoneName ?? `AZ${s.availabilityZoneIndex + 1}`,
        availabilityZoneId: undefined,
        tier,
        tags: {},
      } satisfies ModelSubnet,
    })),
  );
  const subnets = placed.map((p) => p.subnet);
  const createdIn = (tier: 'private' | 'database') => placed.filter((p) => p.created && p.subnet.tier === tier).map((p) => p.subnet.id);
  const s3Endpoint = `${PLANNED}-s3-endpoint`;
  const local = [{ destination: { kind: 'cidr' as const, cidr: spec.vpcCidr }, target: { kind: 'local' as const }, state: 'active' as const }];
  const s3Route = {
    destination: { kind: 'prefix-list' as const, prefixListId: PLANNED_S3_PREFIX_LIST_ID },
    target: { kind: 'gateway-endpoint' as const, endpointId: s3Endpoint },
    state: 'active' as const,
  };
  // The constructs give a tier its own table when they create its subnets; a new VPC also has its
  // main table (used by no subnet of ours). An existing VPC's tables are not known to a plan.
  const routeTables: ModelRouteTable[] = [
    ...(spec.vpcId ? [] : [{ id: `${PLANNED}-main-rt`, main: true, subnetIds: [], routes: local, tags: {} }]),
    ...(createdIn('private').length > 0
      ? [
          {
            id: `${PLANNED}-private-rt`,
            main: false,
            subnetIds: createdIn('private'),
            routes: [...local, ...(spec.enableVpcEndpoints ? [s3Route] : [])],
            tags: {},
          },
        ]
      : []),
    ...(createdIn('database').length > 0 ? [{ id: `${PLANNED}-database-rt`, main: false, subnetIds: createdIn('database'), routes: local, tags: {} }] : []),
  ];
  const securityGroups: ModelSecurityGroup[] = securityGroupCatalog(spec).map((g) => ({
    id: plannedGroupId(g.role),
    name: g.title,
    role: g.role,
    ingress: g.ingress.map((r) => modelRuleOf(r, plannedGroupId, PLANNED_S3_PREFIX_LIST_ID)),
    egress: g.egress.map((r) => modelRuleOf(r, plannedGroupId, PLANNED_S3_PREFIX_LIST_ID)),
  }));
  const privateSubnetIds = subnets.filter((s) => s.tier === 'private').map((s) => s.id);
  const endpoints: ModelEndpoint[] = spec.enableVpcEndpoints
    ? [
        {
          id: s3Endpoint,
          service: 's3',
          serviceName: endpointServiceName('s3', region),
          type: 'Gateway',
          state: 'planned',
          privateDns: false,
          subnetIds: [],
          routeTableIds: routeTables.some((t) => t.id === `${PLANNED}-private-rt`) ? [`${PLANNED}-private-rt`] : [],
          securityGroupIds: [],
        },
        ...INTERFACE_ENDPOINTS.filter((e) => spec.interfaceEndpointServices.includes(e.service)).map((e): ModelEndpoint => ({
          id: `${PLANNED}-${e.service}-endpoint`,
          service: e.service,
          serviceName: endpointServiceName(e.service, region),
          type: 'Interface',
          state: 'planned',
          privateDns: true,
          subnetIds: privateSubnetIds,
          routeTableIds: [],
          securityGroupIds: [plannedGroupId('vpc-endpoints')],
        })),
      ]
    : [];
  const logGroupName = flowLogGroupName(spec, spec.vpcId);
  return {
    source: 'spec',
    description: options.description ?? 'the spec',
    vpc: { id: vpcId, cidrs: [spec.vpcCidr], tags: {} },
    subnets,
    routeTables,
    networkAcls: spec.vpcId ? [] : [{ id: `${PLANNED}-default-acl`, isDefault: true, subnetIds: [], entries: DEFAULT_NACL_ENTRIES }],
    securityGroups,
    networkInterfaces: plannedInterfaces(subnets, securityGroups, endpoints, spec.bastionSecurityGroupId),
    endpoints,
    prefixLists: spec.enableVpcEndpoints
      ? [{ id: PLANNED_S3_PREFIX_LIST_ID, name: endpointServiceName('s3', region), service: 's3', cidrs: options.s3PrefixListCidrs }]
      : [],
    flowLogs: spec.flowLogs.enabled
      ? [
          {
            id: `${PLANNED}-flow-log`,
            status: 'planned',
            trafficType: spec.flowLogs.trafficType,
            logGroupName,
            maxAggregationIntervalSeconds: spec.flowLogs.maxAggregationIntervalSeconds,
            logFormat: spec.flowLogs.logFormatFields?.map((f) => `\${${f}}`).join(' '),
          },
        ]
      : [],
    logGroup: spec.flowLogs.enabled ? { name: logGroupName, retentionDays: spec.flowLogs.retentionDays, recentEvents: undefined } : undefined,
    problems: [],
  };
}
