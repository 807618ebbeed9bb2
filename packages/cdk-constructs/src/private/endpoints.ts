import type { Construct } from 'constructs';
import { Aws, Fn, Tags } from 'aws-cdk-lib';
import { CfnVPCEndpoint, type ISecurityGroup } from 'aws-cdk-lib/aws-ec2';
import { INTERFACE_ENDPOINTS, S3_GATEWAY_ENDPOINT, resourceIdentity, type NetworkSpec } from '@artos/model';

function serviceName(service: string): string {
  return Fn.join('', ['com.amazonaws.', Aws.REGION, `.${service}`]);
}

function idOf(service: string): string {
  return service
    .split(/[.-]/)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}

export interface Endpoints {
  readonly s3Gateway: CfnVPCEndpoint;
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
  const s3Gateway = new CfnVPCEndpoint(scope, 'S3GatewayEndpoint', {
    vpcId,
    serviceName: serviceName(S3_GATEWAY_ENDPOINT.service),
    vpcEndpointType: 'Gateway',
    routeTableIds: [...privateRouteTableIds],
  });
  tag(s3Gateway, S3_GATEWAY_ENDPOINT.service);
  const interfaces = new Map<string, CfnVPCEndpoint>();
  for (const entry of INTERFACE_ENDPOINTS.filter((e) => spec.interfaceEndpointServices.includes(e.service))) {
    const endpoint = new CfnVPCEndpoint(scope, `${idOf(entry.service)}InterfaceEndpoint`, {
      vpcId,
      serviceName: serviceName(entry.service),
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
