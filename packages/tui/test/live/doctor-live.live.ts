import { describe, expect, it } from 'vitest';
import { doctorAllLive, freshNetwork, useMoto } from './live-network.js';
import {
  createSecondTaggedVpc,
  deleteEcrDkrEndpoint,
  deleteFlowLog,
  flowLogToMissingGroup,
  openNodesSshToTheWorld,
  removeRds5432Ingress,
  routeDatabaseTableToInternet,
  turnStsPrivateDnsOff,
  type Broken,
} from './mutations.js';
import { stepsOf, type DoctorJson } from './run-cli.js';
import type { DeployedNetwork } from './deploy-production.js';

// `artos-net doctor all --live` against the production network deployed into moto
// (deploy-production.ts), then against one breakage at a time (mutations.ts). Each breakage
// fails its own check and the drift check that compares the same kind of object with the model
// (`doctor drift`: deployed against planned), and nothing else.
const live = useMoto();

/** The steps that did not pass, `workflow/step`; the reach workflow is skipped without --from/--to. */
function notPassed(json: DoctorJson | undefined): string[] {
  expect(json, 'doctor printed no JSON').toBeDefined();
  return [...stepsOf(json!)].filter(([id, s]) => s.status !== 'pass' && !(id === 'reach/reach' && s.status === 'skipped')).map(([id]) => id);
}

async function brokenBy(mutation: (net: DeployedNetwork) => Promise<Broken>) {
  const net = await freshNetwork(live());
  const broken = await mutation(net);
  const run = await doctorAllLive(live(), net);
  return { net, broken, run, failed: notPassed(run.json), steps: run.json ? stepsOf(run.json) : new Map() };
}

describe('doctor all --live against moto', () => {
  it('passes on the correct production network', async () => {
    // Every real VPC has an untagged main route table with no explicit association. It used to
    // be counted as a private table, and the S3 check failed: "private route table rtb-… lacks
    // the S3 route". A subnet uses the main table only when it has no explicit association
    // (Amazon VPC User Guide, "Configure route tables", Main route table).
    const net = await freshNetwork(live());
    const run = await doctorAllLive(live(), net);
    expect(notPassed(run.json)).toEqual([]);
    expect(run.code, run.stderr).toBe(0);
  });

  it('the 5432 rule removed from the rds group: the RDS ingress check and the group drift fail, naming the group', async () => {
    const { broken, run, failed, steps } = await brokenBy(removeRds5432Ingress);
    expect(failed).toEqual(['rds/rds-admits-nodes', 'drift/drift-security-groups']);
    expect(steps.get('drift/drift-security-groups')!.evidence.join('\n')).toContain(`rds (${broken.objectId}) missing: ingress tcp 5432`);
    expect(steps.get('rds/rds-admits-nodes')!.evidence.join('\n')).toContain(broken.objectId);
    expect(run.code).toBe(1);
  });

  it('STS private DNS off: the private-DNS check and the endpoint drift fail, naming the endpoint', async () => {
    const { broken, run, failed, steps } = await brokenBy(turnStsPrivateDnsOff);
    expect(failed).toEqual(['endpoints/endpoints-private-dns', 'drift/drift-endpoints']);
    expect(steps.get('endpoints/endpoints-private-dns')!.evidence.join('\n')).toContain(broken.objectId);
    expect(run.code).toBe(1);
  });

  it('an endpoint deleted: the endpoints check and the endpoint drift fail, naming the service', async () => {
    // A deleted endpoint stays listed by DescribeVpcEndpoints in state "deleted" (moto does the
    // same); it must count as missing, not as present.
    const { broken, run, failed, steps } = await brokenBy(deleteEcrDkrEndpoint);
    expect(failed).toEqual(['endpoints/endpoints-exist', 'drift/drift-endpoints']);
    expect(steps.get('endpoints/endpoints-exist')!.evidence.join('\n')).toContain(`missing: ${broken.objectId}`);
    expect(run.code).toBe(1);
  });

  it('0.0.0.0/0 to an internet gateway on the database route table: the isolation check and the route drift fail, naming the table', async () => {
    const { broken, run, failed, steps } = await brokenBy(routeDatabaseTableToInternet);
    expect(failed).toEqual(['rds/database-route-table-isolated', 'drift/drift-routes']);
    expect(steps.get('rds/database-route-table-isolated')!.evidence.join('\n')).toContain(`${broken.objectId}: 0.0.0.0/0 → internet gateway igw-`);
    expect(run.code).toBe(1);
  });

  it('0.0.0.0/0 tcp 22 on the nodes group: only the open-ingress check and the group drift fail, naming the group', async () => {
    const { broken, run, failed, steps } = await brokenBy(openNodesSshToTheWorld);
    expect(failed).toEqual(['exposure/no-open-ingress', 'drift/drift-security-groups']);
    expect(steps.get('exposure/no-open-ingress')!.evidence.join('\n')).toContain(`${broken.objectId} (eks-nodes): tcp 22 from 0.0.0.0/0`);
    expect(run.code).toBe(1);
  });

  it('the flow log deleted: the flow-log check and the flow-log drift fail, and nothing outside those workflows', async () => {
    const { run, failed } = await brokenBy(deleteFlowLog);
    expect(failed).toContain('flowlogs/flow-log-active');
    expect(failed).toContain('drift/drift-flow-logs');
    expect(failed.filter((id) => !id.startsWith('flowlogs/') && !id.startsWith('drift/'))).toEqual([]);
    expect(run.code).toBe(1);
  });

  it('the flow log recreated toward a missing log group: ACTIVE but delivery FAILED, and flow-log-active says so', async () => {
    const { broken, steps, failed } = await brokenBy(flowLogToMissingGroup);
    expect(failed).toContain('flowlogs/flow-log-active');
    const step = steps.get('flowlogs/flow-log-active');
    expect(step?.evidence.join('\n')).toContain(`${broken.objectId}: ACTIVE, traffic ALL, aggregation 60 s, delivery FAILED (Access error)`);
  });

  it('a second VPC with the same artos:* tags: an error listing both VPCs, with --vpc-id as the fix; --vpc-id then checks the one given', async () => {
    const fresh = await freshNetwork(live());
    const copy = await createSecondTaggedVpc(fresh);
    const ambiguous = await doctorAllLive(live(), fresh);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(fresh.vpcId);
    expect(ambiguous.stderr).toContain(copy.objectId);
    expect(ambiguous.stderr).toContain('--vpc-id');
    expect(ambiguous.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const chosen = await doctorAllLive(live(), fresh, '--vpc-id', fresh.vpcId);
    expect(notPassed(chosen.json)).toEqual([]);
    expect(chosen.code, chosen.stderr).toBe(0);
  });
});
