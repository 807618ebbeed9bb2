import { useRef, useState } from 'react';
import { Box } from 'ink';
import { isAbortError } from '../cli/cli-errors.js';
import { reachQuestion } from '../cli/reach-options.js';
import type { ReachQuestion } from '../doctor/types.js';
import { Line } from './Line.js';
import { useCaptureKeys, useKeys } from './use-keys.js';

const FIELDS = [
  { name: 'from', label: 'from', example: '10.0.10.50, eks-nodes, sg-…; empty: who can reach' },
  { name: 'to', label: 'to', example: 'rds, database, 10.0.100.20' },
  { name: 'port', label: 'port', example: '5432' },
] as const;

/**
 * The reach workflow's question, typed in the UI: from, to and port (tcp), checked as the CLI
 * checks `--from`, `--to` and `--port`. Tab or ↓ moves to the next field, enter runs, esc cancels.
 */
export function ReachForm({
  width,
  colors,
  initial,
  onSubmit,
  onCancel,
}: {
  width: number;
  colors: boolean;
  initial?: ReachQuestion;
  onSubmit: (q: ReachQuestion) => void;
  onCancel: () => void;
}) {
  useCaptureKeys();
  const [values, setValuesState] = useState<string[]>(initial ? [initial.from ?? '', initial.to, String(initial.port)] : ['', '', '']);
  const [field, setFieldState] = useState(0);
  const [error, setError] = useState<string | undefined>();
  // Keys can come batched (a pasted address): the handler works on refs, set at once.
  const state = useRef({ values, field });
  const setValues = (v: string[]) => {
    state.current.values = v;
    setValuesState(v);
  };
  const setField = (f: number) => {
    state.current.field = f;
    setFieldState(f);
  };
  const submit = () => {
    const [from, to, port] = state.current.values;
    try {
      const q = reachQuestion({ protocol: 'tcp', ...(from ? { from } : {}), ...(to ? { to } : {}), ...(port ? { port } : {}) });
      if (q) onSubmit(q);
      else setError('give to and port (from is optional)');
    } catch (e) {
      setError(isAbortError(e) ? `${e.message}${e.nextStep ? ` — ${e.nextStep}` : ''}` : String(e));
    }
  };
  useKeys((input, key) => {
    const { values: v, field: f } = state.current;
    if (key.escape) return onCancel();
    if (key.return) return f < FIELDS.length - 1 ? setField(f + 1) : submit();
    if (key.tab || key.downArrow) return setField((f + (key.shift ? FIELDS.length - 1 : 1)) % FIELDS.length);
    if (key.upArrow) return setField((f + FIELDS.length - 1) % FIELDS.length);
    if (key.backspace || key.delete) return setValues(v.map((x, i) => (i === f ? x.slice(0, -1) : x)));
    if (input && !key.ctrl && !key.meta && input.length === 1) setValues(v.map((x, i) => (i === f ? x + input : x)));
  });
  return (
    <Box flexDirection="column">
      <Line text="Can A reach B — the flow to check (tcp)" width={width} colors={colors} tone="accent" bold />
      {FIELDS.map((d, i) => (
        <Line
          key={d.name}
          text={`  ${d.label.padEnd(5)} ${values[i]}${i === field ? '▏' : ''}${values[i] ? '' : `   e.g. ${d.example}`}`}
          width={width}
          colors={colors}
          inverse={i === field}
        />
      ))}
      {error ? <Line text={`  ${error}`} width={width} colors={colors} tone="bad" /> : null}
      <Line text="tab next field · enter run · esc cancel" width={width} colors={colors} tone="dim" />
    </Box>
  );
}
