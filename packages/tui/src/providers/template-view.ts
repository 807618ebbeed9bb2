import { readFile } from 'node:fs/promises';
import { GROUP_ROLES, ROLE_TAG_KEY, TIER_TAG_KEY, type GroupRole, type IpProtocol, type NetworkSpec, type SubnetTier } from '@artos/model';
import { AbortError } from '../cli/cli-errors.js';
import type { NetworkView, ViewEndpoint, ViewGroup, ViewRouteTable, ViewRule, ViewSubnet } from './network-view.js';

type Json = Record<string, unknown>;
interface Resource {
  readonly Type: string;
  readonly Properties?: Json;
}

function tagOf(props: Json | undefined, key: string): string | undefined {
  const tags = (props?.['Tags'] as { Key: string; Value: string }[] | undefined) ?? [];
  return tags.find((t) => t.Key === key)?.Value;
}

/** `{Ref: X}` or `{Fn::GetAtt: [X, ...]}` → X; a literal stays itself. */
function refOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  return v?.Ref ?? v?.['Fn::GetAtt']?.[0] ?? JSON.stringify(value);
}

/** Renders intrinsic-laden strings readably: `/vpc/{Vpc}/flow-logs`. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })?.['Fn::Join'];
  if (join) return join[1].map((p) => (typeof p === 'string' ? p : (p as { Ref?: string }).Ref === 'AWS::Region' ? '{region}' : '{vpc_id}')).join(join[0]);
  return refOf(value);
}

function protocolOf(p: unknown): IpProtocol {
  const text = String(p);
  return text === '-1' ? 'all' : (text as IpProtocol);
}

/**
 * The network a synthesized CloudFormation template will deploy (cdk.out/STACK.template.json),
 * read without aws-cdk-lib: groups, rules, subnets, route tables, endpoints, flow log. Checks
 * then run on exactly what will be deployed, so a rule missing from the template fails its step
 * even when the spec is right.
 */
export function viewFromTemplate(template: { Resources?: Record<string, Resource> }, spec: NetworkSpec, description: string): NetworkView {
  const resources = template.Resources ?? {};
  const entries = Object.entries(resources);
  const roleOf = new Map<string, GroupRole>();
  for (const [id, r] of entries) {
    if (r.Type !== 'AWS::EC2::SecurityGroup') continue;
    const role = tagOf(r.Properties, ROLE_TAG_KEY);
    if (role && (GROUP_ROLES as readonly string[]).includes(role)) roleOf.set(id, role as GroupRole);
  }
  const peer = (p: Json): string => {
    if (typeof p['CidrIp'] === 'string') return p['CidrIp'];
    const ref = refOf(p['SourceSecurityGroupId'] ?? p['DestinationSecurityGroupId']);
    const role = roleOf.get(ref);
    return role ? `sg:${role}` : ref;
  };
  const rule = (direction: 'ingress' | 'egress', p: Json): ViewRule | undefined => {
    // CDK's placeholder egress rule (255.255.255.255/32, ICMP 252-86) matches no traffic.
    if (p['CidrIp'] === '255.255.255.255/32' && p['IpProtocol'] === 'icmp') return undefined;
    const protocol = protocolOf(p['IpProtocol']);
    return { direction, protocol, fromPort: protocol === 'all' ? 0 : Number(p['FromPort'] ?? 0), toPort: protocol === 'all' ? 65535 : Number(p['ToPort'] ?? 65535), peer: peer(p), description: p['Description'] as string | undefined };
  };
  const rulesByGroup = new Map<string, ViewRule[]>();
  const add = (groupId: string, r: ViewRule | undefined) => r && rulesByGroup.set(groupId, [...(rulesByGroup.get(groupId) ?? []), r]);
  for (const [id, r] of entries) {
    if (r.Type === 'AWS::EC2::SecurityGroup') {
      for (const p of (r.Properties?.['SecurityGroupIngress'] as Json[] | undefined) ?? []) add(id, rule('ingress', p));
      for (const p of (r.Properties?.['SecurityGroupEgress'] as Json[] | undefined) ?? []) add(id, rule('egress', p));
    } else if (r.Type === 'AWS::EC2::SecurityGroupIngress' || r.Type === 'AWS::EC2::SecurityGroupEgress') {
      add(refOf(r.Properties?.['GroupId']), rule(r.Type.endsWith('Ingress') ? 'ingress' : 'egress', r.Properties ?? {}));
    }
  }
  const groups: ViewGroup[] = [...roleOf].map(([id, role]) => ({ role, id, name: String(resources[id]!.Properties?.['GroupName'] ?? id), rules: rulesByGroup.get(id) ?? [] }));

  const subnets: ViewSubnet[] = entries
    .filter(([, r]) => r.Type === 'AWS::EC2::Subnet')
    .map(([id, r]) => {
      const az = r.Properties?.['AvailabilityZone'];
      const select = (az as { 'Fn::Select'?: [number] })?.['Fn::Select'];
      return { id, cidr: r.Properties?.['CidrBlock'] as string | undefined, tier: (tagOf(r.Properties, TIER_TAG_KEY) ?? 'private') as SubnetTier, availabilityZone: typeof az === 'string' ? az : select ? `AZ${Number(select[0]) + 1}` : 'AZ?' };
    });
  // Existing subnets (given by id in the spec) are not in the template: keep them from the spec.
  for (const [tier, ids] of [['private', spec.privateSubnetIds], ['database', spec.databaseSubnetIds]] as const) {
    ids.forEach((id, i) => subnets.push({ id, cidr: undefined, tier, availabilityZone: spec.availabilityZoneNames?.[i] ?? `AZ${i + 1}` }));
  }

  const endpoints: ViewEndpoint[] = entries
    .filter(([, r]) => r.Type === 'AWS::EC2::VPCEndpoint')
    .map(([id, r]) => {
      const p = r.Properties ?? {};
      const service = textOf(p['ServiceName']).replace(/^com\.amazonaws\.\{region\}\./, '');
      return {
        service,
        type: (p['VpcEndpointType'] as 'Gateway' | 'Interface' | undefined) ?? 'Gateway',
        id,
        state: 'planned',
        privateDns: p['PrivateDnsEnabled'] === true,
        subnetIds: ((p['SubnetIds'] as unknown[] | undefined) ?? []).map(refOf),
        routeTableIds: ((p['RouteTableIds'] as unknown[] | undefined) ?? []).map(refOf),
        securityGroupIds: ((p['SecurityGroupIds'] as unknown[] | undefined) ?? []).map(refOf),
      };
    });
  const routeTables: ViewRouteTable[] = entries
    .filter(([, r]) => r.Type === 'AWS::EC2::RouteTable')
    .map(([id, r]) => ({
      id,
      tier: (tagOf(r.Properties, TIER_TAG_KEY) ?? 'private') as SubnetTier,
      routes: [
        ...entries.filter(([, x]) => x.Type === 'AWS::EC2::Route' && refOf(x.Properties?.['RouteTableId']) === id).map(([, x]) => ({ destination: String(x.Properties?.['DestinationCidrBlock'] ?? '?'), target: refOf(x.Properties?.['TransitGatewayId'] ?? x.Properties?.['GatewayId'] ?? x.Properties?.['NatGatewayId'] ?? '?') })),
        ...endpoints.filter((e) => e.type === 'Gateway' && e.routeTableIds.includes(id)).map((e) => ({ destination: `pl-${e.service}`, target: e.id })),
      ],
    }));

  const flowLogs = entries
    .filter(([, r]) => r.Type === 'AWS::EC2::FlowLog')
    .map(([id, r]) => {
      const p = r.Properties ?? {};
      const groupRef = refOf(p['LogGroupName']);
      const logGroup = resources[groupRef];
      return { id, status: 'planned', trafficType: String(p['TrafficType'] ?? '?'), logGroupName: logGroup ? textOf(logGroup.Properties?.['LogGroupName']) : textOf(p['LogGroupName']), maxAggregationInterval: p['MaxAggregationInterval'] === undefined ? 600 : Number(p['MaxAggregationInterval']) };
    });
  const logGroupResource = entries.find(([, r]) => r.Type === 'AWS::Logs::LogGroup');
  const vpcResource = entries.find(([, r]) => r.Type === 'AWS::EC2::VPC');
  return {
    source: 'template',
    description,
    vpc: vpcResource ? { id: vpcResource[0], cidr: String(vpcResource[1].Properties?.['CidrBlock'] ?? spec.vpcCidr) } : spec.vpcId ? { id: spec.vpcId, cidr: spec.vpcCidr } : undefined,
    subnets,
    routeTables,
    groups,
    endpoints,
    flowLogs,
    logGroup: logGroupResource ? { name: textOf(logGroupResource[1].Properties?.['LogGroupName']), retentionDays: logGroupResource[1].Properties?.['RetentionInDays'] as number | undefined, recentEvents: undefined } : undefined,
    problems: [],
  };
}

export async function readTemplate(path: string): Promise<{ Resources?: Record<string, Resource> }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AbortError(`cannot read --template ${path}`, 'synthesize first: cd packages/cdk-constructs && npx cdk synth, then give cdk.out/<stack>.template.json');
  }
  try {
    return JSON.parse(text) as { Resources?: Record<string, Resource> };
  } catch (error) {
    throw new AbortError(`--template ${path} is not JSON: ${(error as Error).message}`, 'give the .template.json from cdk.out');
  }
}
