import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertValidSpec, modelFromTemplate, preset, type CloudFormationTemplate } from '@artos/model';
import { renderModelText } from './model-text.js';

const spec = assertValidSpec(preset('production'));
const template = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../test/fixtures/production.template.json', import.meta.url)), 'utf8'),
) as CloudFormationTemplate;

describe('the overview of a network read from a template or the account', () => {
  it('shows what is there, not the spec: a private subnet left on the main table says so', () => {
    const resources = structuredClone(template.Resources!);
    const association = Object.entries(resources).find(
      ([, r]) => r.Type === 'AWS::EC2::SubnetRouteTableAssociation' && JSON.stringify(r.Properties).includes('PrivateSubnet1'),
    )![0];
    delete resources[association];
    const text = renderModelText(modelFromTemplate({ Resources: resources }, { description: 'broken', spec }));
    expect(text).toMatch(/NetworkPrivateSubnet1\w+\s+private\s+10\.0\.10\.0\/24\s+AZ1\s+NetworkVpc\w+\.MainRouteTable \(main\)/);
    expect(text).toContain('← eks-nodes');
  });

  it('never lets an escape sequence from AWS data reach the terminal', () => {
    const model = modelFromTemplate(template, { spec });
    const evil = {
      ...model,
      description: 'x\u001b]0;pwned\u0007\u001b[2J',
      endpoints: model.endpoints.map((e, i) => (i === 0 ? { ...e, state: 'available\u001b[31m' } : e)),
    };
    const text = renderModelText(evil);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
  });
});
