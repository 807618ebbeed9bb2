import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, beforeEach } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  EC2Client,
  DescribeVpcsCommand,
  DescribeSubnetsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointsCommand,
  DescribeFlowLogsCommand,
  DescribeManagedPrefixListsCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  GetManagedPrefixListEntriesCommand,
  type State,
} from '@aws-sdk/client-ec2';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { assertValidSpec, modelFromTemplate, preset } from '@artos/model';
import { buildDoctorContext } from './build-context.js';
import { runWorkflow } from './run-workflow.js';
import { findWorkflow, WORKFLOWS } from './workflows.js';
import type { DoctorContext } from './types.js';

const spec = assertValidSpec(preset('production'));
const templatePath = fileURLToPath(new URL('../../test/fixtures/production.template.json', import.meta.url));
const template = JSON.parse(readFileSync(templatePath, 'utf8')) as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

const statuses = async (id: string, ctx: DoctorContext) => Object.fromEntries((await runWorkflow(findWorkflow(id)!, ctx)).steps.map((s) => [s.id, s.status]));
type Resources = typeof template.Resources;
const withTemplate = async (resources: Resources) => ({
  ...(await buildDoctorContext(spec, 'x', {})),
  model: modelFromTemplate({ Resources: resources }, { description: 'broken template', spec }),
});
const without = (predicate: (r: Resources[string]) => boolean): Resources =>
  Object.fromEntries(Object.entries(structuredClone(template.Resources)).filter(([, r]) => !predicate(r)));

describe('doctor offline', () => {
  it('passes every step on the production preset; steps with nothing to check are skipped, never passed', async () => {
    const ctx = await buildDoctorContext(spec, 'preset production', {});
    const skipped = new Set([
      'reach',
      'recent-postgres-rejects',
      'flow-log-recent-events',
      'drift-security-groups',
      'drift-routes',
      'drift-endpoints',
      'drift-flow-logs',
      'drift-network-acls',
    ]);
    for (const w of WORKFLOWS) {
      const report = await runWorkflow(w, ctx);
      for (const s of report.steps) expect([s.id, s.status]).toEqual([s.id, skipped.has(s.id) ? 'skipped' : 'pass']);
      if (w.id === 'reach' || w.id === 'drift') expect(report.status).toBe('skipped');
    }
  });

  it('passes every workflow on the synthesized production template, drift included', async () => {
    const ctx = await buildDoctorContext(spec, 'preset production', { template: templatePath });
    expect(ctx.model.source).toBe('template');
    for (const id of ['endpoints', 'rds', 'bastion', 'exposure', 'drift']) {
      const report = await runWorkflow(findWorkflow(id)!, ctx);
      expect(report.steps.filter((s) => s.status !== 'pass' && s.status !== 'skipped').map((s) => [s.id, s.status, s.evidence])).toEqual([]);
    }
  });

  it('answers rds and reach alike about the template it was given: the 5432 rule removed fails both', async () => {
    const ctx = await withTemplate(without((r) => r.Type === 'AWS::EC2::SecurityGroupIngress' && r.Properties?.['FromPort'] === 5432));
    const step = (await runWorkflow(findWorkflow('rds')!, ctx)).steps.find((s) => s.id === 'rds-admits-nodes')!;
    expect(step.status).toBe('fail');
    expect(step.evidence[0]).toContain('has no ingress rule for tcp 5432');
    expect(step.fix?.command).toContain('IpPermissions[?ToPort==`5432`]');
    const reach = await runWorkflow(findWorkflow('reach')!, { ...ctx, reach: { from: 'eks-nodes', to: 'rds', port: 5432, protocol: 'tcp' } });
    expect(reach.steps[0]!.status).toBe('fail');
    const drift = (await runWorkflow(findWorkflow('drift')!, ctx)).steps.find((s) => s.id === 'drift-security-groups')!;
    expect(drift.status).toBe('fail');
    expect(drift.evidence).toContainEqual(expect.stringMatching(/^rds \(.*\) missing: ingress tcp 5432 from group eks-nodes$/));
  });

  it("fails the S3 check with the seed's exact node egress, and passes it with the project's template", async () => {
    // AWS, "Gateway endpoints for Amazon S3": traffic to S3 through a gateway endpoint must be
    // allowed by the security group (to the S3 prefix list); the seed's egress is the VPC CIDR only.
    const seedExact = await withTemplate(without((r) => r.Type === 'AWS::EC2::SecurityGroupEgress' && r.Properties?.['DestinationPrefixListId'] !== undefined));
    const step = (await runWorkflow(findWorkflow('endpoints')!, seedExact)).steps.find((s) => s.id === 'nodes-reach-s3')!;
    expect(step.status).toBe('fail');
    expect(step.evidence.join(' ')).toContain('10.0.0.0/16');
    const ok = await buildDoctorContext(spec, 'x', { template: templatePath });
    expect((await statuses('endpoints', ok))['nodes-reach-s3']).toBe('pass');
  });

  it('fails the endpoints workflow when private DNS is off in the template', async () => {
    const broken = structuredClone(template.Resources);
    const sts = Object.values(broken).find((r) => r.Type === 'AWS::EC2::VPCEndpoint' && JSON.stringify(r.Properties?.['ServiceName']).includes('.sts'))!;
    sts.Properties!['PrivateDnsEnabled'] = false;
    const ctx = await withTemplate(broken);
    expect(await statuses('endpoints', ctx)).toMatchObject({ 'endpoints-exist': 'pass', 'endpoints-private-dns': 'fail' });
  });

  it('classifies route tables by association: a private subnet left on the main table lacks the S3 route', async () => {
    // AWS, "Configure route tables": a subnet without an explicit association uses the main table.
    const firstPrivate = Object.entries(template.Resources).find(
      ([, r]) => r.Type === 'AWS::EC2::Subnet' && JSON.stringify(r.Properties?.['Tags']).includes('"private"'),
    )![0];
    const ctx = await withTemplate(
      without((r) => r.Type === 'AWS::EC2::SubnetRouteTableAssociation' && JSON.stringify(r.Properties?.['SubnetId']).includes(firstPrivate)),
    );
    const step = (await runWorkflow(findWorkflow('endpoints')!, ctx)).steps.find((s) => s.id === 's3-gateway-routes')!;
    expect(step.status).toBe('fail');
    expect(step.evidence.join('\n')).toContain(`private subnet ${firstPrivate} uses`);
    expect(step.evidence.join('\n')).toContain('(main, implicit), which lacks the S3 route');
  });

  it('fails exposure and drift when the nodes group admits SSH from anywhere', async () => {
    const resources = structuredClone(template.Resources);
    const nodes = Object.entries(resources).find(
      ([, r]) => r.Type === 'AWS::EC2::SecurityGroup' && JSON.stringify(r.Properties?.['Tags']).includes('"eks-nodes"'),
    )![0];
    resources['OpenSsh'] = {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: { GroupId: { 'Fn::GetAtt': [nodes, 'GroupId'] }, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' },
    };
    const ctx = await withTemplate(resources);
    const exposure = (await runWorkflow(findWorkflow('exposure')!, ctx)).steps[0]!;
    expect(exposure.status).toBe('fail');
    expect(exposure.evidence[0]).toContain(`${nodes} (eks-nodes): tcp 22 from 0.0.0.0/0`);
    expect((await runWorkflow(findWorkflow('drift')!, ctx)).steps[0]!.evidence).toContainEqual(expect.stringContaining('extra: ingress tcp 22 from 0.0.0.0/0'));
  });

  it('explains recent 5432 rejects from local flow logs with the rule that decides', async () => {
    const file = fileURLToPath(new URL('../../test/fixtures/rds-rejects.log', import.meta.url));
    const ctx = await buildDoctorContext(spec, 'x', { flowLogs: [file] });
    const step = (await runWorkflow(findWorkflow('rds')!, ctx)).steps.find((s) => s.id === 'recent-postgres-rejects')!;
    expect(step.status).toBe('fail');
    expect(step.evidence[0]).toMatch(
      /^3× 10\.0\.10\.77 \(private subnet planned-private-subnet-1\) → 10\.0\.100\.20:5432 .* rejected: .*"PostgreSQL from application pods".*admits it if 10\.0\.10\.77 is in group eks-nodes/,
    );
  });

  it('answers can-A-reach-B hop by hop, and who can reach B', async () => {
    const ctx = await buildDoctorContext(spec, 'x', { reach: { from: 'eks-nodes', to: 'rds', port: 5432, protocol: 'tcp' } });
    const report = await runWorkflow(findWorkflow('reach')!, ctx);
    expect(report.steps[0]!.status).toBe('pass');
    expect(report.steps[0]!.evidence.join('\n')).toContain('"PostgreSQL from application pods"');
    const blocked = await runWorkflow(findWorkflow('reach')!, { ...ctx, reach: { from: 'alb-internal', to: 'rds', port: 5432, protocol: 'tcp' } });
    expect(blocked.steps[0]!.status).toBe('fail');
    expect(blocked.steps[0]!.fix?.change).toMatch(/attach group eks-nodes/);
    const who = await runWorkflow(findWorkflow('reach')!, { ...ctx, reach: { from: undefined, to: 'rds', port: 5432, protocol: 'tcp' } });
    expect(who.steps[0]!.evidence.join('\n')).toMatch(/group eks-nodes/);
    expect(who.steps[0]!.evidence.join('\n')).not.toMatch(/group alb-/);
  });

  it('turns a check that throws into an unknown step, never a pass', async () => {
    const ctx = await buildDoctorContext(spec, 'x', {});
    const report = await runWorkflow(
      {
        id: 'rds',
        title: 't',
        symptom: 's',
        steps: [
          {
            id: 'boom',
            title: 'Boom',
            needs: [],
            run: () => {
              throw new Error('kaput');
            },
          },
        ],
      },
      ctx,
    );
    expect(report.steps[0]).toMatchObject({ status: 'unknown', evidence: ['the check could not run: kaput'] });
    expect(report.status).toBe('unknown');
  });

  it('skips the bastion workflow on a preset without a bastion instead of failing it', async () => {
    const basic = assertValidSpec(preset('basic'));
    const ctx = await buildDoctorContext(basic, 'preset basic', {});
    expect(await statuses('bastion', ctx)).toEqual({ 'bastion-in-additional-groups': 'skipped', 'cluster-admits-bastion': 'skipped', 'eks-endpoint': 'pass' });
  });
});

// ---- live, with AWS-shaped responses ----
const ec2 = mockClient(EC2Client);
const logs = mockClient(CloudWatchLogsClient);
const clients = {
  ec2: new EC2Client({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }),
  logs: new CloudWatchLogsClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }),
};
const VPC = 'vpc-0123456789abcdef0';
// EC2 answers "available" in lowercase on the wire; the SDK's enum spells it "Available".
const AVAILABLE = 'available' as State;
const tags = (role: string, extra: Record<string, string> = {}) =>
  Object.entries({ 'artos:network': 'artos-production', 'artos:role': role, ...extra }).map(([Key, Value]) => ({ Key, Value }));
const sgIds: Record<string, string> = {
  'eks-cluster': 'sg-0000000000000c001',
  'eks-nodes': 'sg-0000000000000c002',
  rds: 'sg-0000000000000c003',
  'alb-internal': 'sg-0000000000000c004',
  'alb-frontend': 'sg-0000000000000c005',
  'vpc-endpoints': 'sg-0000000000000c006',
};
const denied = (message: string) => Object.assign(new Error(message), { name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });

function mockAccount(options: { rdsRule?: boolean; bastion?: boolean; eksPrivateDns?: boolean; rdsFromAlbInternal?: boolean } = {}) {
  ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: VPC, CidrBlock: '10.0.0.0/16', Tags: tags('vpc') }] });
  // Two pages of subnets, as DescribeSubnets pages with NextToken.
  const subnet = (i: number, cidr: string, tier: string) => ({
    SubnetId: `subnet-0000000000000000${i}`,
    CidrBlock: cidr,
    AvailabilityZone: `eu-west-1${'abc'[i % 3]}`,
    Tags: tags(`${tier}-subnet`, { 'artos:tier': tier }),
  });
  ec2
    .on(DescribeSubnetsCommand)
    .resolvesOnce({
      Subnets: [subnet(0, '10.0.10.0/24', 'private'), subnet(1, '10.0.20.0/24', 'private'), subnet(2, '10.0.30.0/24', 'private')],
      NextToken: 'page-2',
    })
    .resolves({ Subnets: [subnet(3, '10.0.100.0/24', 'database'), subnet(4, '10.0.200.0/24', 'database'), subnet(5, '10.0.210.0/24', 'database')] });
  ec2.on(DescribeRouteTablesCommand).resolves({
    RouteTables: [
      // Every VPC has an untagged main table; the tier tables are associated explicitly, as AWS returns them.
      {
        RouteTableId: 'rtb-0000000000000main',
        Associations: [{ Main: true, RouteTableId: 'rtb-0000000000000main' }],
        Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }],
      },
      {
        RouteTableId: 'rtb-0000000000000000a',
        Tags: tags('private-route-table', { 'artos:tier': 'private' }),
        Associations: [0, 1, 2].map((i) => ({ Main: false, SubnetId: `subnet-0000000000000000${i}`, RouteTableId: 'rtb-0000000000000000a' })),
        Routes: [
          { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' },
          { DestinationPrefixListId: 'pl-6da54004', GatewayId: 'vpce-0000000000000s3' },
        ],
      },
      {
        RouteTableId: 'rtb-0000000000000000b',
        Tags: tags('database-route-table', { 'artos:tier': 'database' }),
        Associations: [3, 4, 5].map((i) => ({ Main: false, SubnetId: `subnet-0000000000000000${i}`, RouteTableId: 'rtb-0000000000000000b' })),
        Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }],
      },
    ],
  });
  ec2.on(DescribeSecurityGroupsCommand).resolves({
    SecurityGroups: Object.entries(sgIds).map(([role, id]) => ({
      GroupId: id,
      GroupName: `artos-production-${role}-sg`,
      Tags: tags(role),
      IpPermissions:
        role === 'rds'
          ? [
              ...(options.rdsRule !== false
                ? [
                    {
                      IpProtocol: 'tcp',
                      FromPort: 5432,
                      ToPort: 5432,
                      UserIdGroupPairs: [{ GroupId: sgIds['eks-nodes'], Description: 'PostgreSQL from application pods' }],
                    },
                  ]
                : []),
              ...(options.rdsFromAlbInternal
                ? [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: sgIds['alb-internal'], Description: 'added by hand' }] }]
                : []),
            ]
          : role === 'eks-cluster' && options.bastion !== false
            ? [
                {
                  IpProtocol: 'tcp',
                  FromPort: 443,
                  ToPort: 443,
                  UserIdGroupPairs: [{ GroupId: spec.bastionSecurityGroupId, Description: 'HTTPS from bastion/other resources' }],
                },
              ]
            : role === 'vpc-endpoints'
              ? [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'HTTPS from all VPC resources' }] }]
              : [],
      IpPermissionsEgress:
        role === 'eks-nodes'
          ? [
              { IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/16' }] },
              { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: 'pl-6da54004' }] },
            ]
          : role === 'alb-internal' && options.rdsFromAlbInternal
            ? [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/16' }] }]
            : [],
    })),
  });
  const services = ['ecr.api', 'ecr.dkr', 'ec2', 'sts', 'eks', 'elasticloadbalancing', 'secretsmanager', 'ssm', 'ssmmessages', 'ec2messages'];
  ec2.on(DescribeVpcEndpointsCommand).resolves({
    VpcEndpoints: [
      {
        VpcEndpointId: 'vpce-0000000000000s3',
        VpcEndpointType: 'Gateway',
        ServiceName: 'com.amazonaws.eu-west-1.s3',
        State: AVAILABLE,
        RouteTableIds: ['rtb-0000000000000000a'],
        PrivateDnsEnabled: false,
      },
      ...services.map((s, i) => ({
        VpcEndpointId: `vpce-00000000000000${i}`,
        VpcEndpointType: 'Interface' as const,
        ServiceName: `com.amazonaws.eu-west-1.${s}`,
        State: AVAILABLE,
        PrivateDnsEnabled: s === 'eks' ? options.eksPrivateDns !== false : true,
        SubnetIds: ['subnet-00000000000000000', 'subnet-00000000000000001', 'subnet-00000000000000002'],
        Groups: [{ GroupId: sgIds['vpc-endpoints'] }],
      })),
    ],
  });
  // The default network ACL, as AWS creates it with a VPC: rule 100 allows all, * denies.
  const entry = (Egress: boolean, RuleNumber: number, RuleAction: 'allow' | 'deny') => ({
    Egress,
    RuleNumber,
    RuleAction,
    Protocol: '-1',
    CidrBlock: '0.0.0.0/0',
  });
  ec2.on(DescribeNetworkAclsCommand).resolves({
    NetworkAcls: [
      {
        NetworkAclId: 'acl-00000000000000001',
        IsDefault: true,
        VpcId: VPC,
        Associations: [0, 1, 2, 3, 4, 5].map((i) => ({ SubnetId: `subnet-0000000000000000${i}`, NetworkAclId: 'acl-00000000000000001' })),
        Entries: [entry(false, 100, 'allow'), entry(false, 32767, 'deny'), entry(true, 100, 'allow'), entry(true, 32767, 'deny')],
      },
    ],
  });
  ec2.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });
  // The S3 prefix list as AWS names it in eu-west-1; entries abridged.
  ec2
    .on(DescribeManagedPrefixListsCommand)
    .resolves({ PrefixLists: [{ PrefixListId: 'pl-6da54004', PrefixListName: 'com.amazonaws.eu-west-1.s3', OwnerId: 'AWS' }] });
  ec2.on(GetManagedPrefixListEntriesCommand).resolves({ Entries: [{ Cidr: '52.218.0.0/17' }, { Cidr: '3.5.64.0/21' }] });
  ec2.on(DescribeFlowLogsCommand).resolves({
    FlowLogs: [
      { FlowLogId: 'fl-0123456789abcdef0', FlowLogStatus: 'ACTIVE', TrafficType: 'ALL', LogGroupName: `/vpc/${VPC}/flow-logs`, MaxAggregationInterval: 60 },
    ],
  });
  logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: `/vpc/${VPC}/flow-logs`, retentionInDays: 14 }] });
  logs
    .on(FilterLogEventsCommand)
    .resolves({ events: [{ eventId: '1', timestamp: Date.now(), message: '2 1 eni-a 10.0.10.5 10.0.100.20 1 5432 6 1 1 1 1 ACCEPT OK' }] });
}

describe('doctor live (mocked AWS)', () => {
  beforeEach(() => {
    ec2.reset();
    logs.reset();
  });

  it('reads every page and passes the endpoints, rds and flowlogs workflows', async () => {
    mockAccount();
    const ctx = await buildDoctorContext(spec, 'x', { live: true, clients });
    expect(ctx.model.subnets).toHaveLength(6);
    expect(ec2.commandCalls(DescribeSubnetsCommand)).toHaveLength(2); // the second call carried NextToken page-2 (the paginator reuses its input object)
    expect(ec2.commandCalls(DescribeVpcsCommand)[0]!.args[0].input.Filters).toEqual([
      { Name: 'tag:artos:network', Values: ['artos-production'] },
      { Name: 'tag:artos:role', Values: ['vpc'] },
    ]);
    expect(await statuses('endpoints', ctx)).toEqual({
      'endpoints-exist': 'pass',
      'endpoints-private-dns': 'pass',
      'endpoints-group-443': 'pass',
      's3-gateway-routes': 'pass',
      'nodes-reach-s3': 'pass',
      'endpoints-cover-azs': 'pass',
    });
    expect(await statuses('rds', ctx)).toMatchObject({ 'rds-admits-nodes': 'pass', 'nodes-egress-database': 'pass', 'database-route-table-isolated': 'pass' });
    expect(await statuses('flowlogs', ctx)).toEqual({ 'flow-log-active': 'pass', 'flow-log-destination': 'pass', 'flow-log-recent-events': 'pass' });
  });

  it('passes the bastion workflow, and fails its steps when the account lacks the rule or private DNS', async () => {
    mockAccount();
    const ok = await buildDoctorContext(spec, 'x', { live: true, clients });
    expect(await statuses('bastion', ok)).toEqual({ 'bastion-in-additional-groups': 'pass', 'cluster-admits-bastion': 'pass', 'eks-endpoint': 'pass' });
    ec2.reset();
    logs.reset();
    mockAccount({ bastion: false, eksPrivateDns: false });
    const broken = await buildDoctorContext(spec, 'x', { live: true, clients });
    expect(await statuses('bastion', broken)).toEqual({ 'bastion-in-additional-groups': 'pass', 'cluster-admits-bastion': 'fail', 'eks-endpoint': 'fail' });
  });

  // The same question about the same spec, asked of the plan and of two accounts: the answer
  // follows the account read through the (mocked) EC2 API, in both directions, never the plan.
  const ask = async (question: { from: string; to: string; port: number }, account?: Parameters<typeof mockAccount>[0]) => {
    const reach = { ...question, protocol: 'tcp' as const };
    if (!account) return (await runWorkflow(findWorkflow('reach')!, await buildDoctorContext(spec, 'preset production', { reach }))).steps[0]!;
    ec2.reset();
    logs.reset();
    mockAccount(account);
    const ctx = await buildDoctorContext(spec, 'x', { live: true, clients, reach });
    expect(ctx.model.source).toBe('live');
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)).toHaveLength(1);
    return (await runWorkflow(findWorkflow('reach')!, ctx)).steps[0]!;
  };

  it('answers can-A-reach-B about the account, not the spec: a rule the plan has and the account lacks', async () => {
    const question = { from: 'eks-nodes', to: 'rds', port: 5432 };
    expect((await ask(question)).status).toBe('pass');
    expect((await ask(question, {})).status).toBe('pass');
    const lacking = await ask(question, { rdsRule: false });
    expect(lacking.status).toBe('fail');
    expect(lacking.evidence.join('\n')).toMatch(new RegExp(`BLOCK destination-security-group: .*${sgIds['rds']}`));
  });

  it('answers can-A-reach-B about the account, not the spec: a rule the account has and the plan lacks', async () => {
    const question = { from: 'alb-internal', to: 'rds', port: 5432 };
    expect((await ask(question)).status).toBe('fail');
    expect((await ask(question, {})).status).toBe('fail');
    const added = await ask(question, { rdsFromAlbInternal: true });
    expect(added.status).toBe('pass');
    expect(added.evidence.join('\n')).toContain('"added by hand"');
  });

  it('fails the RDS step when the deployed group lacks the rule', async () => {
    mockAccount({ rdsRule: false });
    const ctx = await buildDoctorContext(spec, 'x', { live: true, clients });
    expect((await statuses('rds', ctx))['rds-admits-nodes']).toBe('fail');
  });

  it('turns a missing permission into unknown steps that name it, never "missing"', async () => {
    mockAccount();
    ec2.on(DescribeSecurityGroupsCommand).rejects(denied('You are not authorized to perform this operation.'));
    const ctx = await buildDoctorContext(spec, 'x', { live: true, clients });
    const report = await runWorkflow(findWorkflow('rds')!, ctx);
    const step = report.steps.find((s) => s.id === 'rds-admits-nodes')!;
    expect(step.status).toBe('unknown');
    expect(step.evidence[0]).toContain('the credentials lack ec2:DescribeSecurityGroups');
    expect(report.status).toBe('unknown');
  });

  it('says plainly when no VPC carries the tags', async () => {
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [] });
    const ctx = await buildDoctorContext(spec, 'x', { live: true, clients });
    expect(ctx.model.problems[0]!.detail).toBe('no VPC tagged artos:network=artos-production in this region');
    expect(await statuses('endpoints', ctx)).toMatchObject({ 'endpoints-exist': 'unknown', 'endpoints-private-dns': 'unknown' });
  });
});
