import { useRef, useState } from 'react';
import { Box, useInput } from 'ink';
import { CANNED_QUERIES, DETECTORS, type ResultRow, HISTOGRAM_RANGE_QUERY, buildHistogram, endpointUsageFilter, histogramBucketMs, histogramQuery, runDetectors } from '@artos/flowlog-analyzer';
import type { AppData } from './app-data.js';
import { Line } from './Line.js';
import { useList } from './use-list.js';
import { useSpinner } from './use-spinner.js';
import { textTable } from '../render/text-table.js';
import { renderHistogram } from '../render/histogram-text.js';

type State =
  | { readonly kind: 'menu' }
  | { readonly kind: 'running'; readonly query: string; readonly records: number }
  | { readonly kind: 'results'; readonly title: string; readonly lines: readonly string[] }
  | { readonly kind: 'error'; readonly message: string };

const HISTOGRAM_ENTRY = { title: 'Accepted and rejected over time', description: 'a histogram per time bucket, with SKIPDATA gaps, NODATA and the detectors\' findings marked' };

/** The histogram, then the canned queries (the seed's flow-log analysis): run with progress and cancel, scroll the results. */
export function FlowLogsScreen({ data, width, height, colors, active }: { data: AppData; width: number; height: number; colors: boolean; active: boolean }) {
  const [state, setState] = useState<State>({ kind: 'menu' });
  const controller = useRef<AbortController | undefined>(undefined);
  const spinner = useSpinner(state.kind === 'running');
  const entries = [HISTOGRAM_ENTRY, ...CANNED_QUERIES];
  const menu = useList(entries.length, height - 2);
  const resultLines = state.kind === 'results' ? state.lines : [];
  const results = useList(resultLines.length, height - 2);
  const parameters = {
    vpcCidr: data.spec.vpcCidr,
    endpointFilter: endpointUsageFilter(data.endpointAddresses ? { addresses: data.endpointAddresses } : { subnetCidrs: data.spec.privateSubnetCidrs }),
  };

  /** Runs `work` with a query runner that shows progress; esc cancels. */
  const start = (label: string, work: (query: (text: string) => Promise<{ columns: readonly string[]; rows: readonly ResultRow[] }>) => Promise<{ title: string; lines: readonly string[] }>) => {
    const runQuery = data.runQuery;
    if (!runQuery) return;
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'running', query: label, records: 0 });
    const query = (text: string) => {
      setState((s) => (s.kind === 'running' ? { ...s, query: text } : s));
      return runQuery(text, abort.signal, (records) => setState((s) => (s.kind === 'running' ? { ...s, records } : s)));
    };
    work(query)
      .then((r) => setState({ kind: 'results', ...r }))
      .catch((error: unknown) => setState(abort.signal.aborted ? { kind: 'menu' } : { kind: 'error', message: (error as Error).message }));
  };

  const runCanned = (text: string) =>
    start(text, async (query) => {
      const started = Date.now();
      const r = await query(text);
      return { title: `${r.rows.length} rows in ${((Date.now() - started) / 1000).toFixed(2)} s — ${text}`, lines: textTable([r.columns.map(String), ...r.rows.map((row) => r.columns.map((c) => row[c] ?? '-'))]).split('\n') };
    });

  const runHistogram = () =>
    start(HISTOGRAM_RANGE_QUERY, async (query) => {
      const bucket = histogramBucketMs((await query(HISTOGRAM_RANGE_QUERY)).rows, Math.max(6, height - 4));
      const rows = (await query(histogramQuery(bucket))).rows;
      const runs = await runDetectors(async (text) => (await query(text)).rows, parameters, DETECTORS);
      const findings = runs.flatMap((r) => r.findings);
      const lines = renderHistogram(buildHistogram(rows, bucket, findings), width);
      const notes = runs.filter((r) => r.error).map((r) => `${r.detector}: could not run (${r.error})`);
      return { title: `${findings.length} finding(s) from ${runs.length - notes.length} detectors, per ${bucket / 60_000} min`, lines: [...lines, ...notes] };
    });

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
        const index = menu.current();
        if (index === 0) runHistogram();
        else runCanned(CANNED_QUERIES[index - 1]!.text(parameters));
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
        <Line text={state.title} width={width} colors={colors} tone="accent" />
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
      {entries.slice(top, top + height - 2).map((q, i) => (
        <Line key={q.title} text={`${q.title} — ${q.description}`} width={width} colors={colors} inverse={top + i === menu.selected} />
      ))}
      <Line text="enter runs the query (the same text runs in CloudWatch Logs Insights)" width={width} colors={colors} tone="dim" />
    </Box>
  );
}
