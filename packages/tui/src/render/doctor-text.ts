import type { WorkflowReport } from '../doctor/run-workflow.js';
import type { StepStatus } from '../doctor/types.js';
import { sanitizeForTerminal } from '../private/sanitize.js';

export const STATUS_MARK: Readonly<Record<StepStatus, string>> = { pass: 'ok  ', fail: 'FAIL', warn: 'warn', skipped: 'skip' };

/** A doctor report as text: each workflow, its steps, their evidence and fixes. */
export function renderDoctorText(reports: readonly WorkflowReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.title} — ${r.status === 'pass' ? 'all checks passed' : r.status === 'warn' ? 'passed with warnings' : 'a check failed'}`, `  symptom: ${r.symptom}`);
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
