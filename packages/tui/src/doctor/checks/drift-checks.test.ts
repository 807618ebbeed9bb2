import { describe, expect, it } from 'vitest';
import type { NetworkModel } from '@artos/model';
import { contextOf, denied, plannedModel, runCheck, said, templateModel, unknownWhenDenied } from '../../../test/support/doctor-contexts.js';
import { driftSecurityGroups } from './drift-security-groups.js';
import { driftRoutes } from './drift-routes.js';
import { driftEndpoints } from './drift-endpoints.js';
import { driftFlowLogs } from './drift-flow-logs.js';
import { driftNetworkAcls } from './drift-network-acls.js';

// The drift workflow: the synthesized production template against the plan of the same spec.
// Each check passes on the template as synthesized, fails (or warns) on the edit it names, is
// skipped when the spec is the model, and answers *unknown* when a part it needs could not be read.

const deployed = templateModel();
const findId = (model: NetworkModel, predicate: (id: string) => boolean, ids: (m: NetworkModel) => string[]) => ids(model).find(predicate)!;
const databaseTable = findId(
  deployed,
  (id) => id.startsWith('NetworkDatabaseRouteTable'),
  (m) => m.routeTables.map((t) => t.id),
);
const natRoute = { destination: { kind: 'cidr', cidr: '0.0.0.0/0' }, target: { kind: 'nat-gateway', id: 'nat-0123456789abcdef0' }, state: 'active' } as const;

describe('drift-security-groups', () => {
  it('passes when every catalog group carries the planned rules', async () => {
    const step = await runCheck(driftSecurityGroups, contextOf(deployed));
    expect(step.status).toBe('pass');
  });

  it('fails naming the rule removed by hand and the rule added by hand', async () => {
    const model: NetworkModel = {
      ...deployed,
      securityGroups: deployed.securityGroups.map((g) =>
        g.role === 'rds'
          ? {
              ...g,
              ingress: g.ingress.filter((r) => r.fromPort !== 5432),
              egress: [
                ...g.egress,
                {
                  catalogId: undefined,
                  direction: 'egress',
                  protocol: 6,
                  fromPort: 25,
                  toPort: 25,
                  peer: { kind: 'cidr', cidr: '0.0.0.0/0' },
                  description: undefined,
                },
              ],
            }
          : g,
      ),
    };
    const step = await runCheck(driftSecurityGroups, contextOf(model));
    expect(step.status).toBe('fail');
    expect(step.evidence).toContainEqual(expect.stringMatching(/^rds \(.*\) missing: ingress tcp 5432 from group eks-nodes$/));
    expect(step.evidence).toContainEqual(expect.stringMatching(/^rds \(.*\) extra: egress tcp 25 to 0\.0\.0\.0\/0$/));
  });

  it('fails a catalog group that is gone', async () => {
    const step = await runCheck(
      driftSecurityGroups,
      contextOf({ ...deployed, securityGroups: deployed.securityGroups.filter((g) => g.role !== 'alb-frontend') }),
    );
    expect(step.evidence).toContain('alb-frontend: missing (no group tagged artos:role=alb-frontend)');
  });

  it('is skipped when the model is the spec itself', async () => {
    expect((await runCheck(driftSecurityGroups, contextOf(plannedModel()))).status).toBe('skipped');
  });

  unknownWhenDenied(driftSecurityGroups, ['security-groups'], () => contextOf(deployed));

  it('is unknown, not drift, when the prefix lists cannot be read (a rule to S3 is then known by id only)', async () => {
    const step = await runCheck(driftSecurityGroups, contextOf(denied(deployed, 'prefix-lists')));
    expect(step.status).toBe('unknown');
    expect(said(step)).toContain('ec2:DescribeManagedPrefixLists');
  });

  it('still answers when only the entries of a named prefix list could not be read', async () => {
    const step = await runCheck(driftSecurityGroups, contextOf({ ...denied(deployed, 'prefix-lists'), prefixLists: deployed.prefixLists }));
    expect(step.status).toBe('pass');
  });
});

describe('drift-routes', () => {
  it('passes when each tier routes as planned', async () => {
    const step = await runCheck(driftRoutes, contextOf(deployed));
    expect(step).toMatchObject({ status: 'pass', evidence: ['every tier routes as planned'] });
  });

  it('fails a route added to the database tier and the S3 route taken from the private tier', async () => {
    const model: NetworkModel = {
      ...deployed,
      routeTables: deployed.routeTables.map((t) =>
        t.id === databaseTable ? { ...t, routes: [...t.routes, natRoute] } : { ...t, routes: t.routes.filter((r) => r.target.kind !== 'gateway-endpoint') },
      ),
    };
    const step = await runCheck(driftRoutes, contextOf(model));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual([
      'private subnets missing route: prefix list s3 → gateway endpoint s3',
      'database subnets extra route: 0.0.0.0/0 → NAT gateway nat-0123456789abcdef0',
    ]);
  });

  it('is skipped when the model is the spec itself', async () => {
    expect((await runCheck(driftRoutes, contextOf(plannedModel()))).status).toBe('skipped');
  });

  unknownWhenDenied(driftRoutes, ['route-tables', 'subnets', 'endpoints'], () => contextOf(deployed));

  it('is unknown, not drift, when the prefix lists cannot be read (the S3 route is then known by id only)', async () => {
    const step = await runCheck(driftRoutes, contextOf(denied(deployed, 'prefix-lists')));
    expect(step.status).toBe('unknown');
  });
});

describe('drift-endpoints', () => {
  it('passes when the endpoints and their private DNS are as planned', async () => {
    const step = await runCheck(driftEndpoints, contextOf(deployed));
    expect(step.status).toBe('pass');
  });

  it('fails an endpoint removed and private DNS turned off by hand', async () => {
    const model: NetworkModel = {
      ...deployed,
      endpoints: deployed.endpoints.filter((e) => e.service !== 'ssm').map((e) => (e.service === 'sts' ? { ...e, privateDns: false } : e)),
    };
    const step = await runCheck(driftEndpoints, contextOf(model));
    expect(step.status).toBe('fail');
    expect(step.evidence).toEqual([
      'missing: Interface ssm (private DNS on)',
      'missing: Interface sts (private DNS on)',
      'extra: Interface sts (private DNS off)',
    ]);
  });

  it('is skipped when the model is the spec itself', async () => {
    expect((await runCheck(driftEndpoints, contextOf(plannedModel()))).status).toBe('skipped');
  });

  unknownWhenDenied(driftEndpoints, ['endpoints'], () => contextOf(deployed));
});

describe('drift-flow-logs', () => {
  it('passes when the flow log and its retention are as planned', async () => {
    const step = await runCheck(driftFlowLogs, contextOf(deployed));
    expect(step).toMatchObject({ status: 'pass', evidence: ['flow log and retention as planned'] });
  });

  it('fails a retention shortened and an aggregation interval lengthened by hand', async () => {
    const model: NetworkModel = {
      ...deployed,
      flowLogs: deployed.flowLogs.map((f) => ({ ...f, maxAggregationIntervalSeconds: 600 })),
      logGroup: { ...deployed.logGroup!, retentionDays: 1 },
    };
    const step = await runCheck(driftFlowLogs, contextOf(model));
    expect(step.status).toBe('fail');
    expect(said(step)).toContain('missing: log group retention: 14 days');
    expect(said(step)).toContain('extra: log group retention: 1 days');
    expect(said(step)).toContain('extra: flow log: traffic ALL, aggregation 600 s');
  });

  it('is skipped when the model is the spec itself', async () => {
    expect((await runCheck(driftFlowLogs, contextOf(plannedModel()))).status).toBe('skipped');
  });

  unknownWhenDenied(driftFlowLogs, ['flow-logs', 'log-group'], () => contextOf(deployed));
});

describe('drift-network-acls', () => {
  const defaultAcl = deployed.networkAcls.find((a) => a.isDefault)!;

  it('passes when our subnets use the default ACL with its default entries', async () => {
    const step = await runCheck(driftNetworkAcls, contextOf(deployed));
    expect(step.status).toBe('pass');
  });

  it('warns about an entry added to the ACL of our subnets', async () => {
    // AWS, "Default network ACL for your VPC" (https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html):
    // the default ACL allows all traffic in and out (rule 100) before its * deny; an added entry changes what reaches our subnets.
    const deny = { ruleNumber: 50, egress: false, protocol: 6, action: 'deny', cidr: '10.0.10.0/24', ports: { from: 5432, to: 5432 } } as const;
    const model: NetworkModel = {
      ...deployed,
      networkAcls: deployed.networkAcls.map((a) => (a.id === defaultAcl.id ? { ...a, entries: [deny, ...a.entries] } : a)),
    };
    const step = await runCheck(driftNetworkAcls, contextOf(model));
    expect(step.status).toBe('warn');
    expect(step.evidence).toEqual([expect.stringMatching(new RegExp(`^extra: ${defaultAcl.id.replace('.', '\\.')}: .*50.*deny.*10\\.0\\.10\\.0/24`))]);
  });

  it('is skipped when the model is the spec itself', async () => {
    expect((await runCheck(driftNetworkAcls, contextOf(plannedModel()))).status).toBe('skipped');
  });

  unknownWhenDenied(driftNetworkAcls, ['network-acls', 'subnets'], () => contextOf(deployed));
});
