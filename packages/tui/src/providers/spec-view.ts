import {
  INTERFACE_ENDPOINTS,
  flowLogGroupName,
  securityGroupCatalog,
  tierSubnets,
  type NetworkSpec,
  type SecurityGroupRule,
} from '@artos/model';
import type { NetworkView, ViewRule } from './network-view.js';

export function peerText(rule: SecurityGroupRule): string {
  switch (rule.peer.kind) {
    case 'self':
      return `sg:${rule.group}`;
    case 'group':
      return `sg:${rule.peer.role}`;
    case 'external-group':
      return rule.peer.groupId;
    default:
      return rule.peer.cidr;
  }
}

export function viewRule(rule: SecurityGroupRule): ViewRule {
  return { direction: rule.direction, protocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort, peer: peerText(rule), description: rule.description };
}

const PLANNED = 'planned';

/** The network a spec plans: ids are placeholders, every resource exactly as the model builds it. */
export function viewFromSpec(spec: NetworkSpec, description: string): NetworkView {
  const subnets = (['private', 'database'] as const).flatMap((tier) =>
    tierSubnets(spec, tier).map((s) => ({ id: s.id ?? `${PLANNED}-${tier}-${s.index + 1}`, cidr: s.cidr, tier, availabilityZone: s.availabilityZoneName ?? `AZ${s.availabilityZoneIndex + 1}` })),
  );
  const privateRt = `${PLANNED}-private-rt`;
  const endpointGroup = `${PLANNED}-vpc-endpoints-sg`;
  const privateSubnetIds = subnets.filter((s) => s.tier === 'private').map((s) => s.id);
  return {
    source: 'spec',
    description,
    vpc: { id: spec.vpcId ?? `${PLANNED}-vpc`, cidr: spec.vpcCidr },
    subnets,
    routeTables: [
      { id: privateRt, tier: 'private', routes: spec.enableVpcEndpoints ? [{ destination: 'pl-s3', target: `${PLANNED}-s3-endpoint` }] : [] },
      { id: `${PLANNED}-database-rt`, tier: 'database', routes: [] },
    ],
    groups: securityGroupCatalog(spec).map((g) => ({ role: g.role, id: `${PLANNED}-${g.role}-sg`, name: g.title, rules: [...g.ingress, ...g.egress].map(viewRule) })),
    endpoints: spec.enableVpcEndpoints
      ? [
          { service: 's3', type: 'Gateway', id: `${PLANNED}-s3-endpoint`, state: 'planned', privateDns: false, subnetIds: [], routeTableIds: [privateRt], securityGroupIds: [] },
          ...INTERFACE_ENDPOINTS.filter((e) => spec.interfaceEndpointServices.includes(e.service)).map((e) => ({
            service: e.service,
            type: 'Interface' as const,
            id: `${PLANNED}-${e.service}-endpoint`,
            state: 'planned',
            privateDns: true,
            subnetIds: privateSubnetIds,
            routeTableIds: [],
            securityGroupIds: [endpointGroup],
          })),
        ]
      : [],
    flowLogs: spec.flowLogs.enabled
      ? [{ id: `${PLANNED}-flow-log`, status: 'planned', trafficType: spec.flowLogs.trafficType, logGroupName: flowLogGroupName(spec, spec.vpcId), maxAggregationInterval: spec.flowLogs.maxAggregationIntervalSeconds }]
      : [],
    logGroup: spec.flowLogs.enabled ? { name: flowLogGroupName(spec, spec.vpcId), retentionDays: spec.flowLogs.retentionDays, recentEvents: undefined } : undefined,
    problems: [],
  };
}
