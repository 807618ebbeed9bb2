import { type Check, result } from '../types.js';

/** The bastion group is among the additional groups (the seed's first solution). */
export const bastionInAdditionalGroups: Check = {
  id: 'bastion-in-additional-groups',
  title: 'The bastion group is among additionalSecurityGroupIds',
  needs: [],
  run(ctx) {
    const bastion = ctx.spec.bastionSecurityGroupId;
    if (!bastion)
      return result(this, 'skipped', ['the spec has no bastion (bastionSecurityGroupId is not set)'], {
        change: 'to reach the EKS API from a bastion, set bastionSecurityGroupId: "sg-…" and additionalSecurityGroupIds: ["sg-…"] in the spec',
      });
    const ok = ctx.spec.additionalSecurityGroupIds.includes(bastion);
    return result(
      this,
      ok ? 'pass' : 'fail',
      [
        ok
          ? `${bastion} is in additionalSecurityGroupIds`
          : `${bastion} is the bastion group but not in additionalSecurityGroupIds (${ctx.spec.additionalSecurityGroupIds.join(', ') || 'empty'})`,
      ],
      ok ? undefined : { change: `add it in the spec: additionalSecurityGroupIds: ["${bastion}"]` },
    );
  },
};
