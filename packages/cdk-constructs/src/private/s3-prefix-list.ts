import type { Construct } from 'constructs';
import { Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';

/**
 * The region's S3 prefix list id (`com.amazonaws.<region>.s3`), which the nodes' S3 egress rule
 * names. It differs per region, so an environment-agnostic stack looks it up at deploy time
 * (DescribeManagedPrefixLists through a custom resource); given literally, no lookup is made.
 */
export function s3PrefixListId(scope: Construct, given: string | undefined): string {
  if (given) return given;
  const stack = Stack.of(scope);
  const lookup = new AwsCustomResource(scope, 'S3PrefixListLookup', {
    onUpdate: {
      service: 'EC2',
      action: 'DescribeManagedPrefixLists',
      parameters: { Filters: [{ Name: 'prefix-list-name', Values: [`com.amazonaws.${stack.region}.s3`] }] },
      physicalResourceId: PhysicalResourceId.of('s3-prefix-list'),
      outputPaths: ['PrefixLists.0.PrefixListId'],
    },
    policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ actions: ['ec2:DescribeManagedPrefixLists'], resources: ['*'] })]),
    installLatestAwsSdk: false,
  });
  // The lookup's function is a stack-level singleton: its findings are acknowledged on the stack,
  // each with the reason, so cdk-nag passes and the audit trail says why.
  Validations.of(stack).acknowledge(
    {
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: 'ec2:DescribeManagedPrefixLists supports no resource-level permissions: AWS requires Resource "*" (Service Authorization Reference, Amazon EC2)',
    },
    {
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: "aws-cdk-lib's AwsCustomResource function logs through AWSLambdaBasicExecutionRole; it only reads the S3 prefix list id at deploy time",
    },
  );
  return lookup.getResponseField('PrefixLists.0.PrefixListId');
}
