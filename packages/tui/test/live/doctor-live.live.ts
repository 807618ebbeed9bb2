import { describe, expect, it } from 'vitest';
import { doctorAllLive, freshNetwork, useMoto } from './live-network.js';
import { createSecondTaggedVpc, deleteEcrDkrEndpoint, deleteFlowLog, removeRds5432Ingress, routeDatabaseTableToInternet, turnStsPrivateDnsOff, type Broken } from './mutations.js';
import { stepsOf, type DoctorJson } from './run-cli.js';
import type { DeployedNetwork } from './deploy-production.js';

// `artos-net doctor all --live` against the production network deployed into moto
// (deploy-production.ts), then against one breakage at a time (mutations.ts).
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

  it('the 5432 rule removed from the rds group: only the RDS ingress check fails, naming the group', async () => {
    const { broken, run, failed, steps } = await brokenBy(removeRds5432Ingress);
    expect(failed).toEqual(['rds/rds-admits-nodes']);
    expect(steps.get('rds/rds-admits-nodes')!.evidence.join('\n')).toContain(broken.objectId);
    expect(run.code).toBe(1);
  });

  it('STS private DNS off: only the private-DNS check fails, naming the endpoint', async () => {
    const { broken, run, failed, steps } = await brokenBy(turnStsPrivateDnsOff);
    expect(failed).toEqual(['endpoints/endpoints-private-dns']);
    expect(steps.get('endpoints/endpoints-private-dns')!.evidence.join('\n')).toContain(broken.objectId);
    expect(run.code).toBe(1);
  });

  it('an endpoint deleted: only the endpoints check fails, naming the service', async () => {
    // A deleted endpoint stays listed by DescribeVpcEndpoints in state "deleted" (moto does the
    // same); it must count as missing, not as present.
    const { broken, run, failed, steps } = await brokenBy(deleteEcrDkrEndpoint);
    expect(failed).toEqual(['endpoints/endpoints-exist']);
    expect(steps.get('endpoints/endpoints-exist')!.evidence.join('\n')).toContain(`missing: ${broken.objectId}`);
    expect(run.code).toBe(1);
  });

  it('0.0.0.0/0 to an internet gateway on the database route table: only the isolation check fails, naming the table', async () => {
    const { broken, run, failed, steps } = await brokenBy(routeDatabaseTableToInternet);
    expect(failed).toEqual(['rds/database-route-table-isolated']);
    expect(steps.get('rds/database-route-table-isolated')!.evidence.join('\n')).toContain(`${broken.objectId}: 0.0.0.0/0 → igw-`);
    expect(run.code).toBe(1);
  });

  it('the flow log deleted: the flow-log check fails and nothing outside the flow-log workflow does', async () => {
    const { run, failed } = await brokenBy(deleteFlowLog);
    expect(failed).toContain('flowlogs/flow-log-active');
    expect(failed.filter((id) => !id.startsWith('flowlogs/'))).toEqual([]);
    expect(run.code).toBe(1);
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
