import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_BASTION_SECURITY_GROUP_ID, preset } from './presets.js';
import { validateSpec } from './validate-spec.js';

// The seed's production example writes `module.bastion.bastion_security_group_id`, a Terraform
// output; the preset carries a stand-in of AWS's form. It must never reach a template silently.
describe('the production preset stand-in for the bastion group', () => {
  it('is valid but warned, naming both ways to give the real id', () => {
    const result = validateSpec(preset('production'));
    expect(result.ok).toBe(true);
    const warning = result.issues.find((i) => i.code === 'placeholder-id')!;
    expect(warning.severity).toBe('warning');
    expect(warning.path).toBe('bastionSecurityGroupId');
    expect(warning.message).toContain(PLACEHOLDER_BASTION_SECURITY_GROUP_ID);
    expect(warning.hint).toContain('-c bastionSecurityGroupId=');
  });

  it('is not warned once a real bastion group is given', () => {
    const real = 'sg-0123456789abcdef0';
    const result = validateSpec({ ...preset('production'), bastionSecurityGroupId: real, additionalSecurityGroupIds: [real] });
    expect(result.issues.filter((i) => i.code === 'placeholder-id')).toEqual([]);
  });
});
