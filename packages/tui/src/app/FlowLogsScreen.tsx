import { useRef, useState } from 'react';
import { Box, useInput } from 'ink';
import { CANNED_QUERIES, type ResultRow } from '@artos/flowlog-analyzer';
import type { AppData } from './app-data.js';
import { Line } from './Line.js';
import { useList } from './use-list.js';
import { useSpinner } from './use-spinner.js';
import { textTable } from '../render/text-table.js';

type State =
  | { readonly kind: 'menu' }
  | { readonly kind: 'running'; readonly query: string; readonly records: number }
  | { readonly kind: 'results'; readonly query: string; readonly columns: readonly string[]; readonly rows: readonly ResultRow[]; readonly seconds: number }
  | { readonly kind: 'error'; readonly message: string };

/** Run a canned query (the seed's flow-log analysis) with progress and cancel, scroll the results. */
export function FlowLogsScreen({ data, width, height, colors, active }: { data: AppData; width: number; height: number; colors: boolean; active: boolean }) {
  const [state, setState] = useState<State>({ kind: 'menu' });
  const controller = useRef<AbortController | undefined>(undefined);
  const spinner = useSpinner(state.kind === 'running');
  const menu = useList(CANNED_QUERIES.length, height - 2);
  const resultLines = state.kind === 'results' ? textTable([state.columns.map(String), ...state.rows.map((r) => state.columns.map((c) => r[c] ?? '-'))]).split('\n') : [];
  const results = useList(resultLines.length, height - 2);

  const run = (query: string) => {
    if (!data.runQuery) return;
    const abort = new AbortController();
    controller.current = abort;
    const started = Date.now();
    setState({ kind: 'running', query, records: 0 });
    data
      .runQuery(query, abort.signal, (records) => setState((s) => (s.kind === 'running' ? { ...s, records } : s)))
      .then((r) => setState({ kind: 'results', query, columns: r.columns, rows: r.rows, seconds: (Date.now() - started) / 1000 }))
      .catch((error: unknown) => setState(abort.signal.aborted ? { kind: 'menu' } : { kind: 'error', message: (error as Error).message }));
  };

  useInput(
    (input, key) => {
      if (state.kind === 'running') {
        if (key.escape || input === 'c') controller.current?.abort(new Error('cancelled'));
        return;
      }
      if (state.kind === 'results' || state.kind === 'error') {
        if (key.escape || input === 'b') setState({ kind: 'menu' });
        else if (key.downArrow || input === 'j') results.move(1);
        else if (key.upArrow || input === 'k') results.move(-1);
        return;
      }
      if (key.downArrow || input === 'j') menu.move(1);
      else if (key.upArrow || input === 'k') menu.move(-1);
      else if (key.return) {
        const q = CANNED_QUERIES[menu.current()]!;
        run(q.text({ vpcCidr: data.spec.vpcCidr }));
      }
    },
    { isActive: active },
  );

  if (!data.runQuery) return <Line text="No flow logs: start with --flow-logs FILE, or --live (the flow-log group in the account)." width={width} colors={colors} tone="warn" />;
  const header = <Line text={`Flow logs: ${data.flowLogSource ?? '?'}`} width={width} colors={colors} tone="accent" />;
  if (state.kind === 'running') {
    return (
      <Box flexDirection="column" height={height}>
        {header}
        <Line text={`${spinner} running: ${state.query}`} width={width} colors={colors} />
        <Line text={`${state.records.toLocaleString('en-US')} records read — esc to cancel`} width={width} colors={colors} tone="dim" />
      </Box>
    );
  }
  if (state.kind === 'error') {
    return (
      <Box flexDirection="column" height={height}>
        {header}
        <Line text={`error: ${state.message}`} width={width} colors={colors} tone="bad" />
        <Line text="esc to go back" width={width} colors={colors} tone="dim" />
      </Box>
    );
  }
  if (state.kind === 'results') {
    const top = results.top;
    return (
      <Box flexDirection="column" height={height}>
        <Line text={`${state.rows.length} rows in ${state.seconds.toFixed(2)} s — ${state.query}`} width={width} colors={colors} tone="accent" />
        {resultLines.slice(top, top + height - 2).map((l, i) => (
          <Line key={top + i} text={l} width={width} colors={colors} bold={top + i === 0} />
        ))}
        <Line text="↑↓ scroll · esc back" width={width} colors={colors} tone="dim" />
      </Box>
    );
  }
  const top = menu.top;
  return (
    <Box flexDirection="column" height={height}>
      {header}
      {CANNED_QUERIES.slice(top, top + height - 2).map((q, i) => (
        <Line key={q.id} text={`${q.title} — ${q.description}`} width={width} colors={colors} inverse={top + i === menu.selected} />
      ))}
      <Line text="enter runs the query (the same text runs in CloudWatch Logs Insights)" width={width} colors={colors} tone="dim" />
    </Box>
  );
}
