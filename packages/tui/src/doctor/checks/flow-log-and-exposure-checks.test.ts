import { describe, expect, it } from 'vitest';
import type { ModelFlowLog, ModelRule, NetworkModel } from '@artos/model';
import { contextOf, denied, plannedModel, runCheck, said, unknownWhenDenied } from '../../../test/support/doctor-contexts.js';
import { flowLogActive } from './flow-log-active.js';
import { flowLogDestination } from './flow-log-destination.js';
import { flowLogRecentEvents } from './flow-log-recent-events.js';
import { noOpenIngress } from './no-open-ingress.js';
import { reach } from './reach.js';

// The checks of the "Flow-log health", "Nothing is open to the world" and "Can A reach B"
// workflows: each passes on the planned production network, fails on the edit it names, and
// answers *unknown* (naming the denied call) when a part it needs could not be read.

const planned = plannedModel();
const withFlowLog = (model: NetworkModel, edit: (f: ModelFlowLog) => ModelFlowLog): NetworkModel => ({ ...model, flowLogs: model.flowLogs.map(edit) });
/** The account as the live provider reads it: an ACTIVE flow log, the log group with its recent events. */
const live = (recentEvents: number | undefined): NetworkModel => ({
  ...withFlowLog(planned, (f) => ({ ...f, id: 'fl-0123456789abcdef0', status: 'ACTIVE' })),
  source: 'live',
  logGroup: { ...planned.logGroup!, recentEvents },
});

describe('flow-log-active', () => {
  it('passes a flow log capturing ALL traffic every 60 s', async () => {
    const step = await runCheck(flowLogActive, contextOf(planned));
    expect(step).toMatchObject({ status: 'pass', evidence: ['planned-flow-log: planned, traffic ALL, aggregation 60 s'] });
  });

  // AWS, "CreateFlowLogs" (EC2 API Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateFlowLogs.html):
  // MaxAggregationInterval is 60 or 600 seconds and defaults to 600; TrafficType is ACCEPT, REJECT or ALL.
  it('fails a flow log that aggregates over 600 s (the API default) instead of 60 s', async () => {
    const step = await runCheck(flowLogActive, contextOf(withFlowLog(planned, (f) => ({ ...f, maxAggregationIntervalSeconds: 600 }))));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual(['planned-flow-log: planned, traffic ALL, aggregation 600 s']);
    expect(step.fix?.change).toContain('traffic type ALL and 60 s aggregation');
  });

  it('fails a flow log that captures REJECT only', async () => {
    const step = await runCheck(flowLogActive, contextOf(withFlowLog(planned, (f) => ({ ...f, trafficType: 'REJECT' }))));
    expect(step.status).toBe('fail');
  });

  it('fails a flow log that is not ACTIVE', async () => {
    // AWS, "FlowLog" (EC2 API Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_FlowLog.html):
    // FlowLogStatus is ACTIVE for a flow log that captures.
    const step = await runCheck(flowLogActive, contextOf({ ...live(5), flowLogs: live(5).flowLogs.map((f) => ({ ...f, status: 'INACTIVE' })) }));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual(['fl-0123456789abcdef0: INACTIVE, traffic ALL, aggregation 60 s']);
  });

  it('fails an ACTIVE flow log whose delivery FAILED, naming the error and the role as the fix', async () => {
    // AWS, "FlowLog" (EC2 API Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_FlowLog.html):
    // DeliverLogsStatus is SUCCESS or FAILED; DeliverLogsErrorMessage "Access error" means the
    // flow log's IAM role lacks permission to publish to CloudWatch Logs.
    const failing = { ...live(5), flowLogs: live(5).flowLogs.map((f) => ({ ...f, deliveryStatus: 'FAILED', deliveryError: 'Access error' })) };
    const step = await runCheck(flowLogActive, contextOf(failing));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual(['fl-0123456789abcdef0: ACTIVE, traffic ALL, aggregation 60 s, delivery FAILED (Access error)']);
    expect(step.fix?.change).toContain('logs:PutLogEvents');
    const delivering = { ...live(5), flowLogs: live(5).flowLogs.map((f) => ({ ...f, deliveryStatus: 'SUCCESS' })) };
    expect((await runCheck(flowLogActive, contextOf(delivering))).status).toBe('pass');
  });

  it('fails a VPC without a flow log', async () => {
    const step = await runCheck(flowLogActive, contextOf({ ...planned, flowLogs: [] }));
    expect(step.status).toBe('fail');
    expect(said(step)).toContain('no flow log on the VPC');
  });

  unknownWhenDenied(flowLogActive, ['flow-logs'], () => contextOf(planned));
});

describe('flow-log-destination', () => {
  it('passes delivery to /vpc/{vpc_id}/flow-logs kept 14 days', async () => {
    const step = await runCheck(flowLogDestination, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(step.evidence[1]).toBe('retention: 14 days (expected 14)');
  });

  it('fails a log group whose retention differs from the spec', async () => {
    const step = await runCheck(flowLogDestination, contextOf({ ...planned, logGroup: { ...planned.logGroup!, retentionDays: undefined } }));
    expect(step.status).toBe('fail');
    expect(step.evidence[1]).toBe('retention: never expires / unknown (expected 14)');
    expect(step.fix?.change).toContain('set its retention to 14 days');
  });

  it('fails delivery to another log group', async () => {
    const step = await runCheck(flowLogDestination, contextOf(withFlowLog(planned, (f) => ({ ...f, logGroupName: '/somewhere/else' }))));
    expect(step.status).toBe('fail');
    expect(step.evidence[0]).toMatch(/^log group: \/somewhere\/else \(expected \/vpc\/.*\/flow-logs\)$/);
  });

  unknownWhenDenied(flowLogDestination, ['flow-logs', 'log-group'], () => contextOf(planned));
});

describe('flow-log-recent-events', () => {
  it('passes when the live log group received events recently', async () => {
    const step = await runCheck(flowLogRecentEvents, contextOf(live(12)));
    expect(step).toMatchObject({ status: 'pass', evidence: ['12+ events in the last 30 minutes'] });
  });

  it('fails when the live log group received nothing, pointing at the delivery status', async () => {
    // AWS, "FlowLog" (EC2 API Reference, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_FlowLog.html):
    // DeliverLogsStatus is SUCCESS or FAILED, and DeliverLogsErrorMessage says why ("Access error":
    // the IAM role cannot publish to CloudWatch Logs) — an ACTIVE flow log can still deliver nothing.
    const step = await runCheck(flowLogRecentEvents, contextOf(live(0)));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual(['no event in the last 30 minutes']);
    expect(step.fix?.command).toContain('DeliverLogsStatus,DeliverLogsErrorMessage');
  });

  it('passes and fails on the records of local flow-log files', async () => {
    const records = (n: string) => async () => [{ records: n, last: '1700000000' }];
    expect((await runCheck(flowLogRecentEvents, contextOf(planned, { flowLogQuery: records('42') }))).evidence).toEqual([
      '42 records in the given flow logs, the last ending 2023-11-14T22:13:20.000Z',
    ]);
    expect((await runCheck(flowLogRecentEvents, contextOf(planned, { flowLogQuery: records('0') }))).status).toBe('fail');
  });

  it('is skipped offline without flow-log files', async () => {
    expect((await runCheck(flowLogRecentEvents, contextOf(planned))).status).toBe('skipped');
  });

  unknownWhenDenied(flowLogRecentEvents, ['recent-events'], () => contextOf(live(12)));

  it('is unknown when the log group could not be found, never "no events"', async () => {
    const step = await runCheck(flowLogRecentEvents, contextOf({ ...live(12), logGroup: undefined }));
    expect(step.status).toBe('unknown');
  });
});

describe('no-open-ingress', () => {
  const open = (cidr: string): ModelRule => ({
    catalogId: undefined,
    direction: 'ingress',
    protocol: 6,
    fromPort: 22,
    toPort: 22,
    peer: { kind: 'cidr', cidr },
    description: 'by hand',
  });
  const withIngress = (role: string, rule: ModelRule): NetworkModel => ({
    ...planned,
    securityGroups: planned.securityGroups.map((g) => (g.role === role ? { ...g, ingress: [...g.ingress, rule] } : g)),
  });

  it('passes when no group admits anything from anywhere', async () => {
    const step = await runCheck(noOpenIngress, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(step.evidence).toEqual([`${planned.securityGroups.length} groups, none admits traffic from anywhere`]);
  });

  it.each(['0.0.0.0/0', '::/0'])('fails a rule admitting %s', async (cidr) => {
    const step = await runCheck(noOpenIngress, contextOf(withIngress('eks-nodes', open(cidr))));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual([`planned-eks-nodes-sg (eks-nodes): tcp 22 from ${cidr} ("by hand")`]);
  });

  it('does not count egress to anywhere (the default egress of a new group) as exposure', async () => {
    // AWS CDK, "interface SecurityGroupProps" (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.SecurityGroupProps.html):
    // allowAllOutbound — a group allows all outbound traffic by default; that is egress, not exposure.
    const egress = { ...open('0.0.0.0/0'), direction: 'egress' as const };
    const model: NetworkModel = {
      ...planned,
      securityGroups: planned.securityGroups.map((g) => (g.role === 'rds' ? { ...g, egress: [...g.egress, egress] } : g)),
    };
    expect((await runCheck(noOpenIngress, contextOf(model))).status).toBe('pass');
  });

  unknownWhenDenied(noOpenIngress, ['security-groups'], () => contextOf(planned));
});

describe('reach', () => {
  const ask = (from: string | undefined, to: string, port: number) => ({ from, to, port, protocol: 'tcp' as const });

  it('passes a flow the network admits, naming the rule', async () => {
    const step = await runCheck(reach, contextOf(planned, { reach: ask('eks-nodes', 'rds', 5432) }));
    expect(step.status).toBe('pass');
    expect(said(step)).toContain('"PostgreSQL from application pods"');
  });

  it('fails a flow a security group blocks, with the fix', async () => {
    const step = await runCheck(reach, contextOf(planned, { reach: ask('alb-internal', 'rds', 5432) }));
    expect(step.status).toBe('fail');
    expect(said(step)).toMatch(/BLOCK destination-security-group/);
    expect(step.fix?.change).toMatch(/attach group eks-nodes/);
  });

  it('lists who can reach B when no A is given', async () => {
    const step = await runCheck(reach, contextOf(planned, { reach: ask(undefined, 'rds', 5432) }));
    expect(step.status).toBe('pass');
    expect(said(step)).toMatch(/group eks-nodes/);
    expect(said(step)).not.toMatch(/group alb-/);
  });

  it('is skipped without a question', async () => {
    expect((await runCheck(reach, contextOf(planned))).status).toBe('skipped');
  });

  unknownWhenDenied(reach, ['security-groups', 'subnets', 'route-tables'], () => contextOf(planned, { reach: ask('eks-nodes', 'rds', 5432) }));

  it('is unknown, not "no S3 gateway endpoint", when --to s3 and the prefix lists cannot be read', async () => {
    const step = await runCheck(reach, contextOf(denied(planned, 'prefix-lists'), { reach: ask('eks-nodes', 's3', 443) }));
    expect(step.status).toBe('unknown');
    expect(said(step)).toContain('ec2:DescribeManagedPrefixLists');
  });

  it('is unknown, not "cannot read", when --from names an interface and the interfaces cannot be read', async () => {
    const step = await runCheck(reach, contextOf(denied(planned, 'network-interfaces'), { reach: ask('eni-0123456789abcdef0', 'rds', 5432) }));
    expect(step.status).toBe('unknown');
    expect(said(step)).toContain('ec2:DescribeNetworkInterfaces');
  });
});
