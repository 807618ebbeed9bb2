import type { Command } from 'commander';
import { RecordFormat, type QueryResult } from '@artos/flowlog-analyzer/query';
import type { CloudWatchOptions } from './cloudwatch-options.js';
import { AbortError } from './cli-errors.js';
import { assertProfileExists } from './aws-profile.js';
import type { CliIo } from './io.js';

/**
 * `--log-group` (repeatable), `--since`, `--until`, `--region`, `--profile` for the flowlogs
 * commands. Declared here, not in cloudwatch-options.ts, so that a local query (`--file`) does not
 * load that module: it brings the CloudWatch Logs client of the AWS SDK, which took longer to load
 * than 2 million records take to query.
 */
export function addFlowLogsCloudWatchOptions(command: Command): Command {
  return command
    .option(
      '--log-group <name>',
      'run in CloudWatch Logs Insights over this log group (repeatable, up to 50), e.g. /vpc/vpc-0abc.../flow-logs',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--since <time>', 'start of the time range: 30m, 6h, 2d, an ISO time or Unix seconds', '1h')
    .option('--until <time>', 'end of the time range', 'now')
    .option('--region <region>', 'AWS region (default: the SDK chain: AWS_REGION, profile)')
    .option('--profile <name>', 'AWS profile from ~/.aws/config');
}

/**
 * Runs a query in CloudWatch Logs Insights. Insights does not discover the fields of a custom-format
 * flow log, so the format is needed to prepend the `parse @message` that names them: `--format` when
 * given, else the LogFormat of the flow logs writing to the log groups (EC2 DescribeFlowLogs).
 * The SDK is loaded only here, when a query really goes to CloudWatch.
 */
export async function runFlowLogsInCloudWatch(
  io: CliIo,
  queryText: string,
  options: CloudWatchOptions & { readonly format?: string },
  limit?: number,
): Promise<QueryResult> {
  const { runInCloudWatch } = await import('./cloudwatch-options.js');
  const format = options.format ? RecordFormat.fromFormatString(options.format) : await logGroupFormat(io, options);
  return runInCloudWatch(io, queryText, options, limit, format);
}

async function logGroupFormat(io: CliIo, options: CloudWatchOptions): Promise<RecordFormat | undefined> {
  assertProfileExists(options.profile);
  const { createFlowLogsEc2Client, readLogGroupFormat } = await import('../providers/flow-log-format.js');
  const ec2 = createFlowLogsEc2Client({ ...(options.region ? { region: options.region } : {}), ...(options.profile ? { profile: options.profile } : {}) });
  let found;
  try {
    found = await readLogGroupFormat(ec2, options.logGroup);
  } catch (error) {
    const { awsFailureKind, safeText } = await import('../providers/aws-errors.js');
    const said = `${(error as Error).name}: ${safeText((error as Error).message ?? '')}`;
    const kind = awsFailureKind(error);
    if (kind === 'timeout' || kind === 'network' || kind === 'credentials') {
      // The query would fail the same way: stop here, before a second round of retries.
      throw new AbortError(
        `DescribeFlowLogs failed: ${said}`,
        kind === 'credentials'
          ? 'check the AWS credentials (aws sts get-caller-identity)'
          : "check the network, the region and AWS_ENDPOINT_URL; give --format to skip reading the flow logs' format",
      );
    }
    // Without ec2:DescribeFlowLogs the query still runs; only custom-format fields stay unnamed.
    io.err(
      `warning: could not read the flow logs' format (ec2:DescribeFlowLogs: ${said}); fields of a custom format are not parsed. Give --format to name them.\n`,
    );
    return undefined;
  } finally {
    ec2.destroy();
  }
  if (found.kind === 'default') return undefined;
  if (found.kind === 'mixed') {
    throw new AbortError(
      `the flow logs writing to ${options.logGroup.join(', ')} have different formats (${found.formats.map((f) => `${f.flowLogIds.join(', ')}: "${f.formatString}"`).join('; ')}), so one parse @message cannot name their fields`,
      'query one log group per format, or give --format with the format of the records you want',
    );
  }
  io.err(`format of ${found.flowLogIds.join(', ')} (DescribeFlowLogs): ${found.formatString}\n`);
  return found.format;
}
