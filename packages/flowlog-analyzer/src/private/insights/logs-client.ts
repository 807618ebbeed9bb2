import type { CloudWatchLogsClient, CloudWatchLogsClientConfig } from '@aws-sdk/client-cloudwatch-logs';
import { logsSdk } from './logs-sdk.js';

export interface LogsClientOptions {
  readonly region?: string;
  readonly profile?: string;
  /** Attempts per call, throttling included. @default 8 */
  readonly maxAttempts?: number;
}

/**
 * A CloudWatch Logs client with the SDK's own retry strategy for throttling: adaptive mode
 * (client-side rate limiting plus exponential backoff with jitter), more attempts than the
 * default three because Insights polling is bursty. The standard credential chain, region,
 * profile and AWS_ENDPOINT_URL apply as everywhere in the SDK.
 */
export function createLogsClient(options: LogsClientOptions = {}): CloudWatchLogsClient {
  const config: CloudWatchLogsClientConfig = {
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? 8,
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  };
  return new (logsSdk().CloudWatchLogsClient)(config);
}
