import { describe, expect, it, beforeAll } from 'vitest';
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import { assertValidSpec, preset } from '@artos/model';
import { generateSampleTraffic, planSampleTraffic, runQueryOnText, type ResultRow } from '@artos/flowlog-analyzer';
import { App } from './App.js';
import { ScrollView } from './ScrollView.js';
import type { AppData } from './app-data.js';
import { buildDoctorContext } from '../doctor/build-context.js';
import { tick, until, waitFor } from '../../test/support/ink-helpers.js';

// Keys as a terminal sends them (xterm): ink-testing-library hands each write to Ink as one chunk,
// as a terminal does with keys typed faster than a frame.
const PG_DOWN = '\u001b[6~';
const PG_UP = '\u001b[5~';
const HOME = '\u001b[H';
const END = '\u001b[F';
const TAB = '\t';

process.env['NO_COLOR'] = '1';
const spec = assertValidSpec(preset('production'));
const traffic = [...generateSampleTraffic(spec, { records: 5000 })].join('\n');
let data: AppData;

beforeAll(async () => {
  const context = await buildDoctorContext(spec, 'preset production', {});
  data = {
    spec,
    source: 'preset production',
    context: { ...context, flowLogQuery: async (q: string) => runQueryOnText(q, traffic).rows },
    runQuery: async (q) => {
      const r = runQueryOnText(q, traffic);
      return { columns: r.columns, rows: r.rows };
    },
    flowLogSource: 'test traffic',
  };
});

const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `line ${i}` }));
const firstLine = (frame: string | undefined) => stripAnsi(frame ?? '').split('\n')[0];

describe('every keypress counts', () => {
  it('ten j typed in one chunk move ten lines, as ten j typed one by one do', async () => {
    const one = render(<ScrollView lines={lines(100)} width={40} height={5} colors={false} active filter="" />);
    for (let i = 0; i < 10; i++) {
      one.stdin.write('j');
      await tick(10);
    }
    const batched = render(<ScrollView lines={lines(100)} width={40} height={5} colors={false} active filter="" />);
    batched.stdin.write('jjjjjjjjjj');
    await until(() => {
      expect(firstLine(one.lastFrame())).toBe('line 10');
      expect(firstLine(batched.lastFrame())).toBe('line 10');
    });
    one.unmount();
    batched.unmount();
  });

  it('"j" and enter in one chunk run the second workflow', async () => {
    const app = render(<App data={data} size={{ columns: 120, rows: 40 }} initialScreen="doctor" />);
    app.stdin.write('j\r');
    await waitFor(app.lastFrame, 'RDS connection failures — ✖ a check failed');
    app.unmount();
  });

  it('two tabs in one chunk move two screens', async () => {
    const app = render(<App data={data} size={{ columns: 120, rows: 30 }} />);
    app.stdin.write(`${TAB}${TAB}`);
    await waitFor(app.lastFrame, '[Flow logs]');
    app.unmount();
  });
});

describe('PgUp, PgDn, Home and End', () => {
  it('move a page or to the ends of a scrolled view', async () => {
    const view = render(<ScrollView lines={lines(100)} width={40} height={10} colors={false} active filter="" />);
    view.stdin.write(PG_DOWN);
    await until(() => expect(firstLine(view.lastFrame())).toBe('line 10'));
    view.stdin.write(END);
    await until(() => expect(firstLine(view.lastFrame())).toBe('line 90'));
    expect(stripAnsi(view.lastFrame() ?? '')).toContain('line 99');
    view.stdin.write(PG_UP);
    await until(() => expect(firstLine(view.lastFrame())).toBe('line 80'));
    view.stdin.write(HOME);
    await until(() => expect(firstLine(view.lastFrame())).toBe('line 0'));
    view.unmount();
  });

  it('page through a long flow-log result, its column header kept', async () => {
    const rows: ResultRow[] = Array.from({ length: 4957 }, (_, i) => ({ srcAddr: `10.0.${Math.floor(i / 250)}.${i % 250}`, n: String(i) }));
    const many: AppData = { ...data, runQuery: async () => ({ columns: ['srcAddr', 'n'], rows }) };
    const app = render(<App data={many} size={{ columns: 80, rows: 20 }} initialScreen="flowlogs" />);
    app.stdin.write('\r');
    const first = await waitFor(app.lastFrame, '4,957 rows');
    expect(first).toMatch(/10\.0\.0\.0\s+0\n/);
    app.stdin.write(END);
    await until(() => {
      const last = stripAnsi(app.lastFrame() ?? '');
      expect(last).toMatch(/10\.0\.19\.206\s+4956/);
      expect(last).toMatch(/srcAddr\s+n/);
    });
    app.stdin.write(HOME);
    await until(() => expect(stripAnsi(app.lastFrame() ?? '')).toMatch(/10\.0\.0\.0\s+0\n/));
    app.stdin.write(PG_DOWN);
    // 20 rows: 1 tab line, 1 footer, 1 title, 1 column header, 1 hint: 15 rows a page.
    await until(() => expect(stripAnsi(app.lastFrame() ?? '')).toMatch(/\n10\.0\.0\.15\s+15\n/));
    app.unmount();
  });
});

describe('the / filter', () => {
  it('filters the Doctor workflows', async () => {
    const app = render(<App data={data} size={{ columns: 120, rows: 30 }} initialScreen="doctor" />);
    await waitFor(app.lastFrame, 'Pods cannot reach AWS services');
    app.stdin.write('/');
    app.stdin.write('rds');
    app.stdin.write('\r');
    const frame = await waitFor(app.lastFrame, 'filter "rds"');
    expect(frame).toContain('RDS connection failures');
    expect(frame).not.toContain('Pods cannot reach AWS services');
    app.unmount();
  });

  it("filters the flow-log queries and a result's rows", async () => {
    const app = render(<App data={data} size={{ columns: 120, rows: 30 }} initialScreen="flowlogs" />);
    app.stdin.write('/');
    app.stdin.write('top rej');
    app.stdin.write('\r');
    const menu = await waitFor(app.lastFrame, 'filter "top rej"');
    expect(menu).toContain('Top rejected sources and ports');
    expect(menu).not.toContain('Top talkers');
    app.stdin.write('\r'); // the only query left
    const all = await waitFor(app.lastFrame, 'esc back');
    // The sample's rogue pod (on a node without the eks-nodes group) is among the rejected sources.
    const rogue = planSampleTraffic(spec, { records: 1 }).placement.strayPods[0]!.address;
    expect(all).toContain(`\n${rogue} `);
    expect(all).toMatch(new RegExp(`\\n(?!${rogue.replace(/\./g, '\\.')} )\\d+\\.\\d+\\.\\d+\\.\\d+ `)); // other sources before the filter
    app.stdin.write('/');
    app.stdin.write(rogue);
    app.stdin.write('\r');
    const rows = await waitFor(app.lastFrame, `match "${rogue}"`);
    const body = rows.split('\n').filter((l) => /^\d+\.\d+\.\d+\.\d+ /.test(l));
    expect(body.length).toBeGreaterThan(0);
    for (const l of body) expect(l.startsWith(`${rogue} `)).toBe(true);
    app.unmount();
  });
});

describe('switching tabs', () => {
  it('keeps the doctor results and the query results', async () => {
    const app = render(<App data={data} size={{ columns: 120, rows: 40 }} initialScreen="doctor" />);
    app.stdin.write('j');
    await tick();
    app.stdin.write('\r');
    await waitFor(app.lastFrame, 'RDS connection failures — ✖ a check failed');
    app.stdin.write('3');
    await waitFor(app.lastFrame, '[Flow logs]');
    app.stdin.write('\r');
    await waitFor(app.lastFrame, 'rows in');
    app.stdin.write('1');
    await waitFor(app.lastFrame, '[Overview]');
    app.stdin.write('2');
    await waitFor(app.lastFrame, 'RDS connection failures — ✖ a check failed');
    app.stdin.write('3');
    await waitFor(app.lastFrame, 'rows in');
    app.unmount();
  });
});

describe('quitting', () => {
  it('q during a running query quits at once and cancels the query', async () => {
    let signal: AbortSignal | undefined;
    const slow: AppData = { ...data, runQuery: (_q, s) => ((signal = s), new Promise(() => {})) };
    const app = render(<App data={slow} size={{ columns: 100, rows: 30 }} initialScreen="flowlogs" />);
    app.stdin.write('\r');
    await waitFor(app.lastFrame, 'running:');
    app.stdin.write('q');
    await until(() => expect(signal?.aborted).toBe(true));
  });
});

describe('narrow terminals', () => {
  it.each([60, 80])('at %i columns every tab and "q quit" stay visible', async (columns) => {
    const app = render(<App data={data} size={{ columns, rows: 20 }} />);
    const frame = stripAnsi(app.lastFrame() ?? '');
    const all = frame.split('\n');
    for (const tab of ['Overview', 'Doctor', 'Flow logs', 'CIDR']) expect(all[0]).toContain(tab);
    expect(all.at(-1)).toContain('q quit');
    for (const l of all) expect([...l].length).toBeLessThanOrEqual(columns);
    app.unmount();
  });

  it('a line cut at the edge can be scrolled sideways to its end', async () => {
    const long = [{ text: `start ${'x'.repeat(100)} the-end` }];
    const view = render(<ScrollView lines={long} width={40} height={3} colors={false} active filter="" />);
    expect(stripAnsi(view.lastFrame() ?? '')).not.toContain('the-end');
    for (let i = 0; i < 10; i++) view.stdin.write('l');
    await until(() => expect(stripAnsi(view.lastFrame() ?? '')).toContain('the-end'));
    view.unmount();
  });
});

describe('the reach form', () => {
  it('asks from, to and port, checks them, and runs the reach workflow with them', async () => {
    const app = render(<App data={data} size={{ columns: 120, rows: 30 }} initialScreen="doctor" />);
    await waitFor(app.lastFrame, 'Can A reach B');
    app.stdin.write('jjj'); // endpoints, rds, bastion, reach
    await tick();
    app.stdin.write('\r');
    await waitFor(app.lastFrame, 'the flow to check');
    app.stdin.write('q'); // text in a form, not "quit"
    await tick();
    app.stdin.write('\u007f');
    app.stdin.write('10.0.10.50\trds\tabc\r');
    await waitFor(app.lastFrame, '--port abc: expected a whole number');
    app.stdin.write('\u007f\u007f\u007f5432\r');
    // The seed's RDS group admits 5432 from the EKS nodes group only: another address is refused.
    const frame = await waitFor(app.lastFrame, 'Can A reach B (10.0.10.50 → rds tcp 5432) — ✖ a check failed');
    expect(frame).toContain('10.0.10.50');
    app.unmount();
  });

  it('esc closes the form without running anything', async () => {
    const app = render(<App data={data} size={{ columns: 120, rows: 30 }} initialScreen="doctor" />);
    app.stdin.write('jjj');
    await tick();
    app.stdin.write('\r');
    await waitFor(app.lastFrame, 'the flow to check');
    app.stdin.write('\u001b');
    const frame = await waitFor(app.lastFrame, 'Can A reach B — press enter to run');
    expect(frame).not.toContain('the flow to check');
    app.unmount();
  });
});
