import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnSecurityGroup } from 'aws-cdk-lib/aws-ec2';
import {
  PLACEHOLDER_BASTION_SECURITY_GROUP_ID,
  PRESET_NAMES,
  preset,
  securityGroupCatalog,
  validateSpec,
  type GroupRole,
  type NetworkSpecInput,
} from '@artos/model';
import { ArtosNetwork, withExistingIds } from '../src/index.js';
import { rulesFromTemplate, type TemplateRule } from './template-rules.js';

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function synth(spec: NetworkSpecInput, props: Partial<ConstructorParameters<typeof ArtosNetwork>[2]> = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'artos-cdk-'));
  outdirs.push(outdir);
  const app = new App({ outdir });
  const stack = new Stack(app, 'Test');
  const network = new ArtosNetwork(stack, 'Network', { spec, ...props });
  const template = Template.fromStack(stack);
  const groupByLogicalId = new Map<string, string>();
  for (const [role, group] of network.securityGroups) groupByLogicalId.set(stack.getLogicalId(group.node.defaultChild as CfnSecurityGroup), role);
  return { stack, network, template, rules: rulesFromTemplate(template, groupByLogicalId) };
}

const presetSpec = (name: string) => withExistingIds(preset(name), () => undefined).spec;

const key = (r: Omit<TemplateRule, 'group'> & { group?: string }) => `${r.group}|${r.direction}|${r.protocol}|${r.ports}|${r.peer}|${r.description}`;

// Straight from the seed's tables (production: the bastion is in the additional groups and is the
// bastion group). Hand-written, so a catalog mistake cannot hide behind the catalog.
const B = `external ${PLACEHOLDER_BASTION_SECURITY_GROUP_ID}`;
const SEED_PRODUCTION_RULES: readonly string[] = [
  'eks-cluster|ingress|TCP|443|group eks-nodes|HTTPS API server from nodes',
  `eks-cluster|ingress|TCP|443|${B}|HTTPS from bastion/other resources`,
  'eks-cluster|ingress|TCP|443|10.0.0.0/16|HTTPS from all VPC resources',
  'eks-cluster|ingress|TCP|2379-2380|self|etcd client/server communication',
  'eks-cluster|ingress|TCP|12379|self|etcd metrics',
  'eks-cluster|egress|All|All|0.0.0.0/0|All traffic (required for cluster operations and AWS API calls)',
  'eks-nodes|ingress|TCP|All|self|Node-to-node communication',
  'eks-nodes|ingress|TCP|All|10.0.0.0/16|Communication from cluster',
  'eks-nodes|ingress|TCP|1025-65535|self|Dynamic port range for services',
  'eks-nodes|ingress|UDP|All|self|Pod-to-pod UDP traffic',
  'eks-nodes|ingress|TCP|10250|10.0.0.0/16|kubelet API',
  'eks-nodes|ingress|TCP|30000-32767|self|NodePort services',
  'eks-nodes|ingress|TCP|443|10.0.0.0/16|HTTPS API access',
  'eks-nodes|ingress|TCP|2379-2380|10.0.0.0/16|etcd communication',
  'eks-nodes|ingress|TCP|12379|10.0.0.0/16|etcd metrics',
  'eks-nodes|egress|All|All|10.0.0.0/16|All traffic to VPC CIDR (allows communication within VPC)',
  // The one rule added to the seed's tables. AWS, "Gateway endpoints for Amazon S3": the security
  // group must allow outbound traffic to S3 (its prefix list); ECR image layers live in S3.
  'eks-nodes|egress|TCP|443|prefix list s3|HTTPS to S3 via the gateway endpoint (ECR image layers; not in the seed)',
  'rds|ingress|TCP|5432|group eks-nodes|PostgreSQL from application pods',
  'alb-internal|ingress|TCP|80|group alb-frontend|HTTP from frontend',
  'alb-internal|ingress|TCP|443|group alb-frontend|HTTPS from frontend',
  `alb-internal|ingress|TCP|443|${B}|HTTPS from bastion (optional)`,
  'alb-internal|egress|All|All|0.0.0.0/0|All traffic (ALB needs to reach target pods)',
  'alb-frontend|ingress|TCP|443|10.0.0.0/16|HTTPS from VPC resources',
  `alb-frontend|ingress|TCP|443|${B}|HTTPS from bastion (optional)`,
  'alb-frontend|egress|All|All|0.0.0.0/0|All traffic (ALB needs to reach target pods)',
  'vpc-endpoints|ingress|TCP|443|10.0.0.0/16|HTTPS from all VPC resources',
];

function catalogRules(spec: NetworkSpecInput): string[] {
  const validated = validateSpec(spec).spec!;
  return securityGroupCatalog(validated).flatMap((g) =>
    [...g.ingress, ...g.egress].map((r) =>
      key({
        group: g.role,
        direction: r.direction,
        protocol: r.protocol === 'all' ? 'All' : r.protocol.toUpperCase(),
        ports:
          r.protocol === 'all' || (r.fromPort === 0 && r.toPort === 65535) ? 'All' : r.fromPort === r.toPort ? String(r.fromPort) : `${r.fromPort}-${r.toPort}`,
        peer:
          r.peer.kind === 'self'
            ? 'self'
            : r.peer.kind === 'group'
              ? `group ${r.peer.role}`
              : r.peer.kind === 'external-group'
                ? `external ${r.peer.groupId}`
                : r.peer.kind === 'prefix-list'
                  ? `prefix list ${r.peer.service}`
                  : r.peer.cidr,
        description: r.description,
      }),
    ),
  );
}

const EXPECTED_COUNTS: Record<string, Record<string, number>> = {
  basic: {
    'AWS::EC2::VPC': 1,
    'AWS::EC2::Subnet': 4,
    'AWS::EC2::RouteTable': 2,
    'AWS::EC2::SubnetRouteTableAssociation': 4,
    'AWS::EC2::SecurityGroup': 6,
    'AWS::EC2::VPCEndpoint': 11,
    'AWS::EC2::FlowLog': 1,
    'AWS::Logs::LogGroup': 1,
    'AWS::RDS::DBSubnetGroup': 1,
  },
  production: {
    'AWS::EC2::VPC': 1,
    'AWS::EC2::Subnet': 6,
    'AWS::EC2::RouteTable': 2,
    'AWS::EC2::SubnetRouteTableAssociation': 6,
    'AWS::EC2::SecurityGroup': 6,
    'AWS::EC2::VPCEndpoint': 11,
    'AWS::EC2::FlowLog': 1,
    'AWS::Logs::LogGroup': 1,
    'AWS::RDS::DBSubnetGroup': 1,
  },
  development: {
    'AWS::EC2::VPC': 1,
    'AWS::EC2::Subnet': 2,
    'AWS::EC2::RouteTable': 2,
    'AWS::EC2::SubnetRouteTableAssociation': 2,
    'AWS::EC2::SecurityGroup': 6,
    'AWS::EC2::VPCEndpoint': 11,
    'AWS::EC2::FlowLog': 1,
    'AWS::Logs::LogGroup': 1,
    'AWS::RDS::DBSubnetGroup': 0,
  },
  'existing-vpc': {
    'AWS::EC2::VPC': 0,
    'AWS::EC2::Subnet': 0,
    'AWS::EC2::RouteTable': 0,
    'AWS::EC2::SubnetRouteTableAssociation': 0,
    'AWS::EC2::SecurityGroup': 6,
    'AWS::EC2::VPCEndpoint': 10,
    'AWS::EC2::FlowLog': 1,
    'AWS::Logs::LogGroup': 1,
    'AWS::RDS::DBSubnetGroup': 1,
  },
};

describe.each(PRESET_NAMES)('preset %s', (name) => {
  const { template, rules, stack, network } = synth(presetSpec(name));

  it('has the expected resources and nothing that reaches the internet', () => {
    for (const [type, count] of Object.entries(EXPECTED_COUNTS[name]!)) template.resourceCountIs(type, count);
    for (const type of [
      'AWS::EC2::InternetGateway',
      'AWS::EC2::NatGateway',
      'AWS::EC2::EgressOnlyInternetGateway',
      'AWS::EC2::Route',
      'AWS::EC2::VPCGatewayAttachment',
      'AWS::EC2::EIP',
    ])
      template.resourceCountIs(type, 0);
  });

  it("gives each group exactly the catalog's rules", () => {
    expect(rules.map(key).sort()).toEqual(catalogRules(presetSpec(name)).sort());
  });

  it('admits nothing from 0.0.0.0/0', () => {
    expect(rules.filter((r) => r.direction === 'ingress' && (r.peer === '0.0.0.0/0' || r.peer === '::/0'))).toEqual([]);
  });

  it('puts every interface endpoint in the private subnets with private DNS and the endpoints group', () => {
    const endpoints = template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Interface' } });
    expect(Object.keys(endpoints)).toHaveLength(10);
    const endpointsGroup = stack.resolve(network.securityGroups.get('vpc-endpoints')!.securityGroupId);
    const privateSubnets = network.privateSubnets.map((s) => stack.resolve(s.subnetId));
    for (const endpoint of Object.values(endpoints) as { Properties: Record<string, unknown> }[]) {
      expect(endpoint.Properties['PrivateDnsEnabled']).toBe(true);
      expect(endpoint.Properties['SecurityGroupIds']).toEqual([endpointsGroup]);
      expect(endpoint.Properties['SubnetIds']).toEqual(privateSubnets);
    }
  });

  it('logs ALL traffic every 60 s to /vpc/{vpc_id}/flow-logs, kept 14 days and retained', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      TrafficType: 'ALL',
      MaxAggregationInterval: 60,
      ResourceType: 'VPC',
      LogDestinationType: 'cloud-watch-logs',
    });
    const vpcRef = stack.resolve(network.vpc.vpcId);
    template.hasResource('AWS::Logs::LogGroup', {
      // A new VPC's id is resolved at deploy time; an existing VPC's id is known and folded in.
      Properties: {
        LogGroupName: typeof vpcRef === 'string' ? `/vpc/${vpcRef}/flow-logs` : { 'Fn::Join': ['', ['/vpc/', vpcRef, '/flow-logs']] },
        RetentionInDays: 14,
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('lets only vpc-flow-logs of this account assume the delivery role, which writes to the log group only', () => {
    // AWS, "IAM role for publishing flow logs to CloudWatch Logs"
    // (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html): trust
    // vpc-flow-logs.amazonaws.com, with aws:SourceAccount (the flow log's owner) and aws:SourceArn
    // (arn:…:ec2:region:account:vpc-flow-log/…) against the confused deputy.
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'sts:AssumeRole',
            Principal: { Service: 'vpc-flow-logs.amazonaws.com' },
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: {
                'aws:SourceArn': {
                  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':vpc-flow-log/*']],
                },
              },
            },
          }),
        ],
      },
    });
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
    }[];
    const logGroupArn = stack.resolve(network.flowLogGroup!.logGroupArn);
    const flowStatements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement).filter((s) => [s.Action].flat().some((a) => a.startsWith('logs:')));
    // The page's list less CreateLogGroup and DescribeLogGroups: the stack makes the group itself.
    expect(flowStatements.map((s) => [s.Action].flat().sort())).toEqual([['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents']]);
    for (const s of flowStatements) expect(s.Resource).toEqual(logGroupArn);
  });
});

describe('routes, subnets and endpoints', () => {
  const production = synth(presetSpec('production'));

  it('keeps the database route table empty and puts S3 only on the private one', () => {
    const { template, network, stack } = production;
    template.resourceCountIs('AWS::EC2::Route', 0);
    const s3 = template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Gateway' } });
    const [endpoint] = Object.values(s3) as { Properties: { RouteTableIds: unknown[]; ServiceName: unknown } }[];
    expect(endpoint!.Properties.RouteTableIds).toEqual([stack.resolve(network.privateRouteTable!.ref)]);
    expect(JSON.stringify(endpoint!.Properties.ServiceName)).toContain('.s3');
    const dbAssociations = Object.values(template.findResources('AWS::EC2::SubnetRouteTableAssociation')).filter((a) =>
      JSON.stringify((a as { Properties: unknown }).Properties).includes(stack.getLogicalId(network.databaseRouteTable!)),
    );
    expect(dbAssociations).toHaveLength(3);
  });

  it('spreads the production subnets over three distinct AZ selections, with no public IPs', () => {
    const subnets = Object.values(production.template.findResources('AWS::EC2::Subnet')) as {
      Properties: { AvailabilityZone: unknown; MapPublicIpOnLaunch: boolean; CidrBlock: string };
    }[];
    const azs = new Set(subnets.map((s) => JSON.stringify(s.Properties.AvailabilityZone)));
    expect(azs.size).toBe(3);
    expect([...azs].every((az) => az.includes('Fn::GetAZs'))).toBe(true);
    expect(subnets.every((s) => s.Properties.MapPublicIpOnLaunch === false)).toBe(true);
    expect(subnets.map((s) => s.Properties.CidrBlock).sort()).toEqual([
      '10.0.10.0/24',
      '10.0.100.0/24',
      '10.0.20.0/24',
      '10.0.200.0/24',
      '10.0.210.0/24',
      '10.0.30.0/24',
    ]);
  });

  it('turns on DNS, restricts the default security group and tags everything', () => {
    production.template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16', EnableDnsHostnames: true, EnableDnsSupport: true });
    production.template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
    production.template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupName: 'artos-production-rds-sg',
      Tags: Match.arrayWith([
        { Key: 'artos:role', Value: 'rds' },
        { Key: 'Environment', Value: 'production' },
      ]),
    });
    production.template.hasResourceProperties('AWS::EC2::Subnet', {
      Tags: Match.arrayWith([
        { Key: 'artos:tier', Value: 'database' },
        { Key: 'Name', Value: 'artos-production-database-3' },
      ]),
    });
  });

  it('exports the ids other stacks need', () => {
    const outputs = production.template.findOutputs('*');
    expect(
      Object.values(outputs)
        .map((o) => (o as { Export: { Name: string } }).Export.Name)
        .sort(),
    ).toEqual(
      [
        'VpcId',
        'PrivateSubnetIds',
        'DatabaseSubnetIds',
        'PrivateRouteTableId',
        'DatabaseRouteTableId',
        'EksClusterSecurityGroupId',
        'EksNodesSecurityGroupId',
        'RdsSecurityGroupId',
        'AlbInternalSecurityGroupId',
        'AlbFrontendSecurityGroupId',
        'VpcEndpointsSecurityGroupId',
        'DbSubnetGroupName',
        'FlowLogGroupName',
      ]
        .map((n) => `artos-production-${n}`)
        .sort(),
    );
  });

  it('matches the seed tables, rule by rule', () => {
    expect(production.rules.map(key).sort()).toEqual([...SEED_PRODUCTION_RULES].sort());
  });
});

describe('options', () => {
  it('creates no endpoint when enableVpcEndpoints is false', () => {
    synth({ ...preset('basic'), enableVpcEndpoints: false }).template.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
  });

  it('adds enterprise routes to the private route table only', () => {
    const { template, network, stack } = synth(preset('basic'), {
      enterpriseRoutes: [{ destinationCidr: '192.168.0.0/16', transitGatewayId: 'tgw-0123456789abcdef0' }],
    });
    template.resourceCountIs('AWS::EC2::Route', 1);
    template.hasResourceProperties('AWS::EC2::Route', {
      RouteTableId: stack.resolve(network.privateRouteTable!.ref),
      DestinationCidrBlock: '192.168.0.0/16',
      TransitGatewayId: 'tgw-0123456789abcdef0',
    });
  });

  it('writes a custom record format from the spec', () => {
    const { template } = synth({ ...preset('basic'), flowLogs: { logFormatFields: ['version', 'srcaddr', 'dstaddr', 'dstport', 'action', 'tcp-flags'] } });
    template.hasResourceProperties('AWS::EC2::FlowLog', { LogFormat: '${version} ${srcaddr} ${dstaddr} ${dstport} ${action} ${tcp-flags}' });
  });

  it('creates only the subnets not given by id in an existing VPC', () => {
    const spec = { ...presetSpec('existing-vpc'), privateSubnetIds: undefined, privateSubnetCidrs: ['10.0.10.0/24', '10.0.20.0/24'] } as NetworkSpecInput;
    const { template } = synth(spec);
    template.resourceCountIs('AWS::EC2::VPC', 0);
    template.resourceCountIs('AWS::EC2::Subnet', 2);
    template.resourceCountIs('AWS::EC2::RouteTable', 1);
    template.hasResourceProperties('AWS::EC2::Subnet', { VpcId: spec.vpcId });
  });

  it('stops synthesis with the model messages on an invalid spec', () => {
    expect(() => synth({ namePrefix: 'artos-x', vpcCidr: '10.0.0.0/16', databaseSubnetCidrs: ['10.0.100.7/24', '10.0.200.0/24'] })).toThrowError(
      /databaseSubnetCidrs\[0\]: 10\.0\.100\.7\/24 is not a network address[\s\S]*use 10\.0\.100\.0\/24/,
    );
  });

  it('makes no DB subnet group for a single-AZ database tier, and says why', () => {
    const { template, network } = synth(preset('development'));
    template.resourceCountIs('AWS::RDS::DBSubnetGroup', 0);
    expect(network.dbSubnetGroup).toBeUndefined();
    const warnings = network.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(warnings.some((w) => w.includes('at least two AZs'))).toBe(true);
  });
});

// Keep the group roles in sync with the model.
it('exposes all six groups', () => {
  const roles: GroupRole[] = ['eks-cluster', 'eks-nodes', 'rds', 'alb-internal', 'alb-frontend', 'vpc-endpoints'];
  expect([...synth(preset('basic')).network.securityGroups.keys()]).toEqual(roles);
});
