import { useRef, useState } from 'react';
import { Box } from 'ink';
import { WORKFLOWS } from '../doctor/workflows.js';
import { runWorkflow, type WorkflowReport } from '../doctor/run-workflow.js';
import type { DoctorContext, ReachQuestion, StepResult } from '../doctor/types.js';
import { ReachForm } from './ReachForm.js';
import type { ScreenProps } from './app-data.js';
import { Line } from './Line.js';
import { useList } from './use-list.js';
import { useSpinner } from './use-spinner.js';
import { useKeys } from './use-keys.js';
import { useSideways, widestOf } from './use-sideways.js';
import type { Tone } from './theme.js';

const MARK: Readonly<Record<StepResult['status'], [string, Tone]>> = {
  pass: ['✔', 'good'],
  fail: ['✖', 'bad'],
  warn: ['!', 'warn'],
  skipped: ['-', 'dim'],
  unknown: ['?', 'warn'],
};

/** Splits text into lines of at most `width` characters, at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > width / 2 ? cut : width;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}

export interface Row {
  readonly kind: 'workflow' | 'step' | 'detail';
  readonly workflow: string;
  readonly stepId?: string;
  readonly text: string;
  readonly tone?: Tone;
}

/** Pick a workflow, watch its steps complete, open a step's evidence. */
/** The workflow that asks "can A reach B" of the network. */
const REACH = 'reach';

/** With a filter: the rows that match, and the workflow row above any of them (to run it). */
export function filterRows(rows: readonly Row[], filter: string): Row[] {
  if (!filter) return [...rows];
  const needle = filter.toLowerCase();
  const matches = (r: Row) => r.text.toLowerCase().includes(needle);
  const workflows = new Set(rows.filter(matches).map((r) => r.workflow));
  return rows.filter((r) => (r.kind === 'workflow' ? workflows.has(r.workflow) : matches(r)));
}

export function DoctorScreen({ data, width, height, colors, active, filter = '' }: ScreenProps) {
  const [reports, setReports] = useState<Record<string, WorkflowReport>>({});
  const [running, setRunning] = useState<{ workflow: string; done: StepResult[]; current: string | undefined } | undefined>();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const spinner = useSpinner(running !== undefined);
  // The reach workflow asks its question in a form; the question stays for the next runs.
  const [reach, setReach] = useState<ReachQuestion | undefined>(data.context.reach);
  const [form, setFormState] = useState(false);
  const formOpen = useRef(false);
  const setForm = (on: boolean) => {
    formOpen.current = on;
    setFormState(on);
  };
  const context: DoctorContext = reach ? { ...data.context, reach } : data.context;

  const all: Row[] = [];
  for (const w of WORKFLOWS) {
    const report = reports[w.id];
    const isRunning = running?.workflow === w.id;
    const status = isRunning
      ? `${spinner} running`
      : report
        ? report.status === 'pass'
          ? '✔ passed'
          : report.status === 'warn'
            ? '! warnings'
            : '✖ a check failed'
        : 'press enter to run';
    const question = w.id === REACH && reach ? ` (${reach.from ?? 'who'} → ${reach.to} ${reach.protocol} ${reach.port})` : '';
    all.push({
      kind: 'workflow',
      workflow: w.id,
      text: `${w.title}${question} — ${status}`,
      tone: report ? (report.status === 'pass' ? 'good' : report.status === 'warn' ? 'warn' : 'bad') : 'accent',
    });
    const steps = isRunning ? running.done : (report?.steps ?? []);
    for (const s of steps) {
      const [mark, tone] = MARK[s.status];
      all.push({ kind: 'step', workflow: w.id, stepId: s.id, text: `  ${mark} ${s.title}`, tone });
      if (open[`${w.id}/${s.id}`]) {
        // Evidence is the answer: wrap it rather than cut it.
        const detail = (text: string, tone?: Tone) => {
          for (const piece of wrap(text, Math.max(10, width - 6)))
            all.push({ kind: 'detail', workflow: w.id, text: `      ${piece}`, ...(tone ? { tone } : {}) });
        };
        for (const e of s.evidence) detail(e);
        if (s.fix && s.status !== 'pass') {
          detail(`fix: ${s.fix.change}`, 'warn');
          if (s.fix.command) detail(`confirm: ${s.fix.command}`, 'dim');
        }
      }
    }
    if (isRunning && running.current)
      all.push({
        kind: 'detail',
        workflow: w.id,
        text: `  ${spinner} ${w.steps.find((s) => s.id === running.current)?.title ?? running.current}`,
        tone: 'accent',
      });
  }
  const rows = filterRows(all, filter);
  const list = useList(rows.length, height);
  const sideways = useSideways(widestOf(rows.map((r) => r.text)), width);

  const run = (workflowId: string, on: DoctorContext = context) => {
    const workflow = WORKFLOWS.find((w) => w.id === workflowId)!;
    setRunning({ workflow: workflowId, done: [], current: undefined });
    void runWorkflow(workflow, on, {
      onStepStart: (_w, stepId) => setRunning((r) => (r ? { ...r, current: stepId } : r)),
      onStepDone: (_w, step) => setRunning((r) => (r ? { ...r, done: [...r.done, step], current: undefined } : r)),
    }).then((report) => {
      setReports((all) => ({ ...all, [workflowId]: report }));
      // Open the failing steps, where the answer is.
      setOpen((o) => ({ ...o, ...Object.fromEntries(report.steps.filter((s) => s.status === 'fail').map((s) => [`${workflowId}/${s.id}`, true])) }));
      setRunning(undefined);
    });
  };

  useKeys(
    (input, key) => {
      if (formOpen.current) return; // the form has the keys
      if (list.navigate(input, key) || sideways.navigate(input, key)) return;
      if (key.return) {
        const row = rows[list.current()];
        if (!row || running) return;
        if (row.kind === 'workflow' && row.workflow === REACH) setForm(true);
        else if (row.kind === 'workflow') run(row.workflow);
        else if (row.kind === 'step') setOpen((o) => ({ ...o, [`${row.workflow}/${row.stepId}`]: !o[`${row.workflow}/${row.stepId}`] }));
      } else if (input === 'a' && !running) {
        void (async () => {
          for (const w of WORKFLOWS)
            await new Promise<void>((resolve) => {
              setRunning({ workflow: w.id, done: [], current: undefined });
              void runWorkflow(w, context).then((report) => {
                setReports((all) => ({ ...all, [w.id]: report }));
                setRunning(undefined);
                resolve();
              });
            });
        })();
      }
    },
    { isActive: active },
  );

  if (form) {
    return (
      <Box flexDirection="column" height={height}>
        <ReachForm
          width={width}
          colors={colors}
          {...(reach ? { initial: reach } : {})}
          onCancel={() => setForm(false)}
          onSubmit={(q) => {
            setForm(false);
            setReach(q);
            run(REACH, { ...data.context, reach: q });
          }}
        />
      </Box>
    );
  }
  const top = list.top;
  return (
    <Box flexDirection="column" height={height}>
      {rows.slice(top, top + height).map((r, i) => (
        <Line
          key={top + i}
          text={r.text}
          width={width}
          colors={colors}
          offset={sideways.offset}
          inverse={top + i === list.selected}
          bold={r.kind === 'workflow'}
          {...(r.tone ? { tone: r.tone } : {})}
        />
      ))}
    </Box>
  );
}
