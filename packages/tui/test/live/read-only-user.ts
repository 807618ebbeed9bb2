import { CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { TestClients } from './aws-test-clients.js';

/**
 * An IAM user that may read the network except for the actions given, made with CloudFormation
 * (AWS::IAM::User and AWS::IAM::AccessKey, the secret returned by GetAtt SecretAccessKey), so
 * the tier needs no IAM client. An explicit Deny wins over any Allow (IAM User Guide, "Policy
 * evaluation logic").
 */
export async function readOnlyUserWithout(clients: TestClients, deniedActions: readonly string[]): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const StackName = 'artos-live-reader';
  const template = {
    Resources: {
      Reader: { Type: 'AWS::IAM::User', Properties: { UserName: 'artos-live-reader' } },
      // A separate AWS::IAM::Policy: moto drops the user's inline `Policies` property.
      ReaderPolicy: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'read-the-network',
          Users: [{ Ref: 'Reader' }],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: [
                  'ec2:Describe*',
                  'ec2:GetManagedPrefixListEntries',
                  'logs:Describe*',
                  'logs:FilterLogEvents',
                  'logs:StartQuery',
                  'logs:GetQueryResults',
                  'logs:StopQuery',
                ],
                Resource: '*',
              },
              { Effect: 'Deny', Action: [...deniedActions], Resource: '*' },
            ],
          },
        },
      },
      ReaderKey: { Type: 'AWS::IAM::AccessKey', DependsOn: 'ReaderPolicy', Properties: { UserName: { Ref: 'Reader' } } },
    },
    Outputs: {
      KeyId: { Value: { Ref: 'ReaderKey' } },
      Secret: { Value: { 'Fn::GetAtt': ['ReaderKey', 'SecretAccessKey'] } },
    },
  };
  await clients.cfn.send(new CreateStackCommand({ StackName, TemplateBody: JSON.stringify(template), Capabilities: ['CAPABILITY_NAMED_IAM'] }));
  for (let i = 0; i < 120; i++) {
    const stack = (await clients.cfn.send(new DescribeStacksCommand({ StackName }))).Stacks?.[0];
    if (stack?.StackStatus === 'CREATE_COMPLETE') {
      const out = new Map((stack.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
      return { accessKeyId: out.get('KeyId')!, secretAccessKey: out.get('Secret')! };
    }
    if (!stack?.StackStatus?.endsWith('IN_PROGRESS')) throw new Error(`stack ${StackName} ended ${stack?.StackStatus}: ${stack?.StackStatusReason}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`stack ${StackName} still in progress after 30 s`);
}
