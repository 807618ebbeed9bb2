import { describe, expect, it } from 'vitest';
import { preset, validateSpec } from '@artos/model';
import { endpointPart, flowLogPart, networkAclPart, networkInterfacePart, routeTablePart, rulesOf, subnetPart, vpcPart } from './aws-model-parts.js';

// Inputs are shaped as the EC2 API Reference documents the Describe answers; expected values
// follow the same reference (cited beside each case), not the code.
const spec = validateSpec(preset('production')).spec!;

describe('EC2 answers as model parts', () => {
  it('VPC: the primary CIDR first, then associated secondary CIDRs, not disassociated ones (Vpc, CidrBlockAssociationSet)', () => {
    const vpc = vpcPart({
      VpcId: 'vpc-1',
      CidrBlock: '10.0.0.0/16',
      CidrBlockAssociationSet: [
        { CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } },
        { CidrBlock: '100.64.0.0/16', CidrBlockState: { State: 'associated' } },
        { CidrBlock: '10.9.0.0/16', CidrBlockState: { State: 'disassociated' } },
      ],
      Tags: [{ Key: 'Name', Value: 'x' }],
    });
    expect(vpc).toEqual({ id: 'vpc-1', cidrs: ['10.0.0.0/16', '100.64.0.0/16'], tags: { Name: 'x' } });
  });

  it('subnet: AZ name and AZ id; tier from the tag, else from the spec CIDR lists, else none', () => {
    expect(subnetPart({ SubnetId: 's-1', CidrBlock: '10.0.10.0/24', AvailabilityZone: 'eu-west-1a', AvailabilityZoneId: 'euw1-az3' }, spec)).toMatchObject({
      availabilityZone: 'eu-west-1a',
      availabilityZoneId: 'euw1-az3',
      tier: 'private',
    });
    expect(subnetPart({ SubnetId: 's-2', CidrBlock: '10.0.100.0/24' }, spec).tier).toBe('database');
    expect(subnetPart({ SubnetId: 's-3', CidrBlock: '10.0.77.0/24', Tags: [{ Key: 'artos:tier', Value: 'database' }] }, spec).tier).toBe('database');
    expect(subnetPart({ SubnetId: 's-4', CidrBlock: '10.0.77.0/24' }, spec).tier).toBeUndefined();
  });

  it('route table: main from an association with Main, explicit subnets, routes by target (Route: GatewayId local / vpce- / igw-, NatGatewayId, State blackhole)', () => {
    const table = routeTablePart({
      RouteTableId: 'rtb-1',
      Associations: [{ Main: true }, { SubnetId: 'subnet-a', Main: false }],
      Routes: [
        { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
        { DestinationPrefixListId: 'pl-6da54004', GatewayId: 'vpce-1', State: 'active' },
        { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
        { DestinationCidrBlock: '192.168.0.0/16', NatGatewayId: 'nat-1', State: 'blackhole' },
      ],
    });
    expect(table.main).toBe(true);
    expect(table.subnetIds).toEqual(['subnet-a']);
    expect(table.routes).toEqual([
      { destination: { kind: 'cidr', cidr: '10.0.0.0/16' }, target: { kind: 'local' }, state: 'active' },
      { destination: { kind: 'prefix-list', prefixListId: 'pl-6da54004' }, target: { kind: 'gateway-endpoint', endpointId: 'vpce-1' }, state: 'active' },
      { destination: { kind: 'cidr', cidr: '0.0.0.0/0' }, target: { kind: 'internet-gateway', id: 'igw-1' }, state: 'active' },
      { destination: { kind: 'cidr', cidr: '192.168.0.0/16' }, target: { kind: 'nat-gateway', id: 'nat-1' }, state: 'blackhole' },
    ]);
  });

  it('network ACL: numbered entries, protocol "-1" as all, port ranges only where given (NetworkAclEntry)', () => {
    const acl = networkAclPart({
      NetworkAclId: 'acl-1',
      IsDefault: false,
      Associations: [{ SubnetId: 'subnet-a' }],
      Entries: [
        { RuleNumber: 100, Egress: false, Protocol: '6', RuleAction: 'allow', CidrBlock: '10.0.0.0/16', PortRange: { From: 5432, To: 5432 } },
        { RuleNumber: 32767, Egress: false, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
      ],
    });
    expect(acl).toEqual({
      id: 'acl-1',
      isDefault: false,
      subnetIds: ['subnet-a'],
      entries: [
        { ruleNumber: 100, egress: false, protocol: 6, action: 'allow', cidr: '10.0.0.0/16', ports: { from: 5432, to: 5432 } },
        { ruleNumber: 32767, egress: false, protocol: -1, action: 'deny', cidr: '0.0.0.0/0', ports: undefined },
      ],
    });
  });

  it("rules: one per peer of a permission (IpRanges, Ipv6Ranges, UserIdGroupPairs, PrefixListIds); -1 covers all ports; CDK's no-traffic placeholder is dropped", () => {
    const rules = rulesOf(
      [
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          IpRanges: [{ CidrIp: '10.0.0.0/16' }],
          Ipv6Ranges: [{ CidrIpv6: '::/0' }],
          UserIdGroupPairs: [{ GroupId: 'sg-1' }],
          PrefixListIds: [{ PrefixListId: 'pl-1' }],
        },
        { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        { IpProtocol: 'icmp', FromPort: 252, ToPort: 86, IpRanges: [{ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' }] },
      ],
      'egress',
    );
    expect(rules.map((r) => [r.protocol, r.fromPort, r.toPort, r.peer])).toEqual([
      [6, 443, 443, { kind: 'cidr', cidr: '10.0.0.0/16' }],
      [6, 443, 443, { kind: 'cidr', cidr: '::/0' }],
      [6, 443, 443, { kind: 'group', groupId: 'sg-1' }],
      [6, 443, 443, { kind: 'prefix-list', prefixListId: 'pl-1' }],
      [-1, 0, 65535, { kind: 'cidr', cidr: '0.0.0.0/0' }],
    ]);
  });

  it('interface: primary address first, then the secondary ones, and its groups (NetworkInterface)', () => {
    const eni = networkInterfacePart({
      NetworkInterfaceId: 'eni-1',
      SubnetId: 'subnet-a',
      PrivateIpAddress: '10.0.10.5',
      PrivateIpAddresses: [{ PrivateIpAddress: '10.0.10.9' }, { PrivateIpAddress: '10.0.10.5', Primary: true }],
      Groups: [{ GroupId: 'sg-1' }],
      Description: 'node',
    });
    expect(eni).toEqual({ id: 'eni-1', subnetId: 'subnet-a', addresses: ['10.0.10.5', '10.0.10.9'], groupIds: ['sg-1'], description: 'node', planned: false });
  });

  it('endpoint: a deleted one is not there; states are compared in lower case as EC2 sends them', () => {
    expect(endpointPart({ VpcEndpointId: 'vpce-1', ServiceName: 'com.amazonaws.eu-west-1.sts', State: 'deleted' as never })).toBeUndefined();
    expect(
      endpointPart({
        VpcEndpointId: 'vpce-2',
        ServiceName: 'com.amazonaws.eu-west-1.ecr.api',
        VpcEndpointType: 'Interface',
        State: 'Available',
        PrivateDnsEnabled: true,
      }),
    ).toMatchObject({ service: 'ecr.api', state: 'available', privateDns: true });
  });

  it('flow log: the default format is no custom format (Flow log records, Default format)', () => {
    const fields =
      '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}';
    expect(flowLogPart({ FlowLogId: 'fl-1', LogFormat: fields }).logFormat).toBeUndefined();
    expect(flowLogPart({ FlowLogId: 'fl-1', LogFormat: '${srcaddr} ${dstaddr} ${flow-direction}' }).logFormat).toBe('${srcaddr} ${dstaddr} ${flow-direction}');
  });

  it('flow log: the delivery status and its error (FlowLog: DeliverLogsStatus, DeliverLogsErrorMessage)', () => {
    expect(flowLogPart({ FlowLogId: 'fl-1', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'FAILED', DeliverLogsErrorMessage: 'Rate limited' })).toMatchObject({
      status: 'ACTIVE',
      deliveryStatus: 'FAILED',
      deliveryError: 'Rate limited',
    });
    expect(flowLogPart({ FlowLogId: 'fl-1' })).not.toHaveProperty('deliveryStatus');
  });
});
