import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { App, Stack, type Environment } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { preset, type NetworkSpecInput } from '@artos/model';
import { ArtosNetwork, withExistingIds } from '../src/index.js';

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function synth(spec: NetworkSpecInput, env?: Environment, props: Partial<ConstructorParameters<typeof ArtosNetwork>[2]> = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'artos-cdk-'));
  outdirs.push(outdir);
  const app = new App({ outdir });
  const stack = new Stack(app, 'Test', env ? { env } : {});
  const network = new ArtosNetwork(stack, 'Network', { spec, ...props });
  return { stack, network, template: Template.fromStack(stack) };
}

const serviceNames = (template: Template, type: 'Interface' | 'Gateway') =>
  Object.values(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: type } })).map(
    (r) => (r as { Properties: { ServiceName: unknown } }).Properties.ServiceName,
  );

describe('availability zones by ID', () => {
  it('places each subnet with AvailabilityZoneId, not a name or Fn::GetAZs', () => {
    const { template } = synth({ ...preset('basic'), availabilityZoneIds: ['euw1-az3', 'euw1-az1'] });
    const subnets = Object.values(template.findResources('AWS::EC2::Subnet')).map((r) => (r as { Properties: Record<string, unknown> }).Properties);
    expect(subnets.map((p) => p['AvailabilityZoneId'])).toEqual(['euw1-az3', 'euw1-az1', 'euw1-az3', 'euw1-az1']);
    expect(subnets.every((p) => p['AvailabilityZone'] === undefined)).toBe(true);
  });

  it('keeps Fn::GetAZs without IDs or names', () => {
    const { template } = synth(preset('basic'));
    template.hasResourceProperties('AWS::EC2::Subnet', { AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } });
  });
});

describe('partitions', () => {
  it('names interface endpoints cn.com.amazonaws in cn-north-1, as aws-cdk-lib does', () => {
    // aws-cdk-lib 2.276 InterfaceVpcEndpointAwsService: ecr.api, ecr.dkr, ec2, sts, eks are cn.com.amazonaws in
    // cn-north-1; elasticloadbalancing, secretsmanager, ssm, ssmmessages, ec2messages keep com.amazonaws.
    const { template } = synth(preset('basic'), { region: 'cn-north-1', account: '123456789012' });
    expect(serviceNames(template, 'Interface').sort()).toEqual(
      [
        'cn.com.amazonaws.cn-north-1.ec2',
        'cn.com.amazonaws.cn-north-1.ecr.api',
        'cn.com.amazonaws.cn-north-1.ecr.dkr',
        'cn.com.amazonaws.cn-north-1.eks',
        'cn.com.amazonaws.cn-north-1.sts',
        'com.amazonaws.cn-north-1.ec2messages',
        'com.amazonaws.cn-north-1.elasticloadbalancing',
        'com.amazonaws.cn-north-1.secretsmanager',
        'com.amazonaws.cn-north-1.ssm',
        'com.amazonaws.cn-north-1.ssmmessages',
      ].sort(),
    );
    // Gateway endpoints keep com.amazonaws in China (aws-cdk-lib's GatewayVpcEndpointAwsService.S3).
    expect(serviceNames(template, 'Gateway')).toEqual([{ 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] }]);
  });

  it('names them com.amazonaws in eu-west-1', () => {
    const { template } = synth(preset('basic'), { region: 'eu-west-1', account: '123456789012' });
    expect(serviceNames(template, 'Interface')).toContain('com.amazonaws.eu-west-1.ecr.api');
  });
});

describe('existing VPC and the S3 gateway endpoint', () => {
  const existing = withExistingIds(preset('existing-vpc'), () => undefined).spec;

  it('does not create a gateway endpoint that no route table uses, and says so', () => {
    const { template, stack } = synth(existing);
    expect(serviceNames(template, 'Gateway')).toEqual([]);
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('S3 gateway endpoint is NOT created'));
  });

  it('creates it on the route tables given', () => {
    const { template } = synth(existing, undefined, { existingPrivateRouteTableIds: ['rtb-0123456789abcdef0'] });
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway', RouteTableIds: ['rtb-0123456789abcdef0'] });
  });
});

describe('secondary blocks and pod subnets', () => {
  it('associates the secondary block and makes the pod subnets after it, on the private route table', () => {
    const spec = { ...preset('basic'), secondaryCidrs: ['100.64.0.0/16'], podSubnetCidrs: ['100.64.0.0/17', '100.64.128.0/17'] };
    const { template, network, stack } = synth(spec);
    template.hasResourceProperties('AWS::EC2::VPCCidrBlock', { CidrBlock: '100.64.0.0/16' });
    const pods = template.findResources('AWS::EC2::Subnet', { Properties: { CidrBlock: Match.stringLikeRegexp('^100\\.64\\.') } });
    expect(Object.values(pods).map((r) => (r as { DependsOn?: string[] }).DependsOn?.length)).toEqual([1, 1]);
    expect(network.podSubnets).toHaveLength(2);
    template.resourceCountIs('AWS::EC2::SubnetRouteTableAssociation', 6);
    template.hasResourceProperties('AWS::EC2::Subnet', {
      CidrBlock: '100.64.0.0/17',
      Tags: Match.arrayWith([{ Key: 'Name', Value: 'artos-production-pod-subnet-1' }]),
    });
    // Each pod subnet's association names the private route table, not the database one.
    const privateTable = stack.resolve(network.privateRouteTable!.ref) as unknown;
    const associations = Object.values(template.findResources('AWS::EC2::SubnetRouteTableAssociation')).map(
      (r) => (r as { Properties: { SubnetId: unknown; RouteTableId: unknown } }).Properties,
    );
    const podSubnetIds = network.podSubnets.map((s) => JSON.stringify(stack.resolve(s.subnetId)));
    const podTables = associations.filter((a) => podSubnetIds.includes(JSON.stringify(a.SubnetId))).map((a) => a.RouteTableId);
    expect(podTables).toEqual([privateTable, privateTable]);
  });
});

describe('the app in a pinned region', () => {
  it('-c region=cn-north-1 gives the stack that region, so the China service names', async () => {
    const { createArtosApp } = await import('../src/app.js');
    const outdir = mkdtempSync(join(tmpdir(), 'artos-cdk-'));
    outdirs.push(outdir);
    const { stack } = await createArtosApp({ preset: 'basic', nag: false, outdir, context: { region: 'cn-north-1' } });
    expect(serviceNames(Template.fromStack(stack), 'Interface')).toContain('cn.com.amazonaws.cn-north-1.ecr.api');
  });
});
