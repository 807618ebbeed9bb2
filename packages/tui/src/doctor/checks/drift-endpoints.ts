import { driftApplies, setDrift } from '../drift.js';
import { type Check, result } from '../types.js';

/** Endpoints by service and private DNS, deployed against planned. */
export const driftEndpoints: Check = {
  id: 'drift-endpoints',
  title: 'VPC endpoints and their private DNS match the model',
  needs: ['endpoints'],
  run(ctx) {
    if (!driftApplies(ctx)) return result(this, 'skipped', ['the spec is the model: give --template or --live']);
    const key = (e: { service: string; type: string; privateDns: boolean }) =>
      `${e.type} ${e.service}${e.type === 'Interface' ? ` (private DNS ${e.privateDns ? 'on' : 'off'})` : ''}`;
    const drift = setDrift(ctx.planned.endpoints.map(key), ctx.model.endpoints.map(key));
    const lines = [...drift.missing.map((k) => `missing: ${k}`), ...drift.extra.map((k) => `extra: ${k}`)];
    if (lines.length === 0) return result(this, 'pass', [`${ctx.planned.endpoints.length} endpoints as planned`]);
    return result(this, 'fail', lines, {
      change: 'redeploy the endpoints (cdk deploy): each interface endpoint with private DNS on',
      command: 'aws ec2 describe-vpc-endpoints --filters Name=vpc-id,Values=<vpc-id>',
    });
  },
};
