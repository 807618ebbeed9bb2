import { type Check, result } from '../types.js';

/** The bastion group is among the additional groups (the seed's first solution). */
export const bastionInAdditionalGroups: Check = {
  id: 'bastion-in-additional-groups',
  title: 'The bastion group is among additionalSecurityGroupIds',
  run(ctx) {
    const bastion = ctx.spec.bastionSecurityGroupId;
    if (!bastion) return result(this, 'fail', ['the spec gives no bastionSecurityGroupId'], { change: 'set bastionSecurityGroupId and add it to additionalSecurityGroupIds: [module.bastion.bastion_security_group_id]' });
    const ok = ctx.spec.additionalSecurityGroupIds.includes(bastion);
    return result(this, ok ? 'pass' : 'fail', [ok ? `${bastion} is in additionalSecurityGroupIds` : `${bastion} is the bastion group but not in additionalSecurityGroupIds (${ctx.spec.additionalSecurityGroupIds.join(', ') || 'empty'})`], ok ? undefined : { change: `additionalSecurityGroupIds: ["${bastion}"]` });
  },
};
