import { driftApplies, unnamedPrefixLists, ruleKey, setDrift } from '../drift.js';
import { type Check, result } from '../types.js';

/** Every catalog group's rules, deployed against planned, rule by rule: missing and extra. */
export const driftSecurityGroups: Check = {
  id: 'drift-security-groups',
  title: 'Security-group rules match the model, rule by rule',
  needs: ['security-groups'],
  run(ctx) {
    if (!driftApplies(ctx)) return result(this, 'skipped', ['the spec is the model: give --template or --live to compare a deployed network']);
    const unread = unnamedPrefixLists(this, ctx);
    if (unread) return unread;
    const lines: string[] = [];
    for (const planned of ctx.planned.securityGroups) {
      if (!planned.role) continue;
      const deployed = ctx.model.securityGroups.find((g) => g.role === planned.role);
      if (!deployed) {
        lines.push(`${planned.role}: missing (no group tagged artos:role=${planned.role})`);
        continue;
      }
      const drift = setDrift(
        [...planned.ingress, ...planned.egress].map((r) => ruleKey(ctx.planned, r)),
        [...deployed.ingress, ...deployed.egress].map((r) => ruleKey(ctx.model, r)),
      );
      lines.push(
        ...drift.missing.map((k) => `${planned.role} (${deployed.id}) missing: ${k}`),
        ...drift.extra.map((k) => `${planned.role} (${deployed.id}) extra: ${k}`),
      );
    }
    if (lines.length === 0) return result(this, 'pass', [`${ctx.planned.securityGroups.length} groups, every rule as planned`]);
    return result(this, 'fail', lines, {
      change: 'redeploy the network (cdk deploy) to restore the catalog rules, or change the spec if the change is wanted',
      command: 'aws ec2 describe-security-group-rules --filters Name=group-id,Values=<sg-id>',
    });
  },
};
