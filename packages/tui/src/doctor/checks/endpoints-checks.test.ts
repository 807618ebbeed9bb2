import { describe, expect, it } from 'vitest';
import { assertValidSpec, type ModelEndpoint, type NetworkModel } from '@artos/model';
import {
  contextOf,
  covers,
  denied,
  plannedModel,
  productionSpec,
  runCheck,
  said,
  unknownWhenDenied,
  withGroup,
  withTable,
} from '../../../test/support/doctor-contexts.js';
import { endpointsExist } from './endpoints-exist.js';
import { endpointsPrivateDns } from './endpoints-private-dns.js';
import { endpointsGroup443 } from './endpoints-group-443.js';
import { s3GatewayRoutes } from './s3-gateway-routes.js';
import { nodesReachS3 } from './nodes-reach-s3.js';
import { endpointsCoverAzs } from './endpoints-cover-azs.js';
import { eksEndpoint } from './eks-endpoint.js';

// The checks of the "Pods cannot reach AWS services" workflow, and the bastion's EKS endpoint
// check: each passes on the planned production network, fails on the edit it names, and answers
// *unknown* (naming the denied call) when a part it needs could not be read.

const planned = plannedModel();
const withEndpoint = (model: NetworkModel, service: string, edit: (e: ModelEndpoint) => ModelEndpoint | undefined): NetworkModel => ({
  ...model,
  endpoints: model.endpoints.flatMap((e) => (e.service === service ? (edit(e) ?? []) : [e])),
});

describe('endpoints-exist', () => {
  const expected = ['s3', ...productionSpec.interfaceEndpointServices];

  it('passes when the S3 gateway and every interface endpoint of the spec exist', async () => {
    const step = await runCheck(endpointsExist, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(said(step)).toContain(`${expected.length} of ${expected.length} endpoints found`);
  });

  it('fails naming the endpoint that is missing', async () => {
    const step = await runCheck(endpointsExist, contextOf(withEndpoint(planned, 'sts', () => undefined)));
    expect(step.status).toBe('fail');
    expect(said(step)).toContain(`${expected.length - 1} of ${expected.length} endpoints found`);
    expect(said(step)).toContain('missing: com.amazonaws.eu-west-1.sts');
    expect(step.fix?.change).toMatch(/: sts$/);
  });

  it('fails an endpoint that exists but is not available', async () => {
    // The EC2 API model (@aws-sdk/client-ec2, enum State of VpcEndpoint.State): Available, Deleted,
    // Deleting, Expired, Failed, Partial, Pending, PendingAcceptance, Rejected; only an available
    // endpoint carries traffic (EC2 answers in lower case on the wire, as the live test notes).
    const step = await runCheck(endpointsExist, contextOf(withEndpoint(planned, 'ecr.dkr', (e) => ({ ...e, state: 'pendingAcceptance' }))));
    expect(step.status).toBe('fail');
    expect(said(step)).toContain('ecr.dkr (planned-ecr.dkr-endpoint) is pendingAcceptance, not available');
  });

  unknownWhenDenied(endpointsExist, ['endpoints'], () => contextOf(planned));
});

describe('endpoints-private-dns', () => {
  it('passes when every interface endpoint has private DNS', async () => {
    const step = await runCheck(endpointsPrivateDns, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(said(step)).toContain(`${productionSpec.interfaceEndpointServices.length} interface endpoints, all with private DNS`);
  });

  it('fails an interface endpoint whose private DNS is off', async () => {
    // AWS, "Interface VPC endpoints (AWS PrivateLink)" (https://docs.aws.amazon.com/AmazonVPC/latest/UserGuide/vpce-interface.html):
    // private DNS is what lets requests to the service's default DNS name reach the endpoint;
    // without it the SDK resolves the public endpoint, which a private subnet cannot reach.
    const step = await runCheck(endpointsPrivateDns, contextOf(withEndpoint(planned, 'secretsmanager', (e) => ({ ...e, privateDns: false }))));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual([expect.stringMatching(/^secretsmanager \(planned-secretsmanager-endpoint\) has private DNS off/)]);
    expect(step.fix?.command).toContain('--vpc-endpoint-ids planned-secretsmanager-endpoint');
  });

  unknownWhenDenied(endpointsPrivateDns, ['endpoints'], () => contextOf(planned));
});

describe('endpoints-group-443', () => {
  it('passes when the endpoints group admits HTTPS from every private subnet', async () => {
    const step = await runCheck(endpointsGroup443, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(said(step)).toContain('HTTPS from all VPC resources');
  });

  // AWS, "Interface VPC endpoints (AWS PrivateLink)" (https://docs.aws.amazon.com/AmazonVPC/latest/UserGuide/vpce-interface.html):
  // the security groups of the endpoint network interface control the traffic to it from
  // resources in the VPC; the SDK calls the service on HTTPS (443).
  it('fails when the endpoints group no longer admits 443 from the VPC', async () => {
    const model = withGroup(planned, 'vpc-endpoints', (g) => ({ ...g, ingress: g.ingress.filter((r) => !covers(r, 443)) }));
    const step = await runCheck(endpointsGroup443, contextOf(model));
    expect(step.status).toBe('fail');
    expect(said(step)).toMatch(/^ecr\.api: .*planned-vpc-endpoints-sg/m);
    expect(step.fix?.change).toContain('ingress tcp 443 from the VPC CIDR 10.0.0.0/16');
  });

  it('fails an endpoint that does not carry the endpoints group', async () => {
    const model = withEndpoint(planned, 'ssm', (e) => ({ ...e, securityGroupIds: [] }));
    const step = await runCheck(endpointsGroup443, contextOf(model));
    expect(step.status).toBe('fail');
    expect(said(step)).toContain('ssm (planned-ssm-endpoint) does not carry the endpoints group planned-vpc-endpoints-sg');
  });

  unknownWhenDenied(endpointsGroup443, ['endpoints', 'security-groups', 'subnets'], () => contextOf(planned));
});

describe('s3-gateway-routes', () => {
  it('passes when the private route table carries the S3 route and the database table does not', async () => {
    const step = await runCheck(s3GatewayRoutes, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(said(step)).toContain('planned-private-rt: planned-pl-s3 → gateway endpoint planned-s3-endpoint');
  });

  it('fails a private subnet left on the main route table, which lacks the S3 route', async () => {
    // AWS, "Subnet route tables" (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-route-tables.html):
    // a subnet not explicitly associated with a route table is implicitly associated with the main route table.
    // AWS, "Gateway endpoints for Amazon S3" (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html):
    // the endpoint is a route target (the S3 prefix list) in the route tables it is associated with.
    const model = withTable(planned, 'planned-private-rt', (t) => ({ ...t, subnetIds: t.subnetIds.filter((id) => id !== 'planned-private-subnet-2') }));
    const step = await runCheck(s3GatewayRoutes, contextOf(model));
    expect(step.status).toBe('fail');
    expect(said(step)).toContain('private subnet planned-private-subnet-2 uses planned-main-rt (main, implicit), which lacks the S3 route');
  });

  it('fails when the S3 route reaches the database route table', async () => {
    const model = withEndpoint(planned, 's3', (e) => ({ ...e, routeTableIds: [...e.routeTableIds, 'planned-database-rt'] }));
    const step = await runCheck(s3GatewayRoutes, contextOf(model));
    expect(step.status).toBe('fail');
    expect(said(step)).toContain('database subnet planned-database-subnet-1 uses planned-database-rt, which has the S3 route');
  });

  it('is unknown, not failed, when the route tables of existing subnets are not known', async () => {
    // A plan for an existing VPC does not know the tables AWS associates with its subnets.
    const existing = assertValidSpec({
      ...productionSpec,
      vpcId: 'vpc-0123456789abcdef0',
      privateSubnetIds: ['subnet-0a000000000000001', 'subnet-0a000000000000002', 'subnet-0a000000000000003'],
      databaseSubnetIds: ['subnet-0b000000000000001', 'subnet-0b000000000000002', 'subnet-0b000000000000003'],
    });
    const step = await runCheck(s3GatewayRoutes, contextOf(plannedModel(existing), { spec: existing }));
    expect(step.status).toBe('unknown');
    expect(said(step)).toContain('private subnet subnet-0a000000000000001: its route table is not known');
  });

  unknownWhenDenied(s3GatewayRoutes, ['endpoints', 'route-tables', 'subnets'], () => contextOf(planned));
});

describe('nodes-reach-s3', () => {
  it('passes: the nodes group lets 443 out to the S3 prefix list and the private table routes it to the endpoint', async () => {
    const step = await runCheck(nodesReachS3, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(said(step)).toMatch(/route: .*planned-s3-endpoint/);
  });

  it("fails with the seed's node egress (the VPC CIDR only): S3 is outside it", async () => {
    // AWS, "Gateway endpoints for Amazon S3" (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html):
    // the security groups of instances that reach S3 through a gateway endpoint must allow
    // traffic to S3; a rule can name the S3 prefix list.
    const model = withGroup(planned, 'eks-nodes', (g) => ({ ...g, egress: g.egress.filter((r) => r.peer.kind !== 'prefix-list') }));
    const step = await runCheck(nodesReachS3, contextOf(model));
    expect(step.status).toBe('fail');
    expect(said(step)).toContain('10.0.0.0/16');
    expect(step.fix?.change).toContain('tcp 443 to the S3 prefix list');
  });

  it('fails when no private route table sends S3 traffic to the endpoint', async () => {
    const model = withTable(planned, 'planned-private-rt', (t) => ({ ...t, routes: t.routes.filter((r) => r.target.kind !== 'gateway-endpoint') }));
    const step = await runCheck(nodesReachS3, contextOf(model));
    expect(step.status).toBe('fail');
  });

  unknownWhenDenied(nodesReachS3, ['security-groups', 'route-tables', 'endpoints', 'subnets'], () => contextOf(planned));

  it('is unknown, not "no S3 gateway endpoint", when the prefix lists cannot be read', async () => {
    const step = await runCheck(nodesReachS3, contextOf(denied(planned, 'prefix-lists')));
    expect(step.status).toBe('unknown');
    expect(said(step)).toContain('ec2:DescribeManagedPrefixLists');
  });
});

describe('endpoints-cover-azs', () => {
  it('passes when every interface endpoint has an interface in each AZ of the private subnets', async () => {
    const step = await runCheck(endpointsCoverAzs, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(said(step)).toContain(`${productionSpec.interfaceEndpointServices.length} endpoints in 3 AZs (AZ1, AZ2, AZ3)`);
  });

  it('warns when an endpoint leaves out the AZ of a private subnet', async () => {
    // AWS, "Interface VPC endpoints (AWS PrivateLink)" (https://docs.aws.amazon.com/AmazonVPC/latest/UserGuide/vpce-interface.html):
    // a subnet in each Availability Zone makes the endpoint resilient to the failure of one zone.
    const model = withEndpoint(planned, 'ecr.api', (e) => ({ ...e, subnetIds: e.subnetIds.filter((id) => id !== 'planned-private-subnet-3') }));
    const step = await runCheck(endpointsCoverAzs, contextOf(model));
    expect(step.status).toBe('warn');
    expect(step.evidence).toEqual(['ecr.api has no interface in AZ3']);
  });

  unknownWhenDenied(endpointsCoverAzs, ['endpoints', 'subnets'], () => contextOf(planned));
});

describe('eks-endpoint', () => {
  it('passes when the EKS endpoint exists with private DNS', async () => {
    const step = await runCheck(eksEndpoint, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(step.evidence).toEqual(['planned-eks-endpoint: state planned, private DNS on']);
  });

  it('fails when private DNS is off on the EKS endpoint: kubectl resolves the public API name', async () => {
    // AWS, "Interface VPC endpoints (AWS PrivateLink)" (https://docs.aws.amazon.com/AmazonVPC/latest/UserGuide/vpce-interface.html): private DNS.
    const step = await runCheck(eksEndpoint, contextOf(withEndpoint(planned, 'eks', (e) => ({ ...e, privateDns: false }))));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual(['planned-eks-endpoint: state planned, private DNS off']);
    expect(step.fix?.command).toContain('com.amazonaws.eu-west-1.eks');
  });

  it('fails when there is no EKS endpoint', async () => {
    const step = await runCheck(eksEndpoint, contextOf(withEndpoint(planned, 'eks', () => undefined)));
    expect(step.status).toBe('fail');
    expect(said(step)).toContain('no com.amazonaws.<region>.eks endpoint');
  });

  unknownWhenDenied(eksEndpoint, ['endpoints'], () => contextOf(planned));
});
