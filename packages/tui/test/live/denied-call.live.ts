import { describe, expect, it } from 'vitest';
import { freshNetwork, REGION, useMoto } from './live-network.js';
import { readOnlyUserWithout } from './read-only-user.js';
import { INSIGHTS_SINCE } from './deploy-production.js';
import { cliEnv, runArtosNet, stepsOf, type DoctorJson } from './run-cli.js';

// A caller that may read everything but ec2:DescribeVpcEndpoints, with moto enforcing IAM.
const live = useMoto();

describe('doctor all --live with a Describe call denied', () => {
  it('names the denied action and the permission to grant, and still checks what it could read', async () => {
    const net = await freshNetwork(live());
    const keys = await readOnlyUserWithout(net.clients, ['ec2:DescribeVpcEndpoints']);
    await live().moto.enforceIam(true);
    try {
      const env = cliEnv({ endpoint: live().moto.url, workDir: live().workDir, extra: { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey } });
      const run = await runArtosNet(['doctor', 'all', '--live', '--json', '--region', REGION, '--spec', net.specFile, '--since', INSIGHTS_SINCE], env);
      const json = JSON.parse(run.stdout) as DoctorJson;
      const endpoints = json.workflows.find((w) => w.id === 'endpoints')!;
      expect(endpoints.steps[0]).toMatchObject({ id: 'provider-1', status: 'fail' });
      expect(endpoints.steps[0]!.evidence[0]).toContain('access denied: the credentials lack ec2:DescribeVpcEndpoints');
      // What did not depend on endpoints was read and judged as on the correct network.
      const steps = stepsOf(json);
      expect(steps.get('rds/rds-admits-nodes')!.status).toBe('pass');
      expect(steps.get('flowlogs/flow-log-active')!.status).toBe('pass');
      expect(run.code).toBe(1);
    } finally {
      await live().moto.enforceIam(false);
    }
  });
});
