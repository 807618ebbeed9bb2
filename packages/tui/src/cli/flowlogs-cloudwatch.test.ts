import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeFlowLogsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { cli } from '../../test/cli-harness.js';

// CloudWatch Logs Insights discovers the fields of default-format flow logs only; for a custom
// format the query must parse @message (AWS Knowledge Center, "How do I analyze custom VPC flow
// logs with CloudWatch Logs Insights?", https://repost.aws/knowledge-center/cloudwatch-vpc-flow-logs).
// DescribeFlowLogs returns the flow log's LogFormat, and filters by `log-group-name` (EC2 API
// Reference, DescribeFlowLogs, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeFlowLogs.html).
const GROUP = '/vpc/vpc-0123456789abcdef0/flow-logs';
const DEFAULT =
  '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}';
const QUERY = 'filter tcpFlags = 2 | stats count() as n by srcAddr';

function mocks(flowLogs: Array<{ FlowLogId: string; LogFormat: string }>) {
  const ec2 = mockClient(EC2Client);
  ec2.on(DescribeFlowLogsCommand).resolves({ FlowLogs: flowLogs.map((f) => ({ ...f, LogGroupName: GROUP })) });
  const logs = mockClient(CloudWatchLogsClient);
  logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
  logs.on(GetQueryResultsCommand).resolves({
    status: 'Complete',
    results: [
      [
        { field: 'srcAddr', value: '10.0.10.77' },
        { field: 'n', value: '3' },
      ],
    ],
    statistics: { recordsMatched: 3, recordsScanned: 10, bytesScanned: 1000 },
  });
  return { ec2, logs };
}

let restore: Array<{ restore(): void }> = [];
afterEach(() => {
  restore.forEach((m) => m.restore());
  restore = [];
});

describe('flowlogs query --log-group: the format of the flow log writing to the group', () => {
  it('prepends the parse @message that names the fields of a custom LogFormat read from DescribeFlowLogs', async () => {
    const { ec2, logs } = mocks([{ FlowLogId: 'fl-0aaa', LogFormat: '${version} ${srcaddr} ${dstaddr} ${tcp-flags}' }]);
    restore = [ec2, logs];
    const r = await cli('flowlogs', 'query', QUERY, '--log-group', GROUP, '--region', 'eu-west-1');
    expect(r.code).toBe(0);
    expect(ec2.commandCalls(DescribeFlowLogsCommand)[0]?.args[0].input.Filter).toEqual([{ Name: 'log-group-name', Values: [GROUP] }]);
    const sent = logs.commandCalls(StartQueryCommand)[0]?.args[0].input.queryString;
    expect(sent).toBe(`parse @message "* * * *" as version, srcAddr, dstAddr, tcpFlags\n| ${QUERY}`);
    expect(r.stderr).toContain('fl-0aaa');
  });

  it('sends the query unchanged when the flow log has the default format', async () => {
    const { ec2, logs } = mocks([{ FlowLogId: 'fl-0bbb', LogFormat: DEFAULT }]);
    restore = [ec2, logs];
    const r = await cli('flowlogs', 'query', QUERY, '--log-group', GROUP, '--region', 'eu-west-1');
    expect(r.code).toBe(0);
    expect(logs.commandCalls(StartQueryCommand)[0]?.args[0].input.queryString).toBe(QUERY);
  });

  it('takes --format over DescribeFlowLogs, without calling it', async () => {
    const { ec2, logs } = mocks([{ FlowLogId: 'fl-0ccc', LogFormat: '${version} ${srcaddr} ${dstaddr} ${tcp-flags}' }]);
    restore = [ec2, logs];
    const r = await cli('flowlogs', 'query', QUERY, '--log-group', GROUP, '--region', 'eu-west-1', '--format', '${srcaddr} ${tcp-flags}');
    expect(r.code).toBe(0);
    expect(ec2.commandCalls(DescribeFlowLogsCommand)).toHaveLength(0);
    expect(logs.commandCalls(StartQueryCommand)[0]?.args[0].input.queryString).toBe(`parse @message "* *" as srcAddr, tcpFlags\n| ${QUERY}`);
  });

  it('refuses flow logs of different formats in the same groups (exit 2), naming both', async () => {
    const { ec2, logs } = mocks([
      { FlowLogId: 'fl-0ddd', LogFormat: '${version} ${srcaddr} ${tcp-flags}' },
      { FlowLogId: 'fl-0eee', LogFormat: DEFAULT },
    ]);
    restore = [ec2, logs];
    const r = await cli('flowlogs', 'query', QUERY, '--log-group', GROUP, '--region', 'eu-west-1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fl-0ddd');
    expect(r.stderr).toContain('fl-0eee');
    expect(logs.commandCalls(StartQueryCommand)).toHaveLength(0);
  });

  it('runs the query as written, with a warning, when DescribeFlowLogs is denied', async () => {
    const { ec2, logs } = mocks([]);
    ec2.on(DescribeFlowLogsCommand).rejects(Object.assign(new Error('not authorized to perform ec2:DescribeFlowLogs'), { name: 'UnauthorizedOperation' }));
    restore = [ec2, logs];
    const r = await cli('flowlogs', 'query', QUERY, '--log-group', GROUP, '--region', 'eu-west-1');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--format');
    expect(logs.commandCalls(StartQueryCommand)[0]?.args[0].input.queryString).toBe(QUERY);
  });
});
