import {
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateFlowLogsCommand,
  CreateRouteCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DeleteFlowLogsCommand,
  DeleteVpcEndpointsCommand,
  DescribeFlowLogsCommand,
  DescribeVpcEndpointsCommand,
  RevokeSecurityGroupIngressCommand,
  type VpcEndpoint,
} from '@aws-sdk/client-ec2';
import type { DeployedNetwork } from './deploy-production.js';

/**
 * The breakages the live tier deploys on top of a correct network, each the way an operator
 * would make it by hand. Each returns the object it broke, which the doctor must name.
 * Logical ids are the synthesized template's (packages/tui/test/fixtures/production.template.json).
 */
export interface Broken {
  /** The id the doctor's evidence must mention. */
  readonly objectId: string;
}

async function endpointOf(net: DeployedNetwork, service: string): Promise<VpcEndpoint> {
  const all = (await net.clients.ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [net.vpcId] }] }))).VpcEndpoints ?? [];
  const found = all.find((e) => e.ServiceName === `com.amazonaws.${net.region}.${service}`);
  if (!found?.VpcEndpointId) throw new Error(`no ${service} endpoint in ${net.vpcId}`);
  return found;
}

/** The rds group no longer admits PostgreSQL from the EKS nodes group. */
export async function removeRds5432Ingress(net: DeployedNetwork): Promise<Broken> {
  const rds = net.id('NetworkRdsSecurityGroup');
  const nodes = net.id('NetworkEksNodesSecurityGroup');
  await net.clients.ec2.send(
    new RevokeSecurityGroupIngressCommand({
      GroupId: rds,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: nodes }] }],
    }),
  );
  return { objectId: rds };
}

/**
 * STS's interface endpoint without private DNS (pods then resolve sts.REGION.amazonaws.com to
 * public addresses). In AWS: ModifyVpcEndpoint --no-private-dns-enabled. Moto's
 * ModifyVpcEndpoint ignores PrivateDnsEnabled (moto/ec2/responses/vpcs.py), so the endpoint is
 * recreated with the same service, subnets, group and tags, private DNS off.
 */
export async function turnStsPrivateDnsOff(net: DeployedNetwork): Promise<Broken> {
  const sts = await endpointOf(net, 'sts');
  await net.clients.ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [sts.VpcEndpointId!] }));
  const created = await net.clients.ec2.send(
    new CreateVpcEndpointCommand({
      VpcId: net.vpcId,
      VpcEndpointType: 'Interface',
      ServiceName: sts.ServiceName,
      SubnetIds: sts.SubnetIds,
      SecurityGroupIds: (sts.Groups ?? []).map((g) => g.GroupId!),
      PrivateDnsEnabled: false,
      TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: sts.Tags }],
    }),
  );
  return { objectId: created.VpcEndpoint!.VpcEndpointId! };
}

/** The ECR Docker endpoint is gone (image pulls from private subnets fail). */
export async function deleteEcrDkrEndpoint(net: DeployedNetwork): Promise<Broken> {
  await net.clients.ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [(await endpointOf(net, 'ecr.dkr')).VpcEndpointId!] }));
  // The doctor names a missing endpoint by its service, having no id for it.
  return { objectId: `com.amazonaws.${net.region}.ecr.dkr` };
}

/** A default route to an internet gateway on the database route table. */
export async function routeDatabaseTableToInternet(net: DeployedNetwork): Promise<Broken> {
  const igw = (await net.clients.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await net.clients.ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: net.vpcId }));
  const table = net.id('NetworkDatabaseRouteTable');
  await net.clients.ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
  return { objectId: table };
}

/** SSH from anywhere on the EKS nodes group. */
export async function openNodesSshToTheWorld(net: DeployedNetwork): Promise<Broken> {
  const nodes = net.id('NetworkEksNodesSecurityGroup');
  await net.clients.ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: nodes,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }),
  );
  return { objectId: nodes };
}

/** The VPC's flow log is deleted (the log group and its old events stay). */
export async function deleteFlowLog(net: DeployedNetwork): Promise<Broken> {
  const logs = (await net.clients.ec2.send(new DescribeFlowLogsCommand({ Filter: [{ Name: 'resource-id', Values: [net.vpcId] }] }))).FlowLogs ?? [];
  await net.clients.ec2.send(new DeleteFlowLogsCommand({ FlowLogIds: logs.map((f) => f.FlowLogId!) }));
  return { objectId: net.vpcId };
}

/**
 * The flow log recreated by hand toward a log group that does not exist: EC2 accepts it, and
 * reports DeliverLogsStatus FAILED with "Access error" (AWS, "FlowLog", EC2 API Reference; moto
 * emulates this for a missing log group).
 */
export async function flowLogToMissingGroup(net: DeployedNetwork): Promise<Broken> {
  const logs = (await net.clients.ec2.send(new DescribeFlowLogsCommand({ Filter: [{ Name: 'resource-id', Values: [net.vpcId] }] }))).FlowLogs ?? [];
  const [first] = logs;
  if (!first) throw new Error(`no flow log on ${net.vpcId}`);
  await net.clients.ec2.send(new DeleteFlowLogsCommand({ FlowLogIds: logs.map((f) => f.FlowLogId!) }));
  const created = await net.clients.ec2.send(
    new CreateFlowLogsCommand({
      ResourceIds: [net.vpcId],
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      MaxAggregationInterval: 60,
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: '/vpc/typo/flow-logs',
      DeliverLogsPermissionArn: first.DeliverLogsPermissionArn,
    }),
  );
  return { objectId: created.FlowLogIds?.[0] ?? '?' };
}

/** A second VPC carries the network's tags (a copy of the stack, a test VPC tagged by hand). */
export async function createSecondTaggedVpc(net: DeployedNetwork): Promise<Broken> {
  const vpc = await net.clients.ec2.send(
    new CreateVpcCommand({
      CidrBlock: '10.1.0.0/16',
      TagSpecifications: [
        {
          ResourceType: 'vpc',
          Tags: [
            { Key: 'artos:network', Value: 'artos-production' },
            { Key: 'artos:role', Value: 'vpc' },
            { Key: 'Name', Value: 'artos-production-vpc-copy' },
          ],
        },
      ],
    }),
  );
  return { objectId: vpc.Vpc!.VpcId! };
}
