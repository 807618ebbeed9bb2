import type { Construct } from 'constructs';
import { Tags } from 'aws-cdk-lib';
import { CfnVPCEndpoint, GatewayVpcEndpointAwsService, InterfaceVpcEndpointAwsService, type ISecurityGroup } from 'aws-cdk-lib/aws-ec2';
import { INTERFACE_ENDPOINTS, S3_GATEWAY_ENDPOINT, resourceIdentity, type NetworkSpec } from '@artos/model';

/**
 * Service names as aws-cdk-lib builds them, partition and region included: its
 * `InterfaceVpcEndpointAwsService` knows that in the China regions many services are
 * `cn.com.amazonaws.<region>.<service>` (ECR, EC2, EKS, STS, ...) while others keep
 * `com.amazonaws`. The name is resolved for the stack's region; an environment-agnostic stack
 * gets `com.amazonaws.${AWS::Region}`, so deploy to China with a concrete region.
 */
function interfaceServiceName(service: string): string {
  return new InterfaceVpcEndpointAwsService(service).name;
}

function idOf(service: string): string {
  return service
    .split(/[.-]/)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}

export interface Endpoints {
  /** Absent when there is no route table to attach it to (existing subnets without their route-table ids). */
  readonly s3Gateway: CfnVPCEndpoint | undefined;
  readonly interfaces: ReadonlyMap<string, CfnVPCEndpoint>;
}

/**
 * The S3 gateway endpoint on the private route tables only, and the interface endpoints in the
 * private subnets with private DNS and the endpoints group. L1 on purpose: the L2 interface
 * endpoint's default `open: true` adds its own VPC-wide rule, which the catalog does not have.
 */
export function createEndpoints(
  scope: Construct,
  spec: NetworkSpec,
  vpcId: string,
  privateRouteTableIds: readonly string[],
  privateSubnetIds: readonly string[],
  endpointsGroup: ISecurityGroup,
): Endpoints {
  const tag = (resource: Construct, service: string) => {
    for (const [key, value] of Object.entries(resourceIdentity(spec, 'vpc-endpoint', service).tags)) Tags.of(resource).add(key, value);
  };
  // A gateway endpoint works through routes only: without route tables it would route nothing.
  const s3Gateway =
    privateRouteTableIds.length === 0
      ? undefined
      : new CfnVPCEndpoint(scope, 'S3GatewayEndpoint', {
          vpcId,
          serviceName: GatewayVpcEndpointAwsService.S3.name,
          vpcEndpointType: 'Gateway',
          routeTableIds: [...privateRouteTableIds],
        });
  if (s3Gateway) tag(s3Gateway, S3_GATEWAY_ENDPOINT.service);
  const interfaces = new Map<string, CfnVPCEndpoint>();
  for (const entry of INTERFACE_ENDPOINTS.filter((e) => spec.interfaceEndpointServices.includes(e.service))) {
    const endpoint = new CfnVPCEndpoint(scope, `${idOf(entry.service)}InterfaceEndpoint`, {
      vpcId,
      serviceName: interfaceServiceName(entry.service),
      vpcEndpointType: 'Interface',
      privateDnsEnabled: true,
      subnetIds: [...privateSubnetIds],
      securityGroupIds: [endpointsGroup.securityGroupId],
    });
    tag(endpoint, entry.service);
    interfaces.set(entry.service, endpoint);
  }
  return { s3Gateway, interfaces };
}
