import type { Workflow } from './workflows.js';
import type { DoctorContext, StepResult } from './types.js';

export interface WorkflowReport {
  readonly id: string;
  readonly title: string;
  readonly symptom: string;
  readonly steps: readonly StepResult[];
  readonly status: 'pass' | 'fail' | 'warn';
}

export interface WorkflowEvents {
  onStepStart?(workflow: string, stepId: string): void;
  onStepDone?(workflow: string, result: StepResult): void;
}

/**
 * Runs a workflow's steps in order. A check that throws becomes a failed step that says so;
 * provider problems (missing permissions, missing resources) come first, as failed steps.
 */
export async function runWorkflow(workflow: Workflow, ctx: DoctorContext, events: WorkflowEvents = {}): Promise<WorkflowReport> {
  const steps: StepResult[] = ctx.view.problems.map((p, i) => ({ id: `provider-${i + 1}`, title: `Reading ${p.what}`, status: 'fail' as const, evidence: [p.detail], fix: { change: p.fix } }));
  for (const check of workflow.steps) {
    events.onStepStart?.(workflow.id, check.id);
    let step: StepResult;
    try {
      step = await check.run(ctx);
    } catch (error) {
      step = { id: check.id, title: check.title, status: 'fail', evidence: [`the check could not run: ${(error as Error).message}`], fix: undefined };
    }
    steps.push(step);
    events.onStepDone?.(workflow.id, step);
  }
  const status = steps.some((s) => s.status === 'fail') ? 'fail' : steps.some((s) => s.status === 'warn') ? 'warn' : 'pass';
  return { id: workflow.id, title: workflow.title, symptom: workflow.symptom, steps, status };
}
