import { describe, expect, it } from 'vitest';
import { assertValidSpec, type ModelRule, type NetworkModel } from '@artos/model';
import type { ResultRow } from '@artos/flowlog-analyzer';
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
import { rdsAdmitsNodes } from './rds-admits-nodes.js';
import { nodesEgressDatabase } from './nodes-egress-database.js';
import { databaseRouteTableIsolated } from './database-route-table-isolated.js';
import { recentPostgresRejects } from './recent-postgres-rejects.js';
import { bastionInAdditionalGroups } from './bastion-in-additional-groups.js';
import { clusterAdmitsBastion } from './cluster-admits-bastion.js';

// The checks of the "RDS connection failures" and "Bastion cannot reach the EKS API" workflows:
// each passes on the planned production network, fails on the edit it names, and answers
// *unknown* (naming the denied call) when a part it needs could not be read.

const planned = plannedModel();
const natRoute = { destination: { kind: 'cidr', cidr: '0.0.0.0/0' }, target: { kind: 'nat-gateway', id: 'nat-0123456789abcdef0' }, state: 'active' } as const;

describe('rds-admits-nodes', () => {
  it('passes when the RDS group admits 5432 from the nodes group, and nothing else', async () => {
    const step = await runCheck(rdsAdmitsNodes, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(said(step)).toContain('"PostgreSQL from application pods"');
  });

  it('fails when the RDS group lacks the 5432 rule from the nodes group', async () => {
    const model = withGroup(planned, 'rds', (g) => ({ ...g, ingress: g.ingress.filter((r) => !covers(r, 5432)) }));
    const step = await runCheck(rdsAdmitsNodes, contextOf(model));
    expect(step.status).toBe('fail');
    expect(step.evidence[0]).toContain('has no ingress rule for tcp 5432');
    expect(step.fix?.command).toContain('--group-ids planned-rds-sg');
  });

  it('warns when another peer is admitted on 5432 as well (the seed admits the nodes group only)', async () => {
    const vpcWide: ModelRule = {
      catalogId: undefined,
      direction: 'ingress',
      protocol: 6,
      fromPort: 5432,
      toPort: 5432,
      peer: { kind: 'cidr', cidr: '10.0.0.0/16' },
      description: 'by hand',
    };
    const step = await runCheck(rdsAdmitsNodes, contextOf(withGroup(planned, 'rds', (g) => ({ ...g, ingress: [...g.ingress, vpcWide] }))));
    expect(step.status).toBe('warn');
    expect(said(step)).toContain('also: tcp 5432 from 10.0.0.0/16');
  });

  unknownWhenDenied(rdsAdmitsNodes, ['security-groups', 'subnets'], () => contextOf(planned));
});

describe('nodes-egress-database', () => {
  it("passes when the nodes' egress lets 5432 out to every database subnet", async () => {
    const step = await runCheck(nodesEgressDatabase, contextOf(planned));
    expect(step.status).toBe('pass');
  });

  it("fails when the nodes' egress is HTTPS to S3 only", async () => {
    const model = withGroup(planned, 'eks-nodes', (g) => ({ ...g, egress: g.egress.filter((r) => r.peer.kind === 'prefix-list') }));
    const step = await runCheck(nodesEgressDatabase, contextOf(model));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual(Array(3).fill('eks-nodes (planned-eks-nodes-sg) has no egress rule for tcp 5432')); // one per database subnet
    expect(step.fix?.command).toContain('--group-ids planned-eks-nodes-sg');
  });

  unknownWhenDenied(nodesEgressDatabase, ['security-groups', 'subnets'], () => contextOf(planned));
});

describe('database-route-table-isolated', () => {
  it('passes when the database route table holds the local route only', async () => {
    const step = await runCheck(databaseRouteTableIsolated, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(said(step)).toContain('planned-database-subnet-1 → planned-database-rt: local route only');
  });

  it('fails a route to a NAT gateway on the database table', async () => {
    const model = withTable(planned, 'planned-database-rt', (t) => ({ ...t, routes: [...t.routes, natRoute] }));
    const step = await runCheck(databaseRouteTableIsolated, contextOf(model));
    expect(step.status).toBe('fail');
    expect(said(step)).toContain('planned-database-subnet-1 → planned-database-rt: 0.0.0.0/0 → NAT gateway nat-0123456789abcdef0');
    expect(step.fix?.command).toContain('--route-table-ids planned-database-rt');
  });

  it('fails a database subnet that falls back to a main table with a route out', async () => {
    // AWS, "Subnet route tables" (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-route-tables.html):
    // a subnet without an explicit association uses the main route table.
    let model = withTable(planned, 'planned-database-rt', (t) => ({ ...t, subnetIds: t.subnetIds.filter((id) => id !== 'planned-database-subnet-3') }));
    model = withTable(model, 'planned-main-rt', (t) => ({ ...t, routes: [...t.routes, natRoute] }));
    const step = await runCheck(databaseRouteTableIsolated, contextOf(model));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual(['planned-database-subnet-3 → planned-main-rt (main, implicit): 0.0.0.0/0 → NAT gateway nat-0123456789abcdef0']);
  });

  it('is unknown when the route tables of existing database subnets are not known', async () => {
    const existing = assertValidSpec({
      ...productionSpec,
      vpcId: 'vpc-0123456789abcdef0',
      privateSubnetIds: ['subnet-0a000000000000001', 'subnet-0a000000000000002', 'subnet-0a000000000000003'],
      databaseSubnetIds: ['subnet-0b000000000000001', 'subnet-0b000000000000002', 'subnet-0b000000000000003'],
    });
    const step = await runCheck(databaseRouteTableIsolated, contextOf(plannedModel(existing), { spec: existing }));
    expect(step.status).toBe('unknown');
  });

  it('is unknown, not passed, when only some database subnets have a known table', async () => {
    // Three database subnets, one of them outside every known table and no main table known.
    const model: NetworkModel = {
      ...planned,
      routeTables: planned.routeTables.filter((t) => !t.main).map((t) => (t.id === 'planned-database-rt' ? { ...t, subnetIds: t.subnetIds.slice(0, 2) } : t)),
    };
    const step = await runCheck(databaseRouteTableIsolated, contextOf(model));
    expect(step.status).toBe('unknown');
    expect(said(step)).toContain('planned-database-subnet-3: its route table is not known');
  });

  unknownWhenDenied(databaseRouteTableIsolated, ['route-tables', 'subnets'], () => contextOf(planned));
});

describe('recent-postgres-rejects', () => {
  const queries: string[] = [];
  const flowLogs = (rows: readonly ResultRow[]) => async (query: string) => {
    queries.push(query);
    return rows;
  };

  it('passes when the flow logs hold no REJECT on 5432', async () => {
    const step = await runCheck(recentPostgresRejects, contextOf(planned, { flowLogQuery: flowLogs([]) }));
    expect(step.status).toBe('pass');
    expect(queries.at(-1)).toMatch(/5432/);
    expect(queries.at(-1)).toMatch(/REJECT/);
  });

  it('fails with each rejected client explained by the rule that decides', async () => {
    const step = await runCheck(
      recentPostgresRejects,
      contextOf(planned, { flowLogQuery: flowLogs([{ srcAddr: '10.0.10.77', dstAddr: '10.0.100.20', rejects: '3' }]) }),
    );
    expect(step.status).toBe('fail');
    expect(step.evidence[0]).toMatch(/^3× 10\.0\.10\.77 .*→ 10\.0\.100\.20:5432 .*"PostgreSQL from application pods"/);
  });

  it('is skipped without flow logs, never passed', async () => {
    expect((await runCheck(recentPostgresRejects, contextOf(planned))).status).toBe('skipped');
  });

  it('is unknown when the flow-log query fails', async () => {
    const broken = async () => {
      throw new Error('AccessDeniedException: logs:StartQuery');
    };
    const step = await runCheck(recentPostgresRejects, contextOf(planned, { flowLogQuery: broken }));
    expect(step.status).toBe('unknown');
    expect(said(step)).toContain('logs:StartQuery');
  });

  unknownWhenDenied(recentPostgresRejects, ['log-group'], () =>
    contextOf(planned, { flowLogQuery: flowLogs([{ srcAddr: '10.0.10.77', dstAddr: '10.0.100.20', rejects: '3' }]) }),
  );
});

describe('bastion-in-additional-groups', () => {
  const bastion = productionSpec.bastionSecurityGroupId!;

  it('passes when the bastion group is among additionalSecurityGroupIds', async () => {
    const step = await runCheck(bastionInAdditionalGroups, contextOf(planned));
    expect(step).toMatchObject({ status: 'pass', evidence: [`${bastion} is in additionalSecurityGroupIds`] });
  });

  it('fails when the bastion group is not among them', async () => {
    const spec = { ...productionSpec, additionalSecurityGroupIds: [] };
    const step = await runCheck(bastionInAdditionalGroups, contextOf(plannedModel(spec), { spec }));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual([`${bastion} is the bastion group but not in additionalSecurityGroupIds (empty)`]);
    expect(step.fix?.change).toBe(`add it in the spec: additionalSecurityGroupIds: ["${bastion}"]`);
  });

  it('reads the spec only: a denied network call leaves its answer alone', async () => {
    expect((await runCheck(bastionInAdditionalGroups, contextOf(denied(planned, 'security-groups')))).status).toBe('pass');
  });

  it('is unknown, naming the call, when the network itself could not be found', async () => {
    const step = await runCheck(bastionInAdditionalGroups, contextOf(denied(planned, 'vpc')));
    expect(step.status).toBe('unknown');
    expect(said(step)).toContain('ec2:DescribeVpcs: the credentials lack ec2:DescribeVpcs');
  });
});

describe('cluster-admits-bastion', () => {
  const bastion = productionSpec.bastionSecurityGroupId!;
  const fromBastion = (r: ModelRule) => r.peer.kind === 'group' && r.peer.groupId === bastion;

  it('passes when the cluster group admits 443 from the bastion group', async () => {
    const step = await runCheck(clusterAdmitsBastion, contextOf(planned));
    expect(step.status).toBe('pass');
    expect(said(step)).toContain('HTTPS from bastion/other resources');
  });

  it('fails when the cluster group lacks the rule from the bastion group', async () => {
    // AWS re:Post knowledge center, "How do I lock down API access to specific IP addresses in my
    // Amazon EKS cluster?" (https://repost.aws/knowledge-center/eks-lock-api-access-IP-addresses):
    // the private API endpoint is reached only from within the VPC, and the cluster security groups
    // decide who within it; kubectl talks to the API server on HTTPS (443).
    // The bastion sits in the VPC: both the rule naming its group and "HTTPS from all VPC resources" admit it.
    const model = withGroup(planned, 'eks-cluster', (g) => ({ ...g, ingress: g.ingress.filter((r) => !fromBastion(r) && r.peer.kind !== 'cidr') }));
    expect(planned.securityGroups.find((g) => g.role === 'eks-cluster')!.ingress.some(fromBastion)).toBe(true);
    const step = await runCheck(clusterAdmitsBastion, contextOf(model));
    expect(step.status).toBe('fail');
    expect(step.fix?.change).toContain(`add ${bastion} to additionalSecurityGroupIds`);
    expect(step.fix?.command).toContain('--group-ids planned-eks-cluster-sg');
  });

  it('is skipped on a network without a bastion', async () => {
    const spec = assertValidSpec({ ...productionSpec, bastionSecurityGroupId: undefined, additionalSecurityGroupIds: [] });
    expect((await runCheck(clusterAdmitsBastion, contextOf(plannedModel(spec), { spec }))).status).toBe('skipped');
  });

  unknownWhenDenied(clusterAdmitsBastion, ['security-groups', 'subnets'], () => contextOf(planned));
});
