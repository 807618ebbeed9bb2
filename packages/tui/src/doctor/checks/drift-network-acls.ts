import { driftApplies, naclKeys, setDrift } from '../drift.js';
import { type Check, result } from '../types.js';

/** ACL entries on our subnets beyond AWS's default ACL (the constructs create none). */
export const driftNetworkAcls: Check = {
  id: 'drift-network-acls',
  title: 'Network ACLs on our subnets match the model',
  needs: ['network-acls', 'subnets'],
  run(ctx) {
    if (!driftApplies(ctx)) return result(this, 'skipped', ['the spec is the model: give --template or --live']);
    const drift = setDrift(naclKeys(ctx.planned), naclKeys(ctx.model));
    const lines = [...drift.missing.map((k) => `missing: ${k}`), ...drift.extra.map((k) => `extra: ${k}`)];
    if (lines.length === 0) return result(this, 'pass', ['our subnets use ACLs with the default entries only']);
    return result(this, 'warn', lines, {
      change: "check that these entries let the seed's flows and their replies pass: `artos-net doctor reach` evaluates them hop by hop",
      command: 'aws ec2 describe-network-acls --filters Name=vpc-id,Values=<vpc-id>',
    });
  },
};
