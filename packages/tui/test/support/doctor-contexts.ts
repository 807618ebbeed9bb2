import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createAnnotator, type ResultRow } from '@artos/flowlog-analyzer';
import {
  assertValidSpec,
  modelFromSpec,
  modelFromTemplate,
  preset,
  type ModelPart,
  type ModelRouteTable,
  type ModelRule,
  type ModelSecurityGroup,
  type NetworkModel,
  type NetworkSpec,
} from '@artos/model';
import { runWorkflow } from '../../src/doctor/run-workflow.js';
import type { Check, DoctorContext, ReachQuestion, StepResult } from '../../src/doctor/types.js';

/**
 * Contexts for testing one doctor check at a time: the planned production network
 * (modelFromSpec), the synthesized production template (modelFromTemplate), small edits of
 * either, and a part the provider could not read (as the live provider reports a denied call).
 */
export const productionSpec: NetworkSpec = assertValidSpec(preset('production'));

const templatePath = fileURLToPath(new URL('../fixtures/production.template.json', import.meta.url));
export type TemplateResources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;
const templateResources = (JSON.parse(readFileSync(templatePath, 'utf8')) as { Resources: TemplateResources }).Resources;

/** The network the production preset plans. */
export function plannedModel(spec: NetworkSpec = productionSpec): NetworkModel {
  return modelFromSpec(spec, { description: 'preset production' });
}

/** The synthesized production template, optionally edited before it is read. */
export function templateModel(edit?: (resources: TemplateResources) => void, spec: NetworkSpec = productionSpec): NetworkModel {
  const resources = structuredClone(templateResources);
  edit?.(resources);
  return modelFromTemplate({ Resources: resources }, { description: 'template production', spec });
}

export interface ContextOptions {
  readonly spec?: NetworkSpec;
  readonly planned?: NetworkModel;
  readonly flowLogQuery?: (query: string) => Promise<readonly ResultRow[]>;
  readonly reach?: ReachQuestion;
}

/** A doctor context judging `model`; the plan is the spec's unless given. */
export function contextOf(model: NetworkModel, options: ContextOptions = {}): DoctorContext {
  const spec = options.spec ?? productionSpec;
  return {
    spec,
    model,
    planned: options.planned ?? plannedModel(spec),
    annotator: createAnnotator(model),
    flowLogQuery: options.flowLogQuery,
    reach: options.reach,
    region: 'eu-west-1',
  };
}

/** The IAM action the live provider names when it cannot read a part. */
export const ACTION_OF: Readonly<Record<ModelPart, string>> = {
  vpc: 'ec2:DescribeVpcs',
  subnets: 'ec2:DescribeSubnets',
  'route-tables': 'ec2:DescribeRouteTables',
  'network-acls': 'ec2:DescribeNetworkAcls',
  'security-groups': 'ec2:DescribeSecurityGroups',
  'network-interfaces': 'ec2:DescribeNetworkInterfaces',
  endpoints: 'ec2:DescribeVpcEndpoints',
  'prefix-lists': 'ec2:DescribeManagedPrefixLists',
  'flow-logs': 'ec2:DescribeFlowLogs',
  'log-group': 'logs:DescribeLogGroups',
  'recent-events': 'logs:FilterLogEvents',
};

/**
 * The model as the live provider leaves it when a call is denied: the part is empty and a
 * problem names the call. A check that read the emptied part itself would report "missing"
 * things; the runner must answer *unknown* instead.
 */
export function denied(model: NetworkModel, part: ModelPart): NetworkModel {
  const action = ACTION_OF[part];
  const emptied: Partial<Record<ModelPart, Partial<NetworkModel>>> = {
    vpc: { vpc: undefined },
    subnets: { subnets: [] },
    'route-tables': { routeTables: [] },
    'network-acls': { networkAcls: [] },
    'security-groups': { securityGroups: [] },
    'network-interfaces': { networkInterfaces: [] },
    endpoints: { endpoints: [] },
    'prefix-lists': { prefixLists: [] },
    'flow-logs': { flowLogs: [] },
    'log-group': { logGroup: undefined },
    'recent-events': { logGroup: model.logGroup ? { ...model.logGroup, recentEvents: undefined } : undefined },
  };
  const problem = { part, action, detail: `the credentials lack ${action}`, fix: `allow ${action} to the role`, fatal: part === 'vpc' };
  return { ...model, ...emptied[part], problems: [...model.problems, problem] };
}

/** Runs one check as the doctor does: through the runner that turns unreadable parts into *unknown*. */
export async function runCheck(check: Check, ctx: DoctorContext): Promise<StepResult> {
  const report = await runWorkflow({ id: 'reach', title: check.title, symptom: 'one check', steps: [check] }, ctx);
  return report.steps[0]!;
}

/** Evidence as one text, for `toContain`. */
export const said = (step: StepResult): string => step.evidence.join('\n');

/**
 * Each part a check needs, denied one at a time: *unknown*, naming the denied call, never a
 * failure about "missing" things. `base` is a network on which the check would otherwise answer.
 */
export function unknownWhenDenied(check: Check, parts: readonly ModelPart[], base: () => DoctorContext): void {
  // The parts are listed by the test, not read from `check.needs`: dropping a need must fail a test.
  it.each(parts.map((part) => [part]))('is unknown, naming the denied call, when %s cannot be read', async (part) => {
    const ctx = base();
    const step = await runCheck(check, { ...ctx, model: denied(ctx.model, part) });
    expect(step.status).toBe('unknown');
    expect(said(step)).toContain(`${ACTION_OF[part]}: the credentials lack ${ACTION_OF[part]}`);
    expect(said(step)).not.toMatch(/missing/i);
  });
}

/** The model with the group of catalog role `role` edited. */
export const withGroup = (model: NetworkModel, role: string, edit: (g: ModelSecurityGroup) => ModelSecurityGroup): NetworkModel => ({
  ...model,
  securityGroups: model.securityGroups.map((g) => (g.role === role ? edit(g) : g)),
});

/** The model with route table `id` edited. */
export const withTable = (model: NetworkModel, id: string, edit: (t: ModelRouteTable) => ModelRouteTable): NetworkModel => ({
  ...model,
  routeTables: model.routeTables.map((t) => (t.id === id ? edit(t) : t)),
});

/** Whether a rule's port range holds `port`. */
export const covers = (r: ModelRule, port: number): boolean => r.fromPort <= port && r.toPort >= port;
