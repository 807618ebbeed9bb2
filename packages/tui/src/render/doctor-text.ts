import type { WorkflowReport, WorkflowStatus } from '../doctor/run-workflow.js';
import type { StepStatus } from '../doctor/types.js';
import { sanitizeForTerminal } from '../private/sanitize.js';

export const STATUS_MARK: Readonly<Record<StepStatus, string>> = { pass: 'ok  ', fail: 'FAIL', warn: 'warn', skipped: 'skip', unknown: ' ?? ' };

const WORKFLOW_TEXT: Readonly<Record<WorkflowStatus, string>> = {
  pass: 'all checks passed',
  warn: 'passed with warnings',
  fail: 'a check failed',
  unknown: 'could not be decided (see the ?? steps)',
  skipped: 'skipped (nothing to check)',
};

/** A doctor report as text: each workflow, its steps, their evidence and fixes. */
export function renderDoctorText(reports: readonly WorkflowReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.title} — ${WORKFLOW_TEXT[r.status]}`, `  symptom: ${r.symptom}`);
    for (const s of r.steps) {
      lines.push(`  [${STATUS_MARK[s.status]}] ${s.title}`);
      for (const e of s.evidence) lines.push(`         ${e}`);
      if (s.fix && s.status !== 'pass') {
        lines.push(`         fix: ${s.fix.change}`);
        if (s.fix.command) lines.push(`         confirm: ${s.fix.command}`);
      }
    }
    lines.push('');
  }
  return sanitizeForTerminal(`${lines.join('\n')}`);
}
