import { Construct } from 'constructs';
import { Annotations, CfnOutput, Stack, Tags, ValidationError } from 'aws-cdk-lib';
import { IpAddresses, Vpc, type ISecurityGroup, type ISubnet, type IVpc, type CfnRouteTable, type CfnVPCEndpoint } from 'aws-cdk-lib/aws-ec2';
import { CfnDBSubnetGroup } from 'aws-cdk-lib/aws-rds';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { formatIssues, resourceIdentity, validateSpec, type GroupRole, type NetworkSpec, type NetworkSpecInput } from '@artos/model';
import { createSecurityGroups } from './security-groups.js';
import { createEndpoints } from './endpoints.js';
import { createFlowLogs } from './flow-logs.js';
import { createPodSubnets, createTier, type EnterpriseRoute } from './tier-subnets.js';

export interface ArtosNetworkProps {
  /** The network: a spec as written (validated here) or one already validated by the model. */
  readonly spec: NetworkSpecInput | NetworkSpec;
  /**
   * Routes for given CIDRs to a transit gateway or virtual private gateway, on the private route
   * table. An extension point: the seed configures enterprise connectivity separately.
   * @default []
   */
  readonly enterpriseRoutes?: readonly EnterpriseRoute[];
  /**
   * Route tables of existing private subnets (existing-VPC mode), for the S3 gateway endpoint.
   * @default - the S3 gateway endpoint is attached to the route tables this construct creates
   */
  readonly existingPrivateRouteTableIds?: readonly string[];
  /**
   * Prefix of the CloudFormation export names.
   * @default - the spec's namePrefix
   */
  readonly exportPrefix?: string;
  /**
   * The region's S3 prefix list id (`pl-…`, `com.amazonaws.<region>.s3`) for the nodes' S3 egress.
   * @default - looked up at deploy time (DescribeManagedPrefixLists, a custom resource)
   */
  readonly s3PrefixListId?: string;
}

// aws-cdk-lib brands error names as literal strings through a private tagged template.
const INVALID_SPEC = 'ArtosNetworkInvalidSpec' as ConstructorParameters<typeof ValidationError>[0];

function isValidated(spec: NetworkSpecInput | NetworkSpec): spec is NetworkSpec {
  return 'flowLogs' in spec && spec.flowLogs !== undefined && 'logGroupNamePattern' in spec.flowLogs && 'availabilityZoneCount' in spec;
}

/**
 * The seed's private network: a VPC without internet gateway, NAT or public subnet; private and
 * database subnets across AZs with dedicated route tables; the six security groups of the model's
 * catalog; the S3 gateway and interface endpoints; flow logs; a DB subnet group.
 */
export class ArtosNetwork extends Construct {
  readonly spec: NetworkSpec;
  readonly vpc: IVpc;
  readonly privateSubnets: readonly ISubnet[];
  readonly databaseSubnets: readonly ISubnet[];
  /** EKS custom-networking pod subnets (the spec's `podSubnetCidrs`), in AZ order. */
  readonly podSubnets: readonly ISubnet[];
  readonly privateRouteTable: CfnRouteTable | undefined;
  readonly databaseRouteTable: CfnRouteTable | undefined;
  readonly securityGroups: ReadonlyMap<GroupRole, ISecurityGroup>;
  readonly dbSubnetGroup: CfnDBSubnetGroup | undefined;
  readonly flowLogGroup: LogGroup | undefined;
  readonly s3GatewayEndpoint: CfnVPCEndpoint | undefined;
  readonly interfaceEndpoints: ReadonlyMap<string, CfnVPCEndpoint>;

  constructor(scope: Construct, id: string, props: ArtosNetworkProps) {
    super(scope, id);
    const result = isValidated(props.spec) ? { spec: props.spec, issues: [] } : validateSpec(props.spec);
    if (!result.spec) {
      throw new ValidationError(INVALID_SPEC, `the network spec is invalid:\n${formatIssues(result.issues)}`, this);
    }
    const spec = (this.spec = result.spec);
    for (const issue of result.issues)
      Annotations.of(this).addWarningV2(`@artos/model:${issue.code}:${issue.path}`, `${issue.path || 'spec'}: ${issue.message} (fix: ${issue.hint})`);
    for (const [key, value] of Object.entries(spec.tags)) Tags.of(this).add(key, value);

    this.vpc = spec.vpcId
      ? Vpc.fromVpcAttributes(this, 'Vpc', {
          vpcId: spec.vpcId,
          vpcCidrBlock: spec.vpcCidr,
          availabilityZones: spec.availabilityZoneNames ? [...spec.availabilityZoneNames] : Stack.of(this).availabilityZones,
        })
      : new Vpc(this, 'Vpc', {
          vpcName: resourceIdentity(spec, 'vpc').name,
          ipAddresses: IpAddresses.cidr(spec.vpcCidr),
          enableDnsHostnames: spec.enableDnsHostnames,
          enableDnsSupport: spec.enableDnsSupport,
          // No internet gateway, no NAT, no public subnet: subnets are created below, per tier.
          subnetConfiguration: [],
          natGateways: 0,
          createInternetGateway: false,
          // The VPC's default security group keeps no rules at all.
          restrictDefaultSecurityGroup: true,
        });
    if (!spec.vpcId) for (const [key, value] of Object.entries(resourceIdentity(spec, 'vpc').tags)) Tags.of(this.vpc).add(key, value);

    const vpcId = this.vpc.vpcId;
    const privateTier = createTier(this, spec, vpcId, 'private', props.enterpriseRoutes ?? []);
    const databaseTier = createTier(this, spec, vpcId, 'database');
    this.privateSubnets = privateTier.subnets;
    this.databaseSubnets = databaseTier.subnets;
    this.privateRouteTable = privateTier.routeTable;
    this.databaseRouteTable = databaseTier.routeTable;
    if (spec.podSubnetCidrs.length > 0 && !privateTier.routeTable) {
      Annotations.of(this).addWarningV2(
        '@artos/cdk:pod-subnets-no-route-table',
        'the private subnets exist already: the pod subnets get no route-table association here, so they use the VPC main route table; associate them with the private route table',
      );
    }
    this.podSubnets = createPodSubnets(this, spec, vpcId, privateTier.routeTable).subnets;

    const groups = createSecurityGroups(this, this.vpc, spec, props.s3PrefixListId);
    this.securityGroups = groups;

    if (spec.createDbSubnetGroup && this.databaseSubnets.length >= 2) {
      const identity = resourceIdentity(spec, 'db-subnet-group');
      this.dbSubnetGroup = new CfnDBSubnetGroup(this, 'DbSubnetGroup', {
        dbSubnetGroupName: identity.name,
        dbSubnetGroupDescription: `Database subnets of ${spec.namePrefix}`,
        subnetIds: this.databaseSubnets.map((s) => s.subnetId),
      });
      for (const [key, value] of Object.entries(identity.tags)) Tags.of(this.dbSubnetGroup).add(key, value);
    }

    const privateRouteTableIds = [...(privateTier.routeTable ? [privateTier.routeTable.ref] : []), ...(props.existingPrivateRouteTableIds ?? [])];
    if (spec.enableVpcEndpoints) {
      if (privateRouteTableIds.length === 0) {
        Annotations.of(this).addWarningV2(
          '@artos/cdk:s3-gateway-no-route-tables',
          'the private subnets exist already and no existingPrivateRouteTableIds were given: the S3 gateway endpoint is NOT created (it would route nothing); give the private route tables (-c privateRouteTableIds=rtb-…) to create it — without it, ECR image layers (served from S3) need another path',
        );
      }
      const endpoints = createEndpoints(
        this,
        spec,
        vpcId,
        privateRouteTableIds,
        this.privateSubnets.map((s) => s.subnetId),
        groups.get('vpc-endpoints')!,
      );
      this.s3GatewayEndpoint = endpoints.s3Gateway;
      this.interfaceEndpoints = endpoints.interfaces;
    } else {
      this.interfaceEndpoints = new Map();
    }

    this.flowLogGroup = spec.flowLogs.enabled ? createFlowLogs(this, spec, this.vpc).logGroup : undefined;
    this.addOutputs(props.exportPrefix ?? spec.namePrefix);
  }

  private addOutputs(prefix: string): void {
    const output = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description, exportName: `${prefix}-${id}` });
    output('VpcId', this.vpc.vpcId, 'The VPC');
    output('PrivateSubnetIds', this.privateSubnets.map((s) => s.subnetId).join(','), 'Private subnets, comma-separated, AZ order');
    output('DatabaseSubnetIds', this.databaseSubnets.map((s) => s.subnetId).join(','), 'Database subnets, comma-separated, AZ order');
    if (this.podSubnets.length > 0)
      output('PodSubnetIds', this.podSubnets.map((s) => s.subnetId).join(','), 'EKS custom-networking pod subnets, comma-separated, AZ order');
    if (this.privateRouteTable) output('PrivateRouteTableId', this.privateRouteTable.ref, 'Private route table');
    if (this.databaseRouteTable) output('DatabaseRouteTableId', this.databaseRouteTable.ref, 'Database route table');
    for (const [role, group] of this.securityGroups) {
      output(`${role.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}SecurityGroupId`, group.securityGroupId, `Security group ${role}`);
    }
    if (this.dbSubnetGroup) output('DbSubnetGroupName', this.dbSubnetGroup.ref, 'RDS DB subnet group');
    if (this.flowLogGroup) output('FlowLogGroupName', this.flowLogGroup.logGroupName, 'Flow-log group');
  }
}
