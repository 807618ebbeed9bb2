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
  type State,
} from '@aws-sdk/client-ec2';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { assertValidSpec, preset } from '@artos/model';
import { buildDoctorContext } from './build-context.js';
import { runWorkflow } from './run-workflow.js';
import { findWorkflow, WORKFLOWS } from './workflows.js';
import { viewFromTemplate } from '../providers/template-view.js';
import { createAnnotator } from '@artos/flowlog-analyzer';
import type { DoctorContext } from './types.js';

const spec = assertValidSpec(preset('production'));
const templatePath = fileURLToPath(new URL('../../test/fixtures/production.template.json', import.meta.url));
const template = JSON.parse(readFileSync(templatePath, 'utf8')) as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

const statuses = async (id: string, ctx: DoctorContext) => Object.fromEntries((await runWorkflow(findWorkflow(id)!, ctx)).steps.map((s) => [s.id, s.status]));

describe('doctor offline', () => {
  it('passes every step of every workflow on the production preset (reach skipped without a question)', async () => {
    const ctx = await buildDoctorContext(spec, 'preset production', {});
    for (const w of WORKFLOWS) {
      const report = await runWorkflow(w, ctx);
      for (const s of report.steps) expect([s.id, s.status]).toEqual([s.id, s.id === 'reach' || s.id.startsWith('recent') || s.id === 'flow-log-recent-events' ? 'skipped' : 'pass']);
    }
  });

  it('runs on the synthesized template, and fails a step when the template lacks a rule the spec has', async () => {
    const ok = { ...(await buildDoctorContext(spec, 'preset production', { template: templatePath })) };
    expect(await statuses('rds', ok)).toMatchObject({ 'rds-admits-nodes': 'pass', 'nodes-egress-database': 'pass', 'database-route-table-isolated': 'pass' });
    // Drop the RDS ingress rule from the template: the spec is unchanged, the step must fail.
    const broken = structuredClone(template);
    for (const [id, r] of Object.entries(broken.Resources)) {
      if (r.Type === 'AWS::EC2::SecurityGroupIngress' && r.Properties?.['FromPort'] === 5432) delete broken.Resources[id];
    }
    const ctx = { ...ok, view: viewFromTemplate(broken, spec, 'broken') };
    const report = await runWorkflow(findWorkflow('rds')!, ctx);
    const step = report.steps.find((s) => s.id === 'rds-admits-nodes')!;
    expect(step.status).toBe('fail');
    expect(step.evidence[0]).toContain('has no ingress rule for tcp 5432 from the EKS nodes group');
    expect(step.fix?.command).toContain("IpPermissions[?ToPort==`5432`]");
  });

  it('fails the endpoints workflow when private DNS is off in the template', async () => {
    const broken = structuredClone(template);
    const sts = Object.values(broken.Resources).find((r) => r.Type === 'AWS::EC2::VPCEndpoint' && JSON.stringify(r.Properties?.['ServiceName']).includes('.sts'))!;
    sts.Properties!['PrivateDnsEnabled'] = false;
    const ctx = { ...(await buildDoctorContext(spec, 'x', {})), view: viewFromTemplate(broken, spec, 'broken') };
    expect(await statuses('endpoints', ctx)).toMatchObject({ 'endpoints-exist': 'pass', 'endpoints-private-dns': 'fail' });
  });

  it('explains recent 5432 rejects from local flow logs', async () => {
    const file = fileURLToPath(new URL('../../test/fixtures/rds-rejects.log', import.meta.url));
    const ctx = await buildDoctorContext(spec, 'x', { flowLogs: [file] });
    const report = await runWorkflow(findWorkflow('rds')!, ctx);
    const step = report.steps.find((s) => s.id === 'recent-postgres-rejects')!;
    expect(step.status).toBe('fail');
    expect(step.evidence[0]).toBe('3× 10.0.10.77 (private subnet private-1) → 10.0.100.20:5432 (database subnet database-1) rejected: the rds group admits tcp 5432 only from peers in the eks-nodes group ("PostgreSQL from application pods"), and 10.0.10.77 is not in the eks-nodes group');
  });

  it('answers can-A-reach-B with the deciding rule', async () => {
    const ctx = await buildDoctorContext(spec, 'x', { reach: { from: 'eks-nodes', to: 'rds', port: 5432, protocol: 'tcp' } });
    const report = await runWorkflow(findWorkflow('reach')!, ctx);
    expect(report.steps[0]!.status).toBe('pass');
    expect(report.steps[0]!.evidence[0]).toContain('"PostgreSQL from application pods"');
    const denied = await runWorkflow(findWorkflow('reach')!, { ...ctx, reach: { from: 'private', to: 'database', port: 5432, protocol: 'tcp' } });
    expect(denied.steps[0]!.status).toBe('fail');
  });

  it('turns a check that throws into a failed step', async () => {
    const ctx = await buildDoctorContext(spec, 'x', {});
    const report = await runWorkflow({ id: 'rds', title: 't', symptom: 's', steps: [{ id: 'boom', title: 'Boom', run: () => { throw new Error('kaput'); } }] }, ctx);
    expect(report.steps[0]).toMatchObject({ status: 'fail', evidence: ['the check could not run: kaput'] });
  });
});

// ---- live, with AWS-shaped responses ----
const ec2 = mockClient(EC2Client);
const logs = mockClient(CloudWatchLogsClient);
const clients = { ec2: new EC2Client({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }), logs: new CloudWatchLogsClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }) };
const VPC = 'vpc-0123456789abcdef0';
// EC2 answers "available" in lowercase on the wire; the SDK's enum spells it "Available".
const AVAILABLE = 'available' as State;
const tags = (role: string, extra: Record<string, string> = {}) => Object.entries({ 'artos:network': 'artos-production', 'artos:role': role, ...extra }).map(([Key, Value]) => ({ Key, Value }));
const sgIds: Record<string, string> = { 'eks-cluster': 'sg-0000000000000c001', 'eks-nodes': 'sg-0000000000000c002', rds: 'sg-0000000000000c003', 'alb-internal': 'sg-0000000000000c004', 'alb-frontend': 'sg-0000000000000c005', 'vpc-endpoints': 'sg-0000000000000c006' };
const denied = (message: string) => Object.assign(new Error(message), { name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });

function mockAccount(options: { rdsRule?: boolean; bastion?: boolean; eksPrivateDns?: boolean } = {}) {
  ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: VPC, CidrBlock: '10.0.0.0/16', Tags: tags('vpc') }] });
  // Two pages of subnets, as DescribeSubnets pages with NextToken.
  const subnet = (i: number, cidr: string, tier: string) => ({ SubnetId: `subnet-0000000000000000${i}`, CidrBlock: cidr, AvailabilityZone: `eu-west-1${'abc'[i % 3]}`, Tags: tags(`${tier}-subnet`, { 'artos:tier': tier }) });
  ec2.on(DescribeSubnetsCommand)
    .resolvesOnce({ Subnets: [subnet(0, '10.0.10.0/24', 'private'), subnet(1, '10.0.20.0/24', 'private'), subnet(2, '10.0.30.0/24', 'private')], NextToken: 'page-2' })
    .resolves({ Subnets: [subnet(3, '10.0.100.0/24', 'database'), subnet(4, '10.0.200.0/24', 'database'), subnet(5, '10.0.210.0/24', 'database')] });
  ec2.on(DescribeRouteTablesCommand).resolves({
    RouteTables: [
      { RouteTableId: 'rtb-0000000000000000a', Tags: tags('private-route-table', { 'artos:tier': 'private' }), Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }, { DestinationPrefixListId: 'pl-6da54004', GatewayId: 'vpce-0000000000000s3' }] },
      { RouteTableId: 'rtb-0000000000000000b', Tags: tags('database-route-table', { 'artos:tier': 'database' }), Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }] },
    ],
  });
  ec2.on(DescribeSecurityGroupsCommand).resolves({
    SecurityGroups: Object.entries(sgIds).map(([role, id]) => ({
      GroupId: id,
      GroupName: `artos-production-${role}-sg`,
      Tags: tags(role),
      IpPermissions:
        role === 'rds' && options.rdsRule !== false
          ? [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: sgIds['eks-nodes'], Description: 'PostgreSQL from application pods' }] }]
          : role === 'eks-cluster' && options.bastion !== false
            ? [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, UserIdGroupPairs: [{ GroupId: spec.bastionSecurityGroupId, Description: 'HTTPS from bastion/other resources' }] }]
          : role === 'vpc-endpoints'
            ? [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'HTTPS from all VPC resources' }] }]
            : [],
      IpPermissionsEgress: role === 'eks-nodes' ? [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/16' }] }] : [],
    })),
  });
  const services = ['ecr.api', 'ecr.dkr', 'ec2', 'sts', 'eks', 'elasticloadbalancing', 'secretsmanager', 'ssm', 'ssmmessages', 'ec2messages'];
  ec2.on(DescribeVpcEndpointsCommand).resolves({
    VpcEndpoints: [
      { VpcEndpointId: 'vpce-0000000000000s3', VpcEndpointType: 'Gateway', ServiceName: 'com.amazonaws.eu-west-1.s3', State: AVAILABLE, RouteTableIds: ['rtb-0000000000000000a'], PrivateDnsEnabled: false },
      ...services.map((s, i) => ({ VpcEndpointId: `vpce-00000000000000${i}`, VpcEndpointType: 'Interface' as const, ServiceName: `com.amazonaws.eu-west-1.${s}`, State: AVAILABLE, PrivateDnsEnabled: s === 'eks' ? options.eksPrivateDns !== false : true, SubnetIds: ['subnet-00000000000000000', 'subnet-00000000000000001', 'subnet-00000000000000002'], Groups: [{ GroupId: sgIds['vpc-endpoints'] }] })),
    ],
  });
  ec2.on(DescribeFlowLogsCommand).resolves({ FlowLogs: [{ FlowLogId: 'fl-0123456789abcdef0', FlowLogStatus: 'ACTIVE', TrafficType: 'ALL', LogGroupName: `/vpc/${VPC}/flow-logs`, MaxAggregationInterval: 60 }] });
  logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: `/vpc/${VPC}/flow-logs`, retentionInDays: 14 }] });
  logs.on(FilterLogEventsCommand).resolves({ events: [{ eventId: '1', timestamp: Date.now(), message: '2 1 eni-a 10.0.10.5 10.0.100.20 1 5432 6 1 1 1 1 ACCEPT OK' }] });
}

describe('doctor live (mocked AWS)', () => {
  beforeEach(() => {
    ec2.reset();
    logs.reset();
  });

  it('reads every page and passes the endpoints, rds and flowlogs workflows', async () => {
    mockAccount();
    const ctx = await buildDoctorContext(spec, 'x', { live: true, clients });
    expect(ctx.view.subnets).toHaveLength(6);
    expect(ec2.commandCalls(DescribeSubnetsCommand)).toHaveLength(2); // the second call carried NextToken page-2 (the paginator reuses its input object)
    expect(ec2.commandCalls(DescribeVpcsCommand)[0]!.args[0].input.Filters).toEqual([{ Name: 'tag:artos:network', Values: ['artos-production'] }, { Name: 'tag:artos:role', Values: ['vpc'] }]);
    expect(await statuses('endpoints', ctx)).toEqual({ 'endpoints-exist': 'pass', 'endpoints-private-dns': 'pass', 'endpoints-group-443': 'pass', 's3-gateway-routes': 'pass', 'endpoints-cover-azs': 'pass' });
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

  it('answers can-A-reach-B against the live network too (the model decides)', async () => {
    mockAccount();
    const ctx = await buildDoctorContext(spec, 'x', { live: true, clients, reach: { from: '10.0.10.50', to: '10.0.100.20', port: 5432, protocol: 'tcp' } });
    const report = await runWorkflow(findWorkflow('reach')!, ctx);
    expect(report.steps[0]!.status).toBe('fail');
    expect(report.steps[0]!.evidence[0]).toContain('10.0.10.50 is not in the eks-nodes group');
  });

  it('fails the RDS step when the deployed group lacks the rule', async () => {
    mockAccount({ rdsRule: false });
    const ctx = await buildDoctorContext(spec, 'x', { live: true, clients });
    expect((await statuses('rds', ctx))['rds-admits-nodes']).toBe('fail');
  });

  it('turns a missing permission into a finding that names it, not a crash', async () => {
    mockAccount();
    ec2.on(DescribeSecurityGroupsCommand).rejects(denied('You are not authorized to perform this operation.'));
    const ctx = await buildDoctorContext(spec, 'x', { live: true, clients });
    const report = await runWorkflow(findWorkflow('rds')!, ctx);
    expect(report.steps[0]).toMatchObject({ status: 'fail', title: 'Reading the security groups' });
    expect(report.steps[0]!.evidence[0]).toContain('the credentials lack ec2:DescribeSecurityGroups');
    expect(report.steps.find((s) => s.id === 'rds-admits-nodes')!.status).toBe('fail');
  });

  it('says plainly when no VPC carries the tags', async () => {
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [] });
    const ctx = await buildDoctorContext(spec, 'x', { live: true, clients });
    expect(ctx.view.problems[0]!.detail).toBe('no VPC tagged artos:network=artos-production in this region');
    expect(ctx.annotator).toBeDefined();
    void createAnnotator;
  });
});
