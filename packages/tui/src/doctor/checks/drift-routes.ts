import { driftApplies, unnamedPrefixLists, setDrift, tierRouteKeys } from '../drift.js';
import { type Check, result } from '../types.js';

/** The routes each tier's subnets use, deployed against planned. */
export const driftRoutes: Check = {
  id: 'drift-routes',
  title: "Each tier's routes match the model",
  needs: ['route-tables', 'subnets', 'endpoints'],
  run(ctx) {
    if (!driftApplies(ctx)) return result(this, 'skipped', ['the spec is the model: give --template or --live']);
    const unread = unnamedPrefixLists(this, ctx);
    if (unread) return unread;
    const lines = (['private', 'database'] as const).flatMap((tier) => {
      const drift = setDrift(tierRouteKeys(ctx.planned, tier), tierRouteKeys(ctx.model, tier));
      return [...drift.missing.map((k) => `${tier} subnets missing route: ${k}`), ...drift.extra.map((k) => `${tier} subnets extra route: ${k}`)];
    });
    if (lines.length === 0) return result(this, 'pass', ['every tier routes as planned']);
    return result(this, 'fail', lines, {
      change: 'remove the extra routes and restore the missing ones (cdk deploy)',
      command: 'aws ec2 describe-route-tables --filters Name=vpc-id,Values=<vpc-id>',
    });
  },
};
