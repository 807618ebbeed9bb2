import type { Workflow } from './workflows.js';
import type { Check, DoctorContext, StepResult, StepStatus } from './types.js';

export type WorkflowStatus = 'pass' | 'fail' | 'warn' | 'unknown' | 'skipped';

export interface WorkflowReport {
  readonly id: string;
  readonly title: string;
  readonly symptom: string;
  readonly steps: readonly StepResult[];
  readonly status: WorkflowStatus;
}

export interface WorkflowEvents {
  onStepStart?(workflow: string, stepId: string): void;
  onStepDone?(workflow: string, result: StepResult): void;
}

/** Worst first: a workflow is as bad as its worst step; all skipped is skipped, never passed. */
const SEVERITY: readonly StepStatus[] = ['fail', 'unknown', 'warn', 'pass'];

export function workflowStatus(steps: readonly StepResult[]): WorkflowStatus {
  for (const status of SEVERITY) if (steps.some((s) => s.status === status)) return status;
  return 'skipped';
}

/** A step whose data could not be read: *unknown*, naming what failed (never "missing"). */
function unreadable(check: Check, ctx: DoctorContext): StepResult | undefined {
  const problems = ctx.model.problems.filter((p) => p.fatal || check.needs.includes(p.part));
  if (problems.length === 0) return undefined;
  return { id: check.id, title: check.title, status: 'unknown', evidence: problems.map((p) => `${p.action}: ${p.detail}`), fix: { change: problems[0]!.fix } };
}

/**
 * Runs a workflow's steps in order, each through one runner: a step whose model parts could not
 * be read is *unknown*; a check that throws is *unknown* with the error (a bug, not a finding).
 */
export async function runWorkflow(workflow: Workflow, ctx: DoctorContext, events: WorkflowEvents = {}): Promise<WorkflowReport> {
  const steps: StepResult[] = [];
  for (const check of workflow.steps) {
    events.onStepStart?.(workflow.id, check.id);
    let step: StepResult;
    try {
      step = unreadable(check, ctx) ?? (await check.run(ctx));
    } catch (error) {
      step = { id: check.id, title: check.title, status: 'unknown', evidence: [`the check could not run: ${(error as Error).message}`], fix: undefined };
    }
    steps.push(step);
    events.onStepDone?.(workflow.id, step);
  }
  return { id: workflow.id, title: workflow.title, symptom: workflow.symptom, steps, status: workflowStatus(steps) };
}
