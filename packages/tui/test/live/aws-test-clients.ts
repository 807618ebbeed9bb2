import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';

/** Moto accepts any keys; these never leave the machine. */
export const DUMMY_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export interface TestClients {
  readonly ec2: EC2Client;
  readonly cfn: CloudFormationClient;
  readonly logs: CloudWatchLogsClient;
}

/** Clients of the test itself (the fixture and the mutations), all pointed at the emulator. */
export function testClients(
  endpoint: string,
  region: string,
  credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } = DUMMY_CREDENTIALS,
): TestClients {
  const config = { endpoint, region, credentials: { ...credentials }, maxAttempts: 2 };
  return { ec2: new EC2Client(config), cfn: new CloudFormationClient(config), logs: new CloudWatchLogsClient(config) };
}
