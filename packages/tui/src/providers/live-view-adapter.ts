import { DEFAULT_NACL_ENTRIES, protocolNumberOf, shortServiceName, type ModelPart, type ModelPeer, type ModelRule, type NetworkModel } from '@artos/model';
import type { NetworkView, ViewRule } from './network-view.js';

/**
 * Stopgap until the live provider fills the NetworkModel itself (DescribeNetworkInterfaces,
 * DescribeNetworkAcls, route-table associations and the main table): turns the live view into the
 * model. What the view does not read is said as a problem, so the checks that need it answer
 * *unknown* rather than guess.
 */
const PART_OF: ReadonlyArray<[RegExp, ModelPart]> = [
  [/VPC endpoints/, 'endpoints'],
  [/subnets/, 'subnets'],
  [/route tables/, 'route-tables'],
  [/security groups/, 'security-groups'],
  [/flow logs/, 'flow-logs'],
  [/flow-log group/, 'log-group'],
  [/recent flow-log events/, 'recent-events'],
  [/the VPC/, 'vpc'],
];

function peerOf(view: NetworkView, r: ViewRule): ModelPeer {
  if (r.peer.startsWith('sg:')) return { kind: 'group', groupId: view.groups.find((g) => g.role === r.peer.slice(3))?.id ?? r.peer };
  if (r.peer.startsWith('sg-')) return { kind: 'group', groupId: r.peer };
  if (r.peer.startsWith('pl-')) return { kind: 'prefix-list', prefixListId: r.peer };
  return { kind: 'cidr', cidr: r.peer };
}

export function modelFromLiveView(view: NetworkView): NetworkModel {
  const ruleOf = (r: ViewRule): ModelRule => ({ catalogId: undefined, direction: r.direction, protocol: protocolNumberOf(r.protocol), fromPort: r.fromPort, toPort: r.toPort, peer: peerOf(view, r), description: r.description });
  const s3 = view.endpoints.find((e) => e.type === 'Gateway' && e.service === 's3');
  return {
    source: 'live',
    description: view.description,
    vpc: view.vpc ? { id: view.vpc.id, cidrs: [view.vpc.cidr], tags: {} } : undefined,
    subnets: view.subnets.map((s) => ({ id: s.id, cidr: s.cidr, availabilityZone: s.availabilityZone, availabilityZoneId: undefined, tier: s.tier, tags: {} })),
    routeTables: view.routeTables.map((t) => ({
      id: t.id,
      main: false,
      subnetIds: view.subnets.filter((s) => s.tier === t.tier).map((s) => s.id),
      routes: [
        ...(view.vpc ? [{ destination: { kind: 'cidr' as const, cidr: view.vpc.cidr }, target: { kind: 'local' as const }, state: 'active' as const }] : []),
        ...t.routes.map((r) => ({
          destination: r.destination.startsWith('pl-') ? { kind: 'prefix-list' as const, prefixListId: r.destination } : { kind: 'cidr' as const, cidr: r.destination },
          target: r.target.startsWith('vpce-') ? { kind: 'gateway-endpoint' as const, endpointId: r.target } : r.target.startsWith('igw-') ? { kind: 'internet-gateway' as const, id: r.target } : r.target.startsWith('nat-') ? { kind: 'nat-gateway' as const, id: r.target } : r.target.startsWith('tgw-') ? { kind: 'transit-gateway' as const, id: r.target } : r.target.startsWith('pcx-') ? { kind: 'peering' as const, id: r.target } : { kind: 'other' as const, id: r.target },
          state: 'active' as const,
        })),
      ],
      tags: {},
    })),
    networkAcls: view.vpc ? [{ id: 'default-acl (not read)', isDefault: true, subnetIds: [], entries: DEFAULT_NACL_ENTRIES }] : [],
    securityGroups: view.groups.map((g) => ({ id: g.id, name: g.name, role: g.role, ingress: g.rules.filter((r) => r.direction === 'ingress').map(ruleOf), egress: g.rules.filter((r) => r.direction === 'egress' && r.peer !== '255.255.255.255/32').map(ruleOf) })),
    networkInterfaces: [],
    endpoints: view.endpoints.map((e) => ({ id: e.id, service: shortServiceName(e.service), serviceName: e.service, type: e.type, state: e.state, privateDns: e.privateDns, subnetIds: e.subnetIds, routeTableIds: e.routeTableIds, securityGroupIds: e.securityGroupIds })),
    prefixLists: s3 ? view.routeTables.flatMap((t) => t.routes.filter((r) => r.target === s3.id && r.destination.startsWith('pl-')).map((r) => ({ id: r.destination, name: 'com.amazonaws.{region}.s3', service: 's3', cidrs: undefined }))).filter((p, i, all) => all.findIndex((x) => x.id === p.id) === i) : [],
    flowLogs: view.flowLogs.map((f) => ({ id: f.id, status: f.status, trafficType: f.trafficType, logGroupName: f.logGroupName, maxAggregationIntervalSeconds: f.maxAggregationInterval, logFormat: undefined })),
    logGroup: view.logGroup,
    problems: view.problems.map((p) => ({ part: PART_OF.find(([re]) => re.test(p.what))?.[1] ?? 'vpc', action: p.what, detail: p.detail, fix: p.fix, fatal: p.what === 'the VPC' })),
  };
}
