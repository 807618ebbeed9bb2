import { GROUP_ROLES, type GroupRole } from '../security-group-types.js';
import { ROLE_TAG_KEY, TIER_TAG_KEY } from '../names.js';
import { SUBNET_TIERS, type NetworkSpec, type SubnetTier } from '../spec-types.js';
import { tierSubnets } from '../subnets.js';
import { DEFAULT_NACL_ENTRIES } from './default-nacl.js';
import type {
  ModelEndpoint,
  ModelNaclEntry,
  ModelNetworkAcl,
  ModelPeer,
  ModelPrefixList,
  ModelRoute,
  ModelRouteTable,
  ModelRule,
  ModelSecurityGroup,
  ModelSubnet,
  NetworkModel,
  RouteTarget,
} from './model-types.js';
import { plannedInterfaces } from './planned-interfaces.js';
import { protocolNumberOf } from './protocols.js';

type Json = Record<string, unknown>;

/** A CloudFormation resource as a synthesized template holds it. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

export interface CloudFormationTemplate {
  readonly Resources?: Record<string, TemplateResource>;
}

function tagsOf(props: Json | undefined): Record<string, string> {
  const tags = (props?.['Tags'] as Array<{ Key?: unknown; Value?: unknown }> | undefined) ?? [];
  return Object.fromEntries(
    tags.filter((t) => typeof t.Key === 'string').map((t) => [t.Key as string, typeof t.Value === 'string' ? t.Value : JSON.stringify(t.Value)]),
  );
}

/** `{Ref: X}` or `{Fn::GetAtt: [X, ...]}` → X; a literal stays itself. */
function refOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] } | undefined;
  return v?.Ref ?? v?.['Fn::GetAtt']?.[0] ?? JSON.stringify(value);
}

/** Renders intrinsic-laden strings readably: `com.amazonaws.{region}.s3`, `/vpc/{vpc_id}/flow-logs`. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] } | undefined)?.['Fn::Join'];
  if (join)
    return join[1]
      .map((p) => (typeof p === 'string' ? p : refOf(p) === 'AWS::Region' ? '{region}' : refOf(p) === 'AWS::URLSuffix' ? '{url_suffix}' : '{vpc_id}'))
      .join(join[0]);
  return refOf(value);
}

function numberOr(value: unknown, fallback: number): number {
  const n = Number(value);
  return value === undefined || !Number.isFinite(n) ? fallback : n;
}

/** `com.amazonaws.{region}.ecr.api` → `ecr.api` (also `cn.com.amazonaws.…`). */
export function shortServiceName(serviceName: string): string {
  const match = /^(?:cn\.)?com\.amazonaws\.[^.]+\.(.+)$/.exec(serviceName);
  return match ? match[1]! : serviceName;
}

function targetOf(props: Json): RouteTarget {
  if (props['GatewayId'] !== undefined) {
    const id = refOf(props['GatewayId']);
    return id.startsWith('vgw-') ? { kind: 'virtual-private-gateway', id } : { kind: 'internet-gateway', id };
  }
  if (props['NatGatewayId'] !== undefined) return { kind: 'nat-gateway', id: refOf(props['NatGatewayId']) };
  if (props['TransitGatewayId'] !== undefined) return { kind: 'transit-gateway', id: refOf(props['TransitGatewayId']) };
  if (props['VpcPeeringConnectionId'] !== undefined) return { kind: 'peering', id: refOf(props['VpcPeeringConnectionId']) };
  if (props['EgressOnlyInternetGatewayId'] !== undefined) return { kind: 'egress-only-internet-gateway', id: refOf(props['EgressOnlyInternetGatewayId']) };
  if (props['NetworkInterfaceId'] !== undefined) return { kind: 'network-interface', id: refOf(props['NetworkInterfaceId']) };
  return { kind: 'other', id: JSON.stringify(props) };
}

/** The managed service a prefix-list lookup (a custom resource) asks for, e.g. `s3`. */
function lookedUpService(resource: TemplateResource | undefined): string | undefined {
  if (!resource) return undefined;
  const text = JSON.stringify(resource.Properties ?? {});
  if (!text.includes('prefix-list-name') && !text.includes('PrefixList')) return undefined;
  const match = /\.(s3|dynamodb)\\?"/.exec(text);
  return match?.[1];
}

export interface ModelFromTemplateOptions {
  /** What the model is of, for answers. @default 'the template' */
  readonly description?: string;
  /** The spec the template was synthesized from: existing VPC and subnets come from it. */
  readonly spec?: NetworkSpec;
}

/**
 * The network a synthesized CloudFormation template will deploy, read without aws-cdk-lib: VPC
 * and secondary CIDRs, subnets, route tables with their associations and routes (the VPC's main
 * table, which CloudFormation creates implicitly, is added), network ACLs (the default ACL where
 * the template declares none), security groups with CIDR, group and prefix-list peers (a group
 * without `SecurityGroupEgress` gets AWS's allow-all egress), endpoints, the flow log and its group.
 */
export function modelFromTemplate(template: CloudFormationTemplate, options: ModelFromTemplateOptions = {}): NetworkModel {
  const resources = template.Resources ?? {};
  const entries = Object.entries(resources);
  const ofType = (type: string) => entries.filter(([, r]) => r.Type === type);
  const spec = options.spec;

  const vpcEntry = ofType('AWS::EC2::VPC')[0];
  const vpcId = vpcEntry?.[0] ?? spec?.vpcId ?? 'template-vpc';
  const vpcCidrs = vpcEntry
    ? [
        String(vpcEntry[1].Properties?.['CidrBlock'] ?? spec?.vpcCidr ?? ''),
        ...ofType('AWS::EC2::VPCCidrBlock').map(([, r]) => String(r.Properties?.['CidrBlock'] ?? '')),
      ].filter((c) => c)
    : spec
      ? [spec.vpcCidr]
      : [];

  const subnets: ModelSubnet[] = ofType('AWS::EC2::Subnet').map(([id, r]) => {
    const p = r.Properties ?? {};
    const az = p['AvailabilityZone'];
    const select = (az as { 'Fn::Select'?: [number] } | undefined)?.['Fn::Select'];
    const tags = tagsOf(p);
    const tier = tags[TIER_TAG_KEY];
    return {
      id,
      cidr: typeof p['CidrBlock'] === 'string' ? p['CidrBlock'] : undefined,
      availabilityZone: typeof az === 'string' ? az : select ? `AZ${Number(select[0]) + 1}` : undefined,
      availabilityZoneId: typeof p['AvailabilityZoneId'] === 'string' ? p['AvailabilityZoneId'] : undefined,
      tier: (SUBNET_TIERS as readonly string[]).includes(tier ?? '') ? (tier as SubnetTier) : undefined,
      tags,
    };
  });
  // Existing subnets (given by id in the spec) are not in the template: keep them from the spec.
  for (const tier of SUBNET_TIERS) {
    for (const s of spec ? tierSubnets(spec, tier) : []) {
      if (s.id) subnets.push({ id: s.id, cidr: s.cidr, availabilityZone: s.availabilityZoneName, availabilityZoneId: undefined, tier, tags: {} });
    }
  }

  const prefixLists = new Map<string, ModelPrefixList>();
  const gatewayListId = (service: string) => {
    const id = `template-pl-${service}`;
    if (!prefixLists.has(id)) prefixLists.set(id, { id, name: `com.amazonaws.{region}.${service}`, service, cidrs: undefined });
    return id;
  };
  const prefixListPeer = (value: unknown): string => {
    const ref = refOf(value);
    const service = lookedUpService(resources[ref]);
    if (service) return gatewayListId(service);
    if (!prefixLists.has(ref)) prefixLists.set(ref, { id: ref, name: ref, service: undefined, cidrs: undefined });
    return ref;
  };

  const endpoints: ModelEndpoint[] = ofType('AWS::EC2::VPCEndpoint').map(([id, r]) => {
    const p = r.Properties ?? {};
    const serviceName = textOf(p['ServiceName']);
    const type = p['VpcEndpointType'] === 'Interface' ? 'Interface' : 'Gateway';
    return {
      id,
      service: shortServiceName(serviceName),
      serviceName,
      type,
      state: 'planned',
      // CloudFormation's default for PrivateDnsEnabled is false.
      privateDns: p['PrivateDnsEnabled'] === true,
      subnetIds: ((p['SubnetIds'] as unknown[] | undefined) ?? []).map(refOf),
      routeTableIds: ((p['RouteTableIds'] as unknown[] | undefined) ?? []).map(refOf),
      securityGroupIds: ((p['SecurityGroupIds'] as unknown[] | undefined) ?? []).map(refOf),
    };
  });

  const local: ModelRoute[] = vpcCidrs.map((c) => ({ destination: { kind: 'cidr', cidr: c }, target: { kind: 'local' }, state: 'active' }));
  const routeTables: ModelRouteTable[] = [
    ...(vpcEntry ? [{ id: `${vpcId}.MainRouteTable`, main: true, subnetIds: [], routes: local, tags: {} }] : []),
    ...ofType('AWS::EC2::RouteTable').map(([id, r]) => ({
      id,
      main: false,
      subnetIds: ofType('AWS::EC2::SubnetRouteTableAssociation')
        .filter(([, a]) => refOf(a.Properties?.['RouteTableId']) === id)
        .map(([, a]) => refOf(a.Properties?.['SubnetId'])),
      routes: [
        ...local,
        ...ofType('AWS::EC2::Route')
          .filter(([, x]) => refOf(x.Properties?.['RouteTableId']) === id)
          .map(([, x]): ModelRoute => {
            const p = x.Properties ?? {};
            const destination =
              p['DestinationPrefixListId'] !== undefined
                ? { kind: 'prefix-list' as const, prefixListId: prefixListPeer(p['DestinationPrefixListId']) }
                : { kind: 'cidr' as const, cidr: String(p['DestinationCidrBlock'] ?? '') };
            return { destination, target: targetOf(p), state: 'active' };
          }),
        ...endpoints
          .filter((e) => e.type === 'Gateway' && e.routeTableIds.includes(id))
          .map((e): ModelRoute => ({
            destination: { kind: 'prefix-list', prefixListId: gatewayListId(e.service) },
            target: { kind: 'gateway-endpoint', endpointId: e.id },
            state: 'active',
          })),
      ],
      tags: tagsOf(r.Properties),
    })),
  ];

  const declaredAcls: ModelNetworkAcl[] = ofType('AWS::EC2::NetworkAcl').map(([id]) => ({
    id,
    isDefault: false,
    subnetIds: ofType('AWS::EC2::SubnetNetworkAclAssociation')
      .filter(([, a]) => refOf(a.Properties?.['NetworkAclId']) === id)
      .map(([, a]) => refOf(a.Properties?.['SubnetId'])),
    entries: ofType('AWS::EC2::NetworkAclEntry')
      .filter(([, e]) => refOf(e.Properties?.['NetworkAclId']) === id)
      .map(([, e]): ModelNaclEntry => {
        const p = e.Properties ?? {};
        const range = p['PortRange'] as { From?: unknown; To?: unknown } | undefined;
        return {
          ruleNumber: numberOr(p['RuleNumber'], 32766),
          egress: p['Egress'] === true || p['Egress'] === 'true',
          protocol: numberOr(p['Protocol'], -1),
          action: String(p['RuleAction']).toLowerCase() === 'deny' ? 'deny' : 'allow',
          cidr: String(p['CidrBlock'] ?? p['Ipv6CidrBlock'] ?? ''),
          ports: range ? { from: numberOr(range.From, 0), to: numberOr(range.To, 65535) } : undefined,
        };
      })
      .concat(DEFAULT_NACL_ENTRIES.filter((x) => x.action === 'deny')),
  }));
  const networkAcls: ModelNetworkAcl[] = vpcEntry
    ? [{ id: `${vpcId}.DefaultNetworkAcl`, isDefault: true, subnetIds: [], entries: DEFAULT_NACL_ENTRIES }, ...declaredAcls]
    : declaredAcls;

  const roleOf = new Map<string, GroupRole>();
  for (const [id, r] of ofType('AWS::EC2::SecurityGroup')) {
    const role = tagsOf(r.Properties)[ROLE_TAG_KEY];
    if (role && (GROUP_ROLES as readonly string[]).includes(role)) roleOf.set(id, role as GroupRole);
  }
  const ruleOf = (direction: 'ingress' | 'egress', p: Json): ModelRule | undefined => {
    // CDK's placeholder egress rule (255.255.255.255/32, ICMP 252-86) matches no traffic.
    if (p['CidrIp'] === '255.255.255.255/32' && p['IpProtocol'] === 'icmp') return undefined;
    const protocol = protocolNumberOf(String(p['IpProtocol'] ?? '-1'));
    let peer: ModelPeer;
    if (typeof p['CidrIp'] === 'string') peer = { kind: 'cidr', cidr: p['CidrIp'] };
    else if (p['SourcePrefixListId'] !== undefined || p['DestinationPrefixListId'] !== undefined)
      peer = { kind: 'prefix-list', prefixListId: prefixListPeer(p['SourcePrefixListId'] ?? p['DestinationPrefixListId']) };
    else if (p['SourceSecurityGroupId'] !== undefined || p['DestinationSecurityGroupId'] !== undefined)
      peer = { kind: 'group', groupId: refOf(p['SourceSecurityGroupId'] ?? p['DestinationSecurityGroupId']) };
    else return undefined; // IPv6 peers are not modelled
    const all = protocol === -1;
    return {
      catalogId: undefined,
      direction,
      protocol,
      fromPort: all ? 0 : numberOr(p['FromPort'], 0),
      toPort: all ? 65535 : numberOr(p['ToPort'], 65535),
      peer,
      description: typeof p['Description'] === 'string' ? p['Description'] : undefined,
    };
  };
  const groups = new Map<string, { ingress: ModelRule[]; egress: ModelRule[] }>();
  const rulesOf = (id: string) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { ingress: [], egress: [] }));
    return g;
  };
  for (const [id, r] of ofType('AWS::EC2::SecurityGroup')) {
    const g = rulesOf(id);
    const p = r.Properties ?? {};
    for (const x of (p['SecurityGroupIngress'] as Json[] | undefined) ?? []) {
      const rule = ruleOf('ingress', x);
      if (rule) g.ingress.push(rule);
    }
    const egress = p['SecurityGroupEgress'] as Json[] | undefined;
    // AWS gives a group that lists no egress rules its allow-all egress rule.
    for (const x of egress ?? [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0', Description: 'AWS default: allow all outbound' }]) {
      const rule = ruleOf('egress', x);
      if (rule) g.egress.push(rule);
    }
  }
  for (const [, r] of entries) {
    if (r.Type !== 'AWS::EC2::SecurityGroupIngress' && r.Type !== 'AWS::EC2::SecurityGroupEgress') continue;
    const direction = r.Type.endsWith('Ingress') ? 'ingress' : 'egress';
    const rule = ruleOf(direction, r.Properties ?? {});
    if (rule) rulesOf(refOf(r.Properties?.['GroupId']))[direction].push(rule);
  }
  const securityGroups: ModelSecurityGroup[] = ofType('AWS::EC2::SecurityGroup').map(([id, r]) => ({
    id,
    name: String(r.Properties?.['GroupName'] ?? id),
    role: roleOf.get(id),
    ingress: groups.get(id)?.ingress ?? [],
    egress: groups.get(id)?.egress ?? [],
  }));

  const logGroups = ofType('AWS::Logs::LogGroup');
  const flowLogs = ofType('AWS::EC2::FlowLog').map(([id, r]) => {
    const p = r.Properties ?? {};
    const logGroup = resources[refOf(p['LogGroupName'])];
    return {
      id,
      status: 'planned',
      trafficType: String(p['TrafficType'] ?? '?'),
      logGroupName: logGroup ? textOf(logGroup.Properties?.['LogGroupName']) : textOf(p['LogGroupName']),
      // CloudFormation's default MaxAggregationInterval is 600 seconds.
      maxAggregationIntervalSeconds: numberOr(p['MaxAggregationInterval'], 600),
      logFormat: typeof p['LogFormat'] === 'string' ? p['LogFormat'] : undefined,
    };
  });
  const bastion = spec?.bastionSecurityGroupId;
  return {
    source: 'template',
    description: options.description ?? 'the template',
    vpc: vpcCidrs.length > 0 || vpcEntry ? { id: vpcId, cidrs: vpcCidrs, tags: tagsOf(vpcEntry?.[1].Properties) } : undefined,
    subnets,
    routeTables,
    networkAcls,
    securityGroups,
    networkInterfaces: plannedInterfaces(subnets, securityGroups, endpoints, bastion),
    endpoints,
    prefixLists: [...prefixLists.values()],
    flowLogs,
    logGroup: logGroups[0]
      ? {
          name: textOf(logGroups[0][1].Properties?.['LogGroupName']),
          retentionDays: logGroups[0][1].Properties?.['RetentionInDays'] as number | undefined,
          recentEvents: undefined,
        }
      : undefined,
    problems: [],
  };
}
