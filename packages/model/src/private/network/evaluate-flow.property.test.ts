import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { preset } from '../presets.js';
import { validateSpec } from '../validate-spec.js';
import { evaluateFlow } from './evaluate-flow.js';
import { modelFromSpec } from './model-from-spec.js';
import type { ModelRule, NetworkModel } from './model-types.js';
import type { FlowQuestion } from './verdict-types.js';

const model = modelFromSpec(validateSpec(preset('production')).spec!, { s3PrefixListCidrs: ['52.216.0.0/15'] });
const addresses = [...model.networkInterfaces.map((e) => e.addresses[0]!), '10.0.10.200', '10.0.0.2', '52.216.4.4', '192.168.1.9', '169.254.169.254'];
const groupIds = model.securityGroups.map((g) => g.id);

const question: fc.Arbitrary<FlowQuestion> = fc.record({
  source: fc.record({ address: fc.constantFrom(...addresses) }),
  destination: fc.record({ address: fc.constantFrom(...addresses) }),
  protocol: fc.constantFrom(6, 17, 1),
  port: fc.integer({ min: 1, max: 65535 }),
  direction: fc.constantFrom('request' as const, 'reply' as const),
});

const extraRule: fc.Arbitrary<{ groupId: string; rule: ModelRule }> = fc.record({
  groupId: fc.constantFrom(...groupIds),
  rule: fc.record({
    catalogId: fc.constant(undefined),
    direction: fc.constantFrom('ingress' as const, 'egress' as const),
    protocol: fc.constantFrom(-1, 6, 17),
    fromPort: fc.integer({ min: 0, max: 65535 }),
    toPort: fc.constant(65535),
    peer: fc.oneof(
      fc.record({ kind: fc.constant('cidr' as const), cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/16', '10.0.10.0/24') }),
      fc.record({ kind: fc.constant('group' as const), groupId: fc.constantFrom(...groupIds) }),
    ),
    description: fc.constant('extra'),
  }),
});

function withRules(m: NetworkModel, extras: ReadonlyArray<{ groupId: string; rule: ModelRule }>): NetworkModel {
  return {
    ...m,
    securityGroups: m.securityGroups.map((g) => ({
      ...g,
      ingress: [...g.ingress, ...extras.filter((x) => x.groupId === g.id && x.rule.direction === 'ingress').map((x) => x.rule)],
      egress: [...g.egress, ...extras.filter((x) => x.groupId === g.id && x.rule.direction === 'egress').map((x) => x.rule)],
    })),
  };
}

describe('evaluateFlow properties (fast-check, fixed seed)', () => {
  it('security-group rules only allow: adding rules never blocks an admitted flow', () => {
    fc.assert(
      fc.property(question, fc.array(extraRule, { maxLength: 4 }), (q, extras) => {
        const before = evaluateFlow(model, q);
        const after = evaluateFlow(withRules(model, extras), q);
        if (before.decision === 'admitted') expect(after.decision).toBe('admitted');
        expect(after.blocking.length).toBeLessThanOrEqual(before.blocking.length);
      }),
      { seed: 11, numRuns: 400 },
    );
  });

  it('a reply never blocks at a security group, and every blocking hop has a fix', () => {
    fc.assert(
      fc.property(question, (q) => {
        const v = evaluateFlow(model, q);
        if (q.direction === 'reply') expect(v.blocking.some((h) => h.step.endsWith('security-group'))).toBe(false);
        for (const hop of v.blocking) expect(hop.fix).toBeTruthy();
        expect(v.decision === 'blocked').toBe(v.blocking.length > 0);
      }),
      { seed: 12, numRuns: 400 },
    );
  });
});
