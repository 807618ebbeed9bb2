import { describe, expect, it } from 'vitest';
import { preset, validateSpec } from '@artos/model';
import { DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { modelFromAws } from '../../src/providers/aws-model.js';
import { endpointAddressesOf } from '../../src/providers/endpoint-addresses.js';
import { freshNetwork, REGION, useMoto } from './live-network.js';
import { DATABASE_ADDRESS, NODE_ADDRESS, physicalId } from './deploy-production.js';
import { createSecondTaggedVpc, openNodesSshToTheWorld } from './mutations.js';
import { readOnlyUserWithout } from './read-only-user.js';
import { testClients } from './aws-test-clients.js';
import type { DeployedNetwork } from './deploy-production.js';

// The live provider of the network model (src/providers/aws-model.ts) against the production
// network deployed into moto. Expected values come from the synthesized template
// (test/fixtures/production.template.json) and from the EC2 API Reference, not from the provider.
const live = useMoto();
const spec = validateSpec(preset('production')).spec!;
const modelOf = (net: DeployedNetwork, clients = net.clients, vpcId?: string) =>
  modelFromAws({ ec2: clients.ec2, logs: clients.logs, spec, region: REGION, ...(vpcId ? { vpcId } : {}) });

describe('modelFromAws against moto', () => {
  it('reads the VPC, subnets with AZ ids, route tables with associations and the main table, the default NACL', async () => {
    const net = await freshNetwork(live());
    const model = await modelOf(net);
    expect(model.problems).toEqual([]);
    expect(model.vpc).toMatchObject({ id: net.vpcId, cidrs: ['10.0.0.0/16'] });
    // Template: private 10.0.10/20/30.0/24, database 10.0.100/200/210.0/24, one per AZ.
    const byTier = (tier: string) =>
      model.subnets
        .filter((s) => s.tier === tier)
        .map((s) => s.cidr)
        .sort();
    expect(byTier('private')).toEqual(['10.0.10.0/24', '10.0.20.0/24', '10.0.30.0/24']);
    expect(byTier('database')).toEqual(['10.0.100.0/24', '10.0.200.0/24', '10.0.210.0/24']);
    for (const s of model.subnets) {
      expect(s.availabilityZone).toMatch(/^eu-west-1[a-c]$/);
      expect(s.availabilityZoneId).toBeTruthy();
    }
    const privateTable = physicalId(net.physical, 'NetworkPrivateRouteTable');
    const databaseTable = physicalId(net.physical, 'NetworkDatabaseRouteTable');
    // Every VPC comes with a main route table (Amazon VPC User Guide, "Configure route tables").
    const main = model.routeTables.filter((t) => t.main);
    expect(main).toHaveLength(1);
    expect(main[0]!.subnetIds).toEqual([]);
    const subnetsOf = (tier: string) =>
      model.subnets
        .filter((s) => s.tier === tier)
        .map((s) => s.id)
        .sort();
    expect([...model.routeTables.find((t) => t.id === privateTable)!.subnetIds].sort()).toEqual(subnetsOf('private'));
    expect([...model.routeTables.find((t) => t.id === databaseTable)!.subnetIds].sort()).toEqual(subnetsOf('database'));
    const s3 = model.endpoints.find((e) => e.service === 's3')!;
    expect(model.routeTables.find((t) => t.id === privateTable)!.routes).toEqual([
      { destination: { kind: 'cidr', cidr: '10.0.0.0/16' }, target: { kind: 'local' }, state: 'active' },
      {
        destination: { kind: 'prefix-list', prefixListId: expect.stringMatching(/^pl-/) },
        target: { kind: 'gateway-endpoint', endpointId: s3.id },
        state: 'active',
      },
    ]);
    expect(model.routeTables.find((t) => t.id === databaseTable)!.routes).toEqual([
      { destination: { kind: 'cidr', cidr: '10.0.0.0/16' }, target: { kind: 'local' }, state: 'active' },
    ]);
    // The default network ACL: rule 100 allows all, the final * rule (32767) denies, each way,
    // and every subnet without another ACL uses it (Amazon VPC User Guide, "Default network ACL").
    expect(model.networkAcls).toHaveLength(1);
    const acl = model.networkAcls[0]!;
    expect(acl.isDefault).toBe(true);
    expect([...acl.subnetIds].sort()).toEqual(model.subnets.map((s) => s.id).sort());
    expect([...acl.entries].sort((a, b) => Number(a.egress) - Number(b.egress) || a.ruleNumber - b.ruleNumber)).toEqual([
      { ruleNumber: 100, egress: false, protocol: -1, action: 'allow', cidr: '0.0.0.0/0', ports: undefined },
      { ruleNumber: 32767, egress: false, protocol: -1, action: 'deny', cidr: '0.0.0.0/0', ports: undefined },
      { ruleNumber: 100, egress: true, protocol: -1, action: 'allow', cidr: '0.0.0.0/0', ports: undefined },
      { ruleNumber: 32767, egress: true, protocol: -1, action: 'deny', cidr: '0.0.0.0/0', ports: undefined },
    ]);
  });

  it('reads the groups with CIDR and group peers, the interfaces, endpoints, the S3 prefix list, flow log and log group', async () => {
    const net = await freshNetwork(live());
    const model = await modelOf(net);
    const nodes = physicalId(net.physical, 'NetworkEksNodesSecurityGroup');
    const rds = physicalId(net.physical, 'NetworkRdsSecurityGroup');
    const group = (id: string) => model.securityGroups.find((g) => g.id === id)!;
    // Template: rds admits tcp 5432 from the nodes group; its only egress is CDK's no-traffic placeholder.
    expect(group(rds)).toMatchObject({ role: 'rds', egress: [] });
    expect(group(rds).ingress.map((r) => [r.protocol, r.fromPort, r.toPort, r.peer])).toEqual([[6, 5432, 5432, { kind: 'group', groupId: nodes }]]);
    // Template: the nodes' egress is all traffic (-1) to the VPC CIDR, and tcp 443 to the S3
    // prefix list (an AWS::EC2::SecurityGroupEgress whose list id a deploy-time lookup gives).
    const s3List = model.prefixLists.find((p) => p.name === `com.amazonaws.${REGION}.s3`)!;
    expect(group(nodes).egress.map((r) => [r.protocol, r.fromPort, r.toPort, r.peer])).toEqual([
      [-1, 0, 65535, { kind: 'cidr', cidr: '10.0.0.0/16' }],
      [6, 443, 443, { kind: 'prefix-list', prefixListId: s3List.id }],
    ]);
    // The stand-in workloads map their addresses to subnets and groups.
    const node = model.networkInterfaces.find((i) => i.addresses.includes(NODE_ADDRESS))!;
    expect(node).toMatchObject({ subnetId: physicalId(net.physical, 'NetworkPrivateSubnet1'), groupIds: [nodes], planned: false });
    expect(model.networkInterfaces.find((i) => i.addresses.includes(DATABASE_ADDRESS))!.groupIds).toEqual([rds]);
    // Template: S3 gateway endpoint on the private table, ten interface endpoints with private DNS.
    expect(model.endpoints.map((e) => e.service).sort()).toEqual([
      'ec2',
      'ec2messages',
      'ecr.api',
      'ecr.dkr',
      'eks',
      'elasticloadbalancing',
      's3',
      'secretsmanager',
      'ssm',
      'ssmmessages',
      'sts',
    ]);
    expect(model.endpoints.filter((e) => e.type === 'Interface').every((e) => e.privateDns && e.state === 'available')).toBe(true);
    const s3 = model.endpoints.find((e) => e.service === 's3')!;
    expect(s3.routeTableIds).toEqual([physicalId(net.physical, 'NetworkPrivateRouteTable')]);
    // The gateway route's prefix list is the region's S3 list, read with its entries.
    const route = model.routeTables.flatMap((t) => t.routes).find((r) => r.destination.kind === 'prefix-list')!;
    const list = model.prefixLists.find((p) => route.destination.kind === 'prefix-list' && p.id === route.destination.prefixListId)!;
    expect(list).toMatchObject({ name: `com.amazonaws.${REGION}.s3`, service: 's3' });
    expect(list.cidrs!.length).toBeGreaterThan(0);
    // Template: flow log of ALL traffic, 60-second aggregation, default format; group with 14-day retention.
    expect(model.flowLogs).toEqual([
      {
        id: expect.stringMatching(/^fl-/),
        status: 'ACTIVE',
        trafficType: 'ALL',
        logGroupName: `/vpc/${net.vpcId}/flow-logs`,
        maxAggregationIntervalSeconds: 60,
        logFormat: undefined,
        // FlowLog (EC2 API Reference): DeliverLogsStatus SUCCESS | FAILED.
        deliveryStatus: 'SUCCESS',
      },
    ]);
    expect(model.logGroup).toEqual({ name: `/vpc/${net.vpcId}/flow-logs`, retentionDays: 14, recentEvents: 1 });
  });

  it("the interface endpoints' ENIs, from DescribeVpcEndpoints: the addresses the endpoint-usage query filters on", async () => {
    const net = await freshNetwork(live());
    const model = await modelOf(net);
    const interfaceEndpoints = model.endpoints.filter((e) => e.type === 'Interface');
    // One ENI per interface endpoint and subnet (AWS PrivateLink, "Access an AWS service using an
    // interface VPC endpoint": "we create an endpoint network interface in each subnet that you enable").
    expect(interfaceEndpoints).toHaveLength(10);
    for (const e of interfaceEndpoints) expect(e.networkInterfaceIds).toHaveLength(e.subnetIds.length);
    const ids = new Set(interfaceEndpoints.flatMap((e) => e.networkInterfaceIds ?? []));
    const read = await net.clients.ec2.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [...ids] }));
    const expected = (read.NetworkInterfaces ?? []).map((i) => i.PrivateIpAddress!).sort();
    expect(expected).toHaveLength(30);
    expect(endpointAddressesOf(model).sort()).toEqual(expected);
  });

  it('an ingress from 0.0.0.0/0 on port 22 shows in the nodes group', async () => {
    const net = await freshNetwork(live());
    const broken = await openNodesSshToTheWorld(net);
    const model = await modelOf(net);
    const ingress = model.securityGroups.find((g) => g.id === broken.objectId)!.ingress;
    expect(ingress.filter((r) => r.peer.kind === 'cidr' && r.peer.cidr === '0.0.0.0/0').map((r) => [r.protocol, r.fromPort, r.toPort])).toEqual([[6, 22, 22]]);
  });

  it('several tagged VPCs: a fatal problem listing them, with --vpc-id as the fix; with the id, the model', async () => {
    const net = await freshNetwork(live());
    const copy = await createSecondTaggedVpc(net);
    const model = await modelOf(net);
    expect(model.vpc).toBeUndefined();
    expect(model.problems).toHaveLength(1);
    expect(model.problems[0]).toMatchObject({ part: 'vpc', action: 'ec2:DescribeVpcs', fatal: true });
    expect(model.problems[0]!.detail).toContain(net.vpcId);
    expect(model.problems[0]!.detail).toContain(copy.objectId);
    expect(model.problems[0]!.fix).toContain('--vpc-id');
    expect((await modelOf(net, net.clients, net.vpcId)).vpc?.id).toBe(net.vpcId);
  });

  it('a denied Describe call: that part is a problem naming the permission, not an empty "nothing there"', async () => {
    const net = await freshNetwork(live());
    const keys = await readOnlyUserWithout(net.clients, ['ec2:DescribeVpcEndpoints']);
    await live().moto.enforceIam(true);
    try {
      const clients = testClients(live().moto.url, REGION, keys);
      const model = await modelOf(net, clients);
      expect(model.problems.map((p) => [p.part, p.action, p.fatal])).toEqual([['endpoints', 'ec2:DescribeVpcEndpoints', false]]);
      expect(model.problems[0]!.detail).toContain('access denied');
      expect(model.securityGroups.length).toBeGreaterThan(0);
    } finally {
      await live().moto.enforceIam(false);
    }
  });
});
