import { beforeAll, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { DoctorScreen, filterRows, wrap, type Row } from './DoctorScreen.js';
import type { AppData } from './app-data.js';
import { WORKFLOWS } from '../doctor/workflows.js';
import { KEY, plain, productionAppData, tick, until, waitFor } from '../../test/support/ink-helpers.js';

process.env['NO_COLOR'] = '1';
let data: AppData;
beforeAll(async () => {
  data = await productionAppData();
});
const screen = (props: { filter?: string; active?: boolean; height?: number } = {}) =>
  render(<DoctorScreen data={data} width={100} height={props.height ?? 30} colors={false} active={props.active ?? true} filter={props.filter ?? ''} />);

describe('DoctorScreen', () => {
  it('lists every workflow, waiting to be run', () => {
    const app = screen();
    expect(plain(app.lastFrame()).split('\n')).toEqual(WORKFLOWS.map((w) => `${w.title} — press enter to run`));
    app.unmount();
  });

  it('runs the selected workflow on enter and shows each step with its mark', async () => {
    const app = screen();
    app.stdin.write(KEY.enter);
    const frame = await waitFor(app.lastFrame, 'Pods cannot reach AWS services — ✔ passed');
    for (const step of WORKFLOWS[0]!.steps) expect(frame).toContain(`  ✔ ${step.title}`);
    app.unmount();
  });

  it('moves down with j (batched with enter) and runs the second workflow', async () => {
    const app = screen();
    app.stdin.write('j\r');
    const frame = await waitFor(app.lastFrame, 'RDS connection failures — ');
    await until(() => expect(plain(app.lastFrame())).not.toContain('RDS connection failures — press enter to run'));
    expect(frame).not.toContain('Pods cannot reach AWS services — ✔');
    app.unmount();
  });

  it("opens and closes a step's evidence with enter", async () => {
    const app = screen();
    app.stdin.write(KEY.enter);
    await waitFor(app.lastFrame, 'Pods cannot reach AWS services — ✔ passed');
    app.stdin.write('j'); // the first step
    await tick();
    app.stdin.write(KEY.enter);
    const open = await waitFor(app.lastFrame, 'endpoints found');
    expect(open).toMatch(/\n {6}\d+ of \d+ endpoints found/);
    app.stdin.write(KEY.enter);
    await until(() => expect(plain(app.lastFrame())).not.toContain('endpoints found'));
    app.unmount();
  });

  it('runs every workflow with a', async () => {
    const app = screen();
    app.stdin.write('a');
    await waitFor(app.lastFrame, 'Deployed network against the model — ');
    await until(() => expect(plain(app.lastFrame())).not.toMatch(/running|press enter to run/));
    app.unmount();
  });

  it('opens the reach form on the reach workflow, and runs the question it is given', async () => {
    const app = screen();
    const reachRow = WORKFLOWS.findIndex((w) => w.id === 'reach');
    app.stdin.write('j'.repeat(reachRow));
    await tick();
    app.stdin.write(KEY.enter);
    await waitFor(app.lastFrame, 'the flow to check');
    await tick(100); // on its own (outside the app's key router) the form reads Ink's input once its effect has run
    app.stdin.write('eks-nodes\trds\t5432\r');
    await waitFor(app.lastFrame, 'Can A reach B (eks-nodes → rds tcp 5432) — ✔ passed');
    app.unmount();
  });

  it('with a filter shows the matching rows and the workflow above them', async () => {
    const app = screen({ filter: 'bastion' });
    expect(plain(app.lastFrame()).split('\n')).toEqual(['Bastion cannot reach the EKS API — press enter to run']);
    app.stdin.write(KEY.enter); // the only row: runs the bastion workflow
    await waitFor(app.lastFrame, 'Bastion cannot reach the EKS API — ✔ passed');
    expect(plain(app.lastFrame())).toContain('✔ The bastion group is among additionalSecurityGroupIds');
    expect(plain(app.lastFrame())).not.toContain('EKS endpoint exists'); // a step that does not match
    app.unmount();
  });

  it('ignores keys while inactive', async () => {
    const app = screen({ active: false });
    app.stdin.write(KEY.enter);
    await tick(150);
    expect(plain(app.lastFrame())).not.toContain('passed');
    app.unmount();
  });
});

describe('filterRows', () => {
  const rows: Row[] = [
    { kind: 'workflow', workflow: 'rds', text: 'RDS connection failures' },
    { kind: 'step', workflow: 'rds', stepId: 'a', text: '  ✔ The RDS group admits PostgreSQL' },
    { kind: 'step', workflow: 'rds', stepId: 'b', text: '  ✖ No recent REJECTs' },
    { kind: 'workflow', workflow: 'bastion', text: 'Bastion cannot reach the EKS API' },
  ];
  it('keeps every row without a filter', () => expect(filterRows(rows, '')).toEqual(rows));
  it('keeps matching steps with their workflow row, case-insensitively', () =>
    expect(filterRows(rows, 'rejects').map((r) => r.text)).toEqual(['RDS connection failures', '  ✖ No recent REJECTs']));
  it('keeps a matching workflow row alone', () => expect(filterRows(rows, 'eks api').map((r) => r.text)).toEqual(['Bastion cannot reach the EKS API']));
});

describe('wrap', () => {
  it('wraps at spaces within the width, and cuts a word longer than the width', () => {
    expect(wrap('alpha beta gamma delta', 11)).toEqual(['alpha beta', 'gamma delta']);
    expect(wrap('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(wrap('short', 10)).toEqual(['short']);
  });
});
