import { useEffect, useRef, useState } from 'react';
import { Box } from 'ink';
import {
  CANNED_QUERIES,
  DETECTORS,
  detectorParameters,
  HISTOGRAM_RANGE_QUERY,
  buildHistogram,
  endpointUsageFilter,
  histogramBucketMs,
  histogramQuery,
  runDetectors,
  type ResultRow,
} from '@artos/flowlog-analyzer';
import type { ScreenProps } from './app-data.js';
import { Line } from './Line.js';
import { useList } from './use-list.js';
import { useKeys } from './use-keys.js';
import { useSideways, widestOf } from './use-sideways.js';
import { useSpinner } from './use-spinner.js';
import { textTable } from '../render/text-table.js';
import { renderHistogram } from '../render/histogram-text.js';

type State =
  | { readonly kind: 'menu' }
  | { readonly kind: 'running'; readonly query: string; readonly records: number }
  | { readonly kind: 'results'; readonly query: string; readonly columns: readonly string[]; readonly rows: readonly ResultRow[]; readonly seconds: number }
  | { readonly kind: 'histogram'; readonly title: string; readonly lines: readonly string[] }
  | { readonly kind: 'error'; readonly message: string };

const HISTOGRAM_ENTRY = {
  id: 'histogram',
  title: 'Accepted and rejected over time',
  description: "a histogram per time bucket, with SKIPDATA gaps, NODATA and the detectors' findings marked",
};

/** "1 row", "4,957 rows". */
export function rowCount(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;
}

/** With a filter: the result rows with a cell that contains it. */
function matchingRows(rows: readonly ResultRow[], columns: readonly string[], filter: string): readonly ResultRow[] {
  if (!filter) return rows;
  const needle = filter.toLowerCase();
  return rows.filter((r) =>
    columns.some((c) =>
      String(r[c] ?? '')
        .toLowerCase()
        .includes(needle),
    ),
  );
}

/** The canned queries (the seed's flow-log analysis), then the histogram: run with progress and cancel, scroll the results. */
export function FlowLogsScreen({ data, width, height, colors, active, filter = '', clearFilter }: ScreenProps & { readonly clearFilter?: () => void }) {
  const [state, setStateValue] = useState<State>({ kind: 'menu' });
  // The handler reads the state from a ref: keys batched in one chunk see each other's effect.
  const stateRef = useRef<State>(state);
  const setState = (next: State | ((s: State) => State)) => {
    stateRef.current = typeof next === 'function' ? next(stateRef.current) : next;
    setStateValue(stateRef.current);
  };
  const controller = useRef<AbortController | undefined>(undefined);
  // Leaving the UI (q, ctrl-c) cancels a running query instead of waiting for it.
  useEffect(() => () => controller.current?.abort(new Error('the UI was closed')), []);
  const spinner = useSpinner(state.kind === 'running');
  const needle = filter.toLowerCase();
  const queries = [...CANNED_QUERIES, HISTOGRAM_ENTRY].filter((q) => !needle || `${q.title} ${q.description}`.toLowerCase().includes(needle));
  const parameters = {
    ...detectorParameters(data.spec),
    endpointFilter: endpointUsageFilter(data.endpointAddresses ? { addresses: data.endpointAddresses } : { subnetCidrs: data.spec.privateSubnetCidrs }),
  };
  const menu = useList(queries.length, height - 2);
  const shownRows = state.kind === 'results' ? matchingRows(state.rows, state.columns, filter) : [];
  const resultLines =
    state.kind === 'results'
      ? textTable([state.columns.map(String), ...shownRows.map((r) => state.columns.map((c) => r[c] ?? '-'))]).split('\n')
      : state.kind === 'histogram'
        ? [...state.lines]
        : [];
  const page = Math.max(1, height - 2);
  const results = useList(Math.max(1, resultLines.length - page + 1), page);
  const sideways = useSideways(widestOf(resultLines), width);

  const run = (query: string) => {
    if (!data.runQuery) return;
    const abort = new AbortController();
    controller.current = abort;
    const started = Date.now();
    // A filter that picked the query is not one for its rows.
    clearFilter?.();
    setState({ kind: 'running', query, records: 0 });
    data
      .runQuery(query, abort.signal, (records) => setState((s) => (s.kind === 'running' ? { ...s, records } : s)))
      .then((r) => {
        if (!abort.signal.aborted) setState({ kind: 'results', query, columns: r.columns, rows: r.rows, seconds: (Date.now() - started) / 1000 });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setState({ kind: 'error', message: (error as Error).message });
      });
  };

  /** The histogram: the time range, the counts per bucket, and the detectors' findings to mark. */
  const runHistogram = () => {
    const runQuery = data.runQuery;
    if (!runQuery) return;
    const abort = new AbortController();
    controller.current = abort;
    clearFilter?.();
    setState({ kind: 'running', query: HISTOGRAM_RANGE_QUERY, records: 0 });
    const query = async (text: string) => {
      setState((s) => (s.kind === 'running' ? { ...s, query: text } : s));
      return (await runQuery(text, abort.signal, (records) => setState((s) => (s.kind === 'running' ? { ...s, records } : s)))).rows;
    };
    (async () => {
      const bucket = histogramBucketMs(await query(HISTOGRAM_RANGE_QUERY), Math.max(6, height - 4));
      const rows = await query(histogramQuery(bucket));
      const runs = await runDetectors(query, parameters, DETECTORS);
      const findings = runs.flatMap((r) => r.findings);
      const notes = runs.filter((r) => r.error).map((r) => `${r.detector}: could not run (${r.error})`);
      return {
        title: `${findings.length} finding(s) from ${runs.length - notes.length} detectors, per ${bucket / 60_000} min`,
        lines: [...renderHistogram(buildHistogram(rows, bucket, findings), width), ...notes],
      };
    })()
      .then((r) => {
        if (!abort.signal.aborted) setState({ kind: 'histogram', ...r });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setState({ kind: 'error', message: (error as Error).message });
      });
  };

  useKeys(
    (input, key) => {
      const current = stateRef.current;
      if (current.kind === 'running') {
        if (key.escape || input === 'c') {
          controller.current?.abort(new Error('cancelled'));
          setState({ kind: 'menu' });
        }
        return;
      }
      if (current.kind === 'results' || current.kind === 'histogram' || current.kind === 'error') {
        if (key.escape || input === 'b') setState({ kind: 'menu' });
        else if (!results.navigate(input, key, page)) sideways.navigate(input, key);
        return;
      }
      if (menu.navigate(input, key)) return;
      if (key.return) {
        const q = queries[menu.current()];
        if (q === HISTOGRAM_ENTRY) runHistogram();
        else if (q && 'text' in q) run(q.text(parameters));
      }
    },
    { isActive: active },
  );

  if (!data.runQuery)
    return <Line text="No flow logs: start with --flow-logs FILE, or --live (the flow-log group in the account)." width={width} colors={colors} tone="warn" />;
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
  if (state.kind === 'histogram') {
    // The legend stays on screen; the buckets below it scroll.
    const top = results.selected;
    return (
      <Box flexDirection="column" height={height}>
        <Line text={state.title} width={width} colors={colors} tone="accent" />
        <Line text={resultLines[0] ?? ''} width={width} colors={colors} offset={sideways.offset} bold />
        {resultLines
          .slice(1)
          .slice(top, top + page - 1)
          .map((l, i) => (
            <Line key={top + i} text={l} width={width} colors={colors} offset={sideways.offset} />
          ))}
        <Line text="↑↓ PgUp PgDn Home End scroll · ←→ sideways · esc back" width={width} colors={colors} tone="dim" />
      </Box>
    );
  }
  if (state.kind === 'results') {
    // The column header stays on screen; the rows below it scroll.
    const top = results.selected;
    const body = resultLines.slice(1);
    const count = filter ? `${rowCount(shownRows.length)} of ${state.rows.length.toLocaleString('en-US')} match "${filter}"` : rowCount(state.rows.length);
    return (
      <Box flexDirection="column" height={height}>
        <Line text={`${count} in ${state.seconds.toFixed(2)} s — ${state.query}`} width={width} colors={colors} tone="accent" />
        <Line text={resultLines[0] ?? ''} width={width} colors={colors} offset={sideways.offset} bold />
        {body.slice(top, top + page - 1).map((l, i) => (
          <Line key={top + i} text={l} width={width} colors={colors} offset={sideways.offset} />
        ))}
        <Line text="↑↓ PgUp PgDn Home End scroll · ←→ sideways · esc back" width={width} colors={colors} tone="dim" />
      </Box>
    );
  }
  const top = menu.top;
  return (
    <Box flexDirection="column" height={height}>
      {header}
      {queries.length === 0 ? <Line text={`no query matches "${filter}"`} width={width} colors={colors} tone="dim" /> : null}
      {queries.slice(top, top + height - 2).map((q, i) => (
        <Line key={q.id} text={`${q.title} — ${q.description}`} width={width} colors={colors} inverse={top + i === menu.selected} />
      ))}
      <Line text="enter runs the query (the same text runs in CloudWatch Logs Insights)" width={width} colors={colors} tone="dim" />
    </Box>
  );
}
