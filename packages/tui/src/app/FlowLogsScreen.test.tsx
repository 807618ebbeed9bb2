import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { CANNED_QUERIES, endpointUsageFilter, type ResultRow } from '@artos/flowlog-analyzer';
import { FlowLogsScreen, rowCount } from './FlowLogsScreen.js';
import type { AppData } from './app-data.js';
import { KEY, plain, productionAppData, tick, until, waitFor } from '../../test/support/ink-helpers.js';

process.env['NO_COLOR'] = '1';
let data: AppData;
beforeAll(async () => {
  data = await productionAppData();
});
const screen = (d: AppData, props: { filter?: string; active?: boolean; clearFilter?: () => void } = {}) =>
  render(
    <FlowLogsScreen
      data={d}
      width={120}
      height={20}
      colors={false}
      active={props.active ?? true}
      filter={props.filter ?? ''}
      {...(props.clearFilter ? { clearFilter: props.clearFilter } : {})}
    />,
  );
const rows = (n: number): ResultRow[] => Array.from({ length: n }, (_, i) => ({ srcAddr: `10.0.0.${i}`, n: String(i) }));

describe('FlowLogsScreen', () => {
  it('without flow logs says how to give them', () => {
    const app = screen({ ...data, runQuery: undefined });
    expect(plain(app.lastFrame())).toBe('No flow logs: start with --flow-logs FILE, or --live (the flow-log group in the account).');
    app.unmount();
  });

  it('lists the canned queries and the histogram under the source of the flow logs', () => {
    const app = screen(data);
    const frame = plain(app.lastFrame()).split('\n');
    expect(frame[0]).toBe('Flow logs: test traffic');
    for (const q of CANNED_QUERIES) expect(frame.some((l) => l.startsWith(`${q.title} — `))).toBe(true);
    expect(frame).toContainEqual(expect.stringMatching(/^Accepted and rejected over time — /));
    app.unmount();
  });

  it('runs the selected query on enter, clears the filter that picked it, and shows its rows under the column header', async () => {
    const ran: string[] = [];
    let cleared = 0;
    const app = screen({ ...data, runQuery: async (q) => (ran.push(q), { columns: ['srcAddr', 'n'], rows: rows(3) }) }, { clearFilter: () => cleared++ });
    app.stdin.write('j\r'); // the second query, batched with enter
    const frame = await waitFor(app.lastFrame, '3 rows in');
    const parameters = { vpcCidr: data.spec.vpcCidr, endpointFilter: endpointUsageFilter({ subnetCidrs: data.spec.privateSubnetCidrs }) };
    expect(ran).toEqual([CANNED_QUERIES[1]!.text(parameters)]);
    expect(cleared).toBe(1);
    expect(frame).toMatch(/srcAddr\s+n\n10\.0\.0\.0\s+0\n10\.0\.0\.1\s+1\n10\.0\.0\.2\s+2/);
    app.stdin.write(KEY.escape);
    await waitFor(app.lastFrame, 'Flow logs: test traffic');
    app.unmount();
  });

  it('filters the menu by title and description', () => {
    const app = screen(data, { filter: 'TOP REJ' });
    const menu = plain(app.lastFrame()).split('\n').slice(1, -1);
    expect(menu).toEqual([expect.stringMatching(/^Top rejected sources and ports — /)]);
    app.unmount();
  });

  it('says when no query matches the filter', () => {
    const app = screen(data, { filter: 'zzz' });
    expect(plain(app.lastFrame())).toContain('no query matches "zzz"');
    app.unmount();
  });

  it('filters the rows of a result to those with a matching cell, counting both', async () => {
    const many = { ...data, runQuery: async () => ({ columns: ['srcAddr', 'n'], rows: rows(30) }) };
    const app = render(<FlowLogsScreen data={many} width={120} height={20} colors={false} active filter="" />);
    app.stdin.write(KEY.enter);
    await waitFor(app.lastFrame, '30 rows in');
    app.rerender(<FlowLogsScreen data={many} width={120} height={20} colors={false} active filter="10.0.0.2" />);
    const frame = await waitFor(app.lastFrame, 'match "10.0.0.2"');
    expect(frame).toContain('11 rows of 30 match "10.0.0.2"'); // 2, 20 … 29
    const body = frame.split('\n').filter((l) => /^10\.0\.0\./.test(l));
    expect(body.map((l) => l.split(/\s+/)[0])).toEqual(['10.0.0.2', ...Array.from({ length: 10 }, (_, i) => `10.0.0.${20 + i}`)]);
    app.unmount();
  });

  it('pages through a long result with PgDn and End, keeping the column header', async () => {
    const app = screen({ ...data, runQuery: async () => ({ columns: ['srcAddr', 'n'], rows: rows(200) }) });
    app.stdin.write(KEY.enter);
    await waitFor(app.lastFrame, '200 rows in');
    app.stdin.write(KEY.pageDown);
    // 20 rows: title, header, hint: 17 rows of data a page, a page is 18 positions.
    await until(() => expect(plain(app.lastFrame()).split('\n')[2]).toMatch(/^10\.0\.0\.18\s+18$/));
    app.stdin.write(KEY.end);
    await until(() => expect(plain(app.lastFrame())).toMatch(/10\.0\.0\.199\s+199\n.*esc back$/));
    expect(plain(app.lastFrame()).split('\n')[1]).toMatch(/^srcAddr\s+n$/);
    app.unmount();
  });

  it('shows progress while a query runs, and esc cancels it', async () => {
    let signal: AbortSignal | undefined;
    let progress: ((records: number) => void) | undefined;
    const app = screen({ ...data, runQuery: (_q, s, onProgress) => ((signal = s), (progress = onProgress), new Promise(() => {})) });
    app.stdin.write(KEY.enter);
    await waitFor(app.lastFrame, 'running:');
    progress!(12345);
    await waitFor(app.lastFrame, '12,345 records read — esc to cancel');
    app.stdin.write(KEY.escape);
    await until(() => expect(signal?.aborted).toBe(true));
    await waitFor(app.lastFrame, 'Flow logs: test traffic');
    app.unmount();
  });

  it('shows a failed query and goes back with esc', async () => {
    const app = screen({ ...data, runQuery: async () => Promise.reject(new Error('AccessDeniedException: logs:StartQuery')) });
    app.stdin.write(KEY.enter);
    await waitFor(app.lastFrame, 'error: AccessDeniedException: logs:StartQuery');
    app.stdin.write('b');
    await waitFor(app.lastFrame, 'enter runs the query');
    app.unmount();
  });

  it('ignores keys while inactive', async () => {
    let runs = 0;
    const app = screen({ ...data, runQuery: async () => (runs++, { columns: [], rows: [] }) }, { active: false });
    app.stdin.write(KEY.enter);
    await tick(150);
    expect(runs).toBe(0);
    app.unmount();
  });
});

describe('rowCount', () => {
  it('says "1 row", "0 rows" and groups thousands', () => {
    expect(rowCount(1)).toBe('1 row');
    expect(rowCount(0)).toBe('0 rows');
    expect(rowCount(4957)).toBe('4,957 rows');
  });
});
