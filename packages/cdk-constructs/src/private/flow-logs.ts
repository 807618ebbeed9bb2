import type { Construct } from 'constructs';
import { Aws, Fn, RemovalPolicy, Tags } from 'aws-cdk-lib';
import type { FlowLogTrafficType } from 'aws-cdk-lib/aws-ec2';
import { FlowLog, FlowLogDestination, FlowLogMaxAggregationInterval, FlowLogResourceType, LogFormat, type IVpc } from 'aws-cdk-lib/aws-ec2';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { VPC_ID_PLACEHOLDER, flowLogFormatString, resourceIdentity, type NetworkSpec } from '@artos/model';

export interface FlowLogs {
  readonly logGroup: LogGroup;
  readonly flowLog: FlowLog;
  readonly role: Role;
}

/**
 * The seed's flow log: to `/vpc/{vpc_id}/flow-logs` (the real VPC id, resolved at deploy time),
 * retention from the spec, traffic type and aggregation interval from the spec (ALL, 60 s), an
 * optional custom record format, a delivery role that only vpc-flow-logs.amazonaws.com of this
 * account can assume and that may write to this log group only. The log group is retained when
 * the stack is deleted: flow logs are audit data.
 */
export function createFlowLogs(scope: Construct, spec: NetworkSpec, vpc: IVpc): FlowLogs {
  const settings = spec.flowLogs;
  const parts = settings.logGroupNamePattern.split(VPC_ID_PLACEHOLDER);
  const logGroupName =
    parts.length === 1
      ? parts[0]!
      : Fn.join(
          '',
          parts.flatMap((p, i) => (i === 0 ? [p] : [vpc.vpcId, p])),
        );
  const logGroup = new LogGroup(scope, 'FlowLogGroup', {
    logGroupName,
    retention: settings.retentionDays as RetentionDays,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const role = new Role(scope, 'FlowLogRole', {
    roleName: resourceIdentity(spec, 'flow-log-role').name,
    description: 'Lets VPC Flow Logs deliver to the network flow-log group, and nothing else',
    assumedBy: new ServicePrincipal('vpc-flow-logs.amazonaws.com', {
      // Confused-deputy guard: only flow logs of this account may assume the role.
      conditions: {
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${Aws.ACCOUNT_ID}:vpc-flow-log/*` },
      },
    }),
  });
  role.addToPolicy(
    new PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      resources: [logGroup.logGroupArn],
    }),
  );
  const flowLog = new FlowLog(scope, 'FlowLog', {
    flowLogName: resourceIdentity(spec, 'flow-log').name,
    resourceType: FlowLogResourceType.fromVpc(vpc),
    destination: FlowLogDestination.toCloudWatchLogs(logGroup, role),
    trafficType: settings.trafficType as unknown as FlowLogTrafficType,
    maxAggregationInterval:
      settings.maxAggregationIntervalSeconds === 60 ? FlowLogMaxAggregationInterval.ONE_MINUTE : FlowLogMaxAggregationInterval.TEN_MINUTES,
    ...(settings.logFormatFields ? { logFormat: [LogFormat.custom(flowLogFormatString(settings.logFormatFields))] } : {}),
  });
  for (const [construct, role_] of [
    [logGroup, 'flow-log-group'],
    [role, 'flow-log-role'],
    [flowLog, 'flow-log'],
  ] as const) {
    for (const [key, value] of Object.entries(resourceIdentity(spec, role_).tags)) Tags.of(construct).add(key, value);
  }
  return { logGroup, flowLog, role };
}
