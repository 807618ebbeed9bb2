import { describe, expect, it } from 'vitest';
import { freshNetwork, REGION, useMoto } from './live-network.js';
import { readOnlyUserWithout } from './read-only-user.js';
import { INSIGHTS_SINCE } from './deploy-production.js';
import { cliEnv, runArtosNet, stepsOf, type DoctorJson } from './run-cli.js';

// A caller that may read everything but ec2:DescribeVpcEndpoints, with moto enforcing IAM.
const live = useMoto();

describe('doctor all --live with a Describe call denied', () => {
  it('the checks needing what was denied answer unknown, naming the permission; the rest is still checked', async () => {
    const net = await freshNetwork(live());
    const keys = await readOnlyUserWithout(net.clients, ['ec2:DescribeVpcEndpoints']);
    await live().moto.enforceIam(true);
    try {
      const env = cliEnv({
        endpoint: live().moto.url,
        workDir: live().workDir,
        extra: { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey },
      });
      const run = await runArtosNet(['doctor', 'all', '--live', '--json', '--region', REGION, '--spec', net.specFile, '--since', INSIGHTS_SINCE], env);
      const json = JSON.parse(run.stdout) as DoctorJson;
      const steps = stepsOf(json);
      // Every check that needs the endpoints answers unknown, naming the permission; none says
      // an endpoint is missing, as nothing was read.
      const needEndpoints = [
        'endpoints/endpoints-exist',
        'endpoints/endpoints-private-dns',
        'endpoints/s3-gateway-routes',
        'endpoints/endpoints-cover-azs',
        'bastion/eks-endpoint',
      ];
      for (const id of needEndpoints) {
        expect(steps.get(id)?.status, id).toBe('unknown');
        expect(steps.get(id)!.evidence.join('\n'), id).toContain('the credentials lack ec2:DescribeVpcEndpoints');
      }
      expect([...steps.values()].some((s) => s.evidence.some((e) => e.startsWith('missing: com.amazonaws')))).toBe(false);
      // What did not depend on endpoints was read and judged as on the correct network.
      expect(steps.get('rds/rds-admits-nodes')!.status).toBe('pass');
      expect(steps.get('flowlogs/flow-log-active')!.status).toBe('pass');
      // Unknown is not a clean bill: exit 1.
      expect(run.code).toBe(1);
    } finally {
      await live().moto.enforceIam(false);
    }
  });
});
