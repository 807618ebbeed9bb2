import { describe, expect, it, beforeAll } from 'vitest';
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import { assertValidSpec, preset } from '@artos/model';
import { generateSampleTraffic, planSampleTraffic, runQueryOnText } from '@artos/flowlog-analyzer';
import { App } from './App.js';
import type { AppData } from './app-data.js';
import { buildDoctorContext } from '../doctor/build-context.js';

process.env['NO_COLOR'] = '1';
const spec = assertValidSpec(preset('production'));
const traffic = [...generateSampleTraffic(spec, { records: 5000 })].join('\n');
// The pod on the node launched without the eks-nodes group: the source of the RDS rejects.
const roguePod = planSampleTraffic(spec, { records: 1 }).placement.strayPods[0]!.address;
let data: AppData;

beforeAll(async () => {
  const context = await buildDoctorContext(spec, 'preset production', {});
  const flowLogQuery = async (q: string) => runQueryOnText(q, traffic).rows;
  data = {
    spec,
    source: 'preset production',
    context: { ...context, flowLogQuery },
    runQuery: async (q) => {
      const r = runQueryOnText(q, traffic);
      return { columns: r.columns, rows: r.rows };
    },
    flowLogSource: 'test traffic',
  };
});

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
async function waitFor(frame: () => string | undefined, text: string, timeout = 3000): Promise<string> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const f = frame() ?? '';
    if (f.includes(text)) return f;
    await tick();
  }
  throw new Error(`"${text}" never appeared in:\n${frame()}`);
}

describe('App', () => {
  it('starts on the overview and moves between screens with tab and numbers', async () => {
    const app = render(<App data={data} size={{ columns: 100, rows: 30 }} />);
    expect(app.lastFrame()).toContain('[Overview]');
    expect(app.lastFrame()).toContain('Interface sts');
    app.stdin.write('\t');
    await waitFor(app.lastFrame, '[Doctor]');
    app.stdin.write('4');
    const cidr = await waitFor(app.lastFrame, '[CIDR]');
    expect(cidr).toContain('0 error(s), 0 warning(s) in 10.0.0.0/16');
    app.unmount();
  });

  it('shows the graph of the model: who may reach each group, by which rule', async () => {
    const app = render(<App data={data} size={{ columns: 120, rows: 60 }} />);
    app.stdin.write('5');
    const graph = await waitFor(app.lastFrame, '[Graph]');
    expect(graph).toMatch(/rds \(planned-rds-sg\)[^\n]*\n\s*← eks-nodes \(planned-eks-nodes-sg\): tcp 5432/);
    expect(graph).toContain('→ S3 prefix list: tcp 443');
    app.unmount();
  });

  it('runs the RDS workflow to its end and opens the failing step', async () => {
    const app = render(<App data={data} size={{ columns: 120, rows: 40 }} initialScreen="doctor" />);
    app.stdin.write('j'); // the second workflow: RDS connection failures
    await tick(100);
    app.stdin.write('\r');
    const frame = await waitFor(app.lastFrame, 'RDS connection failures — ✖ a check failed');
    expect(frame).toContain('✔ The RDS group admits PostgreSQL (5432) from the EKS nodes group');
    expect(frame).toContain('✖ No recent REJECTs on PostgreSQL (5432) in the flow logs');
    expect(frame.replace(/\s+/g, ' ')).toContain(`admits it if ${roguePod} is in group eks-nodes`); // wrapped over lines
    app.unmount();
  });

  it('shows and hides the help overlay', async () => {
    const app = render(<App data={data} size={{ columns: 100, rows: 30 }} />);
    app.stdin.write('?');
    await waitFor(app.lastFrame, 'artos-net — keys');
    app.stdin.write('?');
    await tick(60);
    expect(app.lastFrame()).not.toContain('artos-net — keys');
    app.unmount();
  });

  it('filters the lines of a screen with /', async () => {
    const app = render(<App data={data} size={{ columns: 100, rows: 30 }} />);
    app.stdin.write('/');
    await waitFor(app.lastFrame, 'filter: ▏');
    app.stdin.write('ecr.dkr');
    await waitFor(app.lastFrame, 'filter: ecr.dkr▏');
    app.stdin.write('\r');
    const frame = await waitFor(app.lastFrame, 'filter "ecr.dkr"');
    expect(frame).toContain('Interface ecr.dkr');
    expect(frame).not.toContain('Interface sts');
    app.unmount();
  });

  it('shows accepted and rejected records over time, with the gaps and the findings marked', async () => {
    const app = render(<App data={data} size={{ columns: 120, rows: 40 }} initialScreen="flowlogs" />);
    app.stdin.write('/');
    app.stdin.write('over time');
    app.stdin.write('\r');
    await waitFor(app.lastFrame, 'filter "over time"');
    app.stdin.write('\r'); // Accepted and rejected over time
    const frame = await waitFor(app.lastFrame, 'finding(s) from', 20_000);
    expect(frame).toMatch(/\d\d:\d\d +█+/);
    expect(frame).toContain('◆ port-scan');
    expect(frame).toContain('! SKIPDATA');
    app.unmount();
  });

  it('runs a canned flow-log query and shows its rows', async () => {
    const app = render(<App data={data} size={{ columns: 100, rows: 30 }} initialScreen="flowlogs" />);
    app.stdin.write('\r'); // Top rejected sources and ports
    const frame = await waitFor(app.lastFrame, 'rows in');
    expect(frame).toMatch(new RegExp(`${roguePod.replace(/\./g, '\\.')}\\s+5432\\s+30`));
    app.stdin.write('\u001b');
    await waitFor(app.lastFrame, 'Top rejected sources and ports');
    app.unmount();
  });

  it('fits a narrow 60×20 terminal', async () => {
    const app = render(<App data={data} size={{ columns: 60, rows: 20 }} initialScreen="doctor" />);
    app.stdin.write('\r');
    await waitFor(app.lastFrame, 'Pods cannot reach AWS services — ✔ passed');
    // Display width: styles (bold, inverse) are escape sequences, not columns.
    const lines = stripAnsi(app.lastFrame() ?? '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(20);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60);
    app.unmount();
  });

  it('never lets an escape sequence from AWS data reach the terminal', async () => {
    const evil = '\u001b]0;pwned\u0007\u001b[2Jinjected';
    const model = {
      ...data.context.model,
      problems: [{ part: 'security-groups' as const, action: 'ec2:DescribeSecurityGroups', detail: `AWS said: ${evil}`, fix: 'none', fatal: false }],
    };
    const app = render(<App data={{ ...data, context: { ...data.context, model } }} size={{ columns: 120, rows: 30 }} />);
    const frame = await waitFor(app.lastFrame, 'problem reading security-groups');
    expect(frame).toContain('injected');
    expect(frame).not.toContain('\u001b]0;');
    expect(frame).not.toContain('\u0007');
    expect(frame).not.toContain('\u001b[2J');
    app.unmount();
  });
});
