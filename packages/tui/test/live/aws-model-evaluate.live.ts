import { describe, expect, it } from 'vitest';
import { evaluateFlow, preset, validateSpec } from '@artos/model';
import { modelFromAws } from '../../src/providers/aws-model.js';
import { freshNetwork, REGION, useMoto } from './live-network.js';
import { DATABASE_ADDRESS, NODE_ADDRESS, physicalId, type DeployedNetwork } from './deploy-production.js';
import { RevokeSecurityGroupEgressCommand } from '@aws-sdk/client-ec2';
import { removeRds5432Ingress, routeDatabaseTableToInternet } from './mutations.js';

// The evaluator on the model read from the emulator: the answer must follow what is deployed.
// The stand-in node (10.0.10.50, nodes group) and database (10.0.100.20, rds group) interfaces
// come from deploy-production.ts; the rules from the synthesized template.
const live = useMoto();
const spec = validateSpec(preset('production')).spec!;
const modelOf = (net: DeployedNetwork) => modelFromAws({ ec2: net.clients.ec2, logs: net.clients.logs, spec, region: REGION });
const nodeToDatabase = { source: { address: NODE_ADDRESS }, destination: { address: DATABASE_ADDRESS }, protocol: 6, port: 5432 } as const;

describe('evaluateFlow on the live model', () => {
  it('admits a node to the database on 5432: nodes egress to the VPC CIDR, rds ingress from the nodes group, the local route', async () => {
    const model = await modelOf(await freshNetwork(live()));
    const verdict = evaluateFlow(model, nodeToDatabase);
    expect(verdict.decision, verdict.summary).toBe('admitted');
    expect(verdict.action).toBe('ACCEPT');
  });

  it('blocks it at the rds group once the 5432 rule is revoked, naming the group', async () => {
    const net = await freshNetwork(live());
    await removeRds5432Ingress(net);
    const verdict = evaluateFlow(await modelOf(net), nodeToDatabase);
    expect(verdict.decision).toBe('blocked');
    expect(verdict.blocking.map((h) => [h.step, h.resourceId])).toEqual([['destination-security-group', physicalId(net.physical, 'NetworkRdsSecurityGroup')]]);
  });

  it('a route to the internet on the database table leaves node-to-database traffic on the local route', async () => {
    // The most specific route wins, and the VPC's local route covers 10.0.0.0/16 (Amazon VPC
    // User Guide, "Route priority").
    const net = await freshNetwork(live());
    await routeDatabaseTableToInternet(net);
    expect(evaluateFlow(await modelOf(net), nodeToDatabase).decision).toBe('admitted');
  });

  it('admits a node to an S3 address on 443 through the gateway endpoint; with the seed-exact egress (VPC CIDR only) the nodes group blocks it', async () => {
    // Amazon S3 gateway endpoints: the route goes to the region's S3 prefix list, and the
    // security group must allow egress to it (Amazon VPC User Guide, "Gateway endpoints for
    // Amazon S3"). The address is the first one of the emulator's S3 list's first entry.
    const net = await freshNetwork(live());
    const model = await modelOf(net);
    const s3List = model.prefixLists.find((p) => p.name === `com.amazonaws.${REGION}.s3`)!;
    const s3Address = s3List.cidrs![0]!.split('/')[0]!;
    const toS3 = { source: { address: NODE_ADDRESS }, destination: { address: s3Address }, protocol: 6, port: 443 } as const;
    const admitted = evaluateFlow(model, toS3);
    expect(admitted.decision, admitted.summary).toBe('admitted');
    const route = admitted.hops.find((h) => h.step === 'route')!;
    expect(route.status).toBe('pass');
    expect(route.rule).toContain(model.endpoints.find((e) => e.service === 's3')!.id);

    const nodes = physicalId(net.physical, 'NetworkEksNodesSecurityGroup');
    await net.clients.ec2.send(
      new RevokeSecurityGroupEgressCommand({
        GroupId: nodes,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: s3List.id }] }],
      }),
    );
    const blocked = evaluateFlow(await modelOf(net), toS3);
    expect(blocked.decision).toBe('blocked');
    expect(blocked.blocking.map((h) => [h.step, h.resourceId])).toEqual([['source-security-group', nodes]]);
  });
});
