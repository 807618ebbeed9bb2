import { EC2Client, paginateDescribeFlowLogs, type FlowLog } from '@aws-sdk/client-ec2';
import { RecordFormat } from '@artos/flowlog-analyzer';
import { awsClientConfig, type AwsClientOptions } from './aws-clients.js';

/** What DescribeFlowLogs says about the format of the records written to some log groups. */
export type LogGroupFormat =
  /** No flow log writes there, or they all write the default format: Insights discovers the fields. */
  | { readonly kind: 'default' }
  /** Every flow log writing there has this custom format. */
  | { readonly kind: 'custom'; readonly format: RecordFormat; readonly formatString: string; readonly flowLogIds: readonly string[] }
  /** Flow logs of different formats write there: one `parse @message` cannot name them all. */
  | { readonly kind: 'mixed'; readonly formats: ReadonlyArray<{ readonly formatString: string; readonly flowLogIds: readonly string[] }> };

/**
 * The record format of the flow logs that write to `logGroupNames` (EC2 DescribeFlowLogs, filter
 * `log-group-name`). DescribeFlowLogs returns LogFormat for default-format flow logs too, so a
 * format equal to the default one counts as default.
 */
export async function readLogGroupFormat(ec2: EC2Client, logGroupNames: readonly string[]): Promise<LogGroupFormat> {
  const flowLogs: FlowLog[] = [];
  for await (const page of paginateDescribeFlowLogs({ client: ec2 }, { Filter: [{ Name: 'log-group-name', Values: [...logGroupNames] }] })) {
    flowLogs.push(...(page.FlowLogs ?? []));
  }
  const byFormat = new Map<string, string[]>();
  for (const flowLog of flowLogs) {
    const text = flowLog.LogFormat?.trim();
    if (!text) continue;
    // Same fields in the same order is the same format, whatever the spacing.
    const key = RecordFormat.fromFormatString(text).toFormatString();
    byFormat.set(key, [...(byFormat.get(key) ?? []), flowLog.FlowLogId ?? '?']);
  }
  const custom = [...byFormat].filter(([text]) => text !== RecordFormat.DEFAULT.toFormatString());
  if (custom.length === 0) return { kind: 'default' };
  if (byFormat.size > 1) return { kind: 'mixed', formats: [...byFormat].map(([formatString, flowLogIds]) => ({ formatString, flowLogIds })) };
  const [formatString, flowLogIds] = custom[0]!;
  return { kind: 'custom', format: RecordFormat.fromFormatString(formatString), formatString, flowLogIds };
}

/** An EC2 client with the live provider's limits, for DescribeFlowLogs. */
export function createFlowLogsEc2Client(options: AwsClientOptions): EC2Client {
  return new EC2Client(awsClientConfig(options));
}
