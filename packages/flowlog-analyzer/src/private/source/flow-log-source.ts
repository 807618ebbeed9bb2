import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

/** Flow-log files and folders (plain or gzip, by content), and optionally stdin after them. */
export interface FileSource {
  readonly kind: 'files';
  readonly paths: readonly string[];
  /** Bytes piped into the process, read after the files. @default - none */
  readonly stdin?: AsyncIterable<Uint8Array>;
}

/** Log groups in CloudWatch Logs, queried by Logs Insights over a time range (Unix seconds). */
export interface CloudWatchSource {
  readonly kind: 'cloudwatch';
  readonly client: CloudWatchLogsClient;
  readonly logGroupNames: readonly string[];
  readonly startTime: number;
  readonly endTime: number;
}

/** Where a query's records come from: every consumer (CLI, TUI, doctor) names one of these. */
export type FlowLogSource = FileSource | CloudWatchSource;

/** Progress of a running query, whatever its source. */
export interface QueryProgress {
  readonly recordsScanned: number;
  readonly bytesScanned: number;
  /** The file being read, or the Insights query status (Running, Scheduled). */
  readonly where: string;
}
