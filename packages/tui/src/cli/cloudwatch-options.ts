import { runFlowLogQuery, type QueryProgress, type QueryResult, type RecordFormat } from '@artos/flowlog-analyzer/query';
import { AbortError } from './cli-errors.js';
import type { CliIo } from './io.js';
import { parseTime } from './time-range.js';
import { assertProfileExists } from './aws-profile.js';
import { createInsightsLogsClient } from '../providers/aws-clients.js';

/** The options `addFlowLogsCloudWatchOptions` (flowlogs-cloudwatch.ts) declares. */
export interface CloudWatchOptions {
  readonly logGroup: string[];
  readonly since: string;
  readonly until: string;
  readonly region?: string;
  readonly profile?: string;
}

/**
 * Runs a query in Logs Insights with every row (time-range splitting past the cap), a progress
 * line on stderr (records and bytes scanned, elapsed), and Ctrl-C stopping the query in the account.
 */
export async function runInCloudWatch(io: CliIo, queryText: string, options: CloudWatchOptions, limit?: number, format?: RecordFormat): Promise<QueryResult> {
  const startTime = parseTime(options.since, '--since');
  const endTime = parseTime(options.until, '--until');
  if (endTime < startTime) throw new AbortError('--until is before --since', 'swap them');
  assertProfileExists(options.profile);
  const client = createInsightsLogsClient({ ...(options.region ? { region: options.region } : {}), ...(options.profile ? { profile: options.profile } : {}) });
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  const started = Date.now();
  const progress = (s: QueryProgress) => {
    if (!process.stderr.isTTY) return;
    process.stderr.write(
      `\r${s.where}: ${s.recordsScanned.toLocaleString('en-US')} records, ${(s.bytesScanned / 2 ** 20).toFixed(1)} MiB scanned, ${((Date.now() - started) / 1000).toFixed(0)} s\u001b[K`,
    );
  };
  try {
    return await runFlowLogQuery(
      queryText,
      { kind: 'cloudwatch', client, logGroupNames: options.logGroup, startTime, endTime },
      { signal: controller.signal, onProgress: progress, ...(limit ? { rowLimit: limit } : {}), ...(format ? { format } : {}) },
    );
  } finally {
    process.removeListener('SIGINT', onSigint);
    if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
    io.err(`CloudWatch Logs Insights: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}
