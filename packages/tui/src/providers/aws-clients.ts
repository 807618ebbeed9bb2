import { EC2Client } from '@aws-sdk/client-ec2';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

/**
 * Limits on every call the live provider makes. Without them an endpoint that accepts a
 * connection and never answers (a proxy, a firewall that drops replies, a wrong
 * AWS_ENDPOINT_URL) hangs the CLI for ever: the SDK's default request timeout is 0 (none).
 * The worst case is attempts × (connect + request) plus the retry back-off, under 30 s.
 */
export const AWS_CALL_LIMITS = {
  /** Opening the TCP (and TLS) connection. */
  connectTimeoutMs: 3_000,
  /** From sending the request to the end of the answer; a Describe page is small. */
  requestTimeoutMs: 5_000,
  /** Attempts per call, the first one included (standard retry mode, exponential back-off). */
  maxAttempts: 3,
} as const;

export interface AwsClientOptions {
  /** @default - the SDK chain: AWS_REGION, then the profile's region */
  readonly region?: string;
  /** @default - the SDK chain: AWS_PROFILE, then `default` */
  readonly profile?: string;
}

export interface AwsClients {
  readonly ec2: EC2Client;
  readonly logs: CloudWatchLogsClient;
}

/** The shared client settings: region, profile, timeouts that throw, bounded retries. */
export function awsClientConfig(options: AwsClientOptions) {
  return {
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    maxAttempts: AWS_CALL_LIMITS.maxAttempts,
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: AWS_CALL_LIMITS.connectTimeoutMs,
      requestTimeout: AWS_CALL_LIMITS.requestTimeoutMs,
      // Without this the SDK only logs a warning when requestTimeout passes, and keeps waiting.
      throwOnRequestTimeout: true,
    },
  } as const;
}

/** The EC2 and CloudWatch Logs clients of a live run, each with the limits above. */
export function createAwsClients(options: AwsClientOptions): AwsClients {
  const config = awsClientConfig(options);
  return { ec2: new EC2Client(config), logs: new CloudWatchLogsClient(config) };
}

/**
 * A CloudWatch Logs client for Logs Insights queries: the same timeouts, and the adaptive retry
 * mode (client-side rate limiting on ThrottlingException) with one more attempt. Too many
 * running queries (LimitExceededException) is waited out by the query runner itself. Four
 * attempts of 5 s keep a silent endpoint under 30 s.
 */
export const INSIGHTS_MAX_ATTEMPTS = 4;

export function createInsightsLogsClient(options: AwsClientOptions): CloudWatchLogsClient {
  return new CloudWatchLogsClient({ ...awsClientConfig(options), retryMode: 'adaptive', maxAttempts: INSIGHTS_MAX_ATTEMPTS });
}
