import { describe, expect, it, vi } from 'vitest';
import { render } from 'ink-testing-library';
import { ReachForm } from './ReachForm.js';
import type { ReachQuestion } from '../doctor/types.js';
import { KEY, plain, tick, until, waitFor } from '../../test/support/ink-helpers.js';

process.env['NO_COLOR'] = '1';
const form = (initial?: ReachQuestion) => {
  const onSubmit = vi.fn<(q: ReachQuestion) => void>();
  const onCancel = vi.fn<() => void>();
  const app = render(<ReachForm width={80} colors={false} onSubmit={onSubmit} onCancel={onCancel} {...(initial ? { initial } : {})} />);
  return { app, onSubmit, onCancel };
};

describe('ReachForm', () => {
  it('asks from, to and port, each with an example, the cursor in "from"', () => {
    const { app } = form();
    expect(plain(app.lastFrame()).split('\n')).toEqual([
      'Can A reach B — the flow to check (tcp)',
      '  from  ▏   e.g. 10.0.10.50, eks-nodes, sg-…; empty: who can reach',
      '  to       e.g. rds, database, 10.0.100.20',
      '  port     e.g. 5432',
      'tab next field · enter run · esc cancel',
    ]);
    app.unmount();
  });

  it('takes from, to and port (a pasted chunk too) and submits a tcp question', async () => {
    const { app, onSubmit } = form();
    app.stdin.write('10.0.10.50');
    await waitFor(app.lastFrame, 'from  10.0.10.50▏');
    app.stdin.write(KEY.tab);
    await waitFor(app.lastFrame, 'to    ▏');
    app.stdin.write('rds\r5432\r');
    await until(() => expect(onSubmit).toHaveBeenCalledWith({ from: '10.0.10.50', to: 'rds', port: 5432, protocol: 'tcp' }));
    app.unmount();
  });

  it('leaves "from" empty to ask who can reach B', async () => {
    const { app, onSubmit } = form();
    app.stdin.write(`${KEY.tab}database${KEY.tab}443${KEY.enter}`);
    await until(() => expect(onSubmit).toHaveBeenCalledWith({ from: undefined, to: 'database', port: 443, protocol: 'tcp' }));
    app.unmount();
  });

  it('refuses a port that is not a whole number, and runs once it is fixed', async () => {
    const { app, onSubmit } = form();
    app.stdin.write('eks-nodes\trds\tabc\r');
    await waitFor(app.lastFrame, '--port abc: expected a whole number');
    expect(onSubmit).not.toHaveBeenCalled();
    app.stdin.write(`${KEY.backspace}${KEY.backspace}${KEY.backspace}`);
    await waitFor(app.lastFrame, 'port  ▏');
    app.stdin.write('5432\r');
    await until(() => expect(onSubmit).toHaveBeenCalledWith({ from: 'eks-nodes', to: 'rds', port: 5432, protocol: 'tcp' }));
    app.unmount();
  });

  it('asks for "to" when only "from" and "port" are given', async () => {
    const { app, onSubmit } = form();
    app.stdin.write(`eks-nodes${KEY.tab}${KEY.tab}5432${KEY.enter}`);
    await waitFor(app.lastFrame, '--from was given without --to');
    expect(onSubmit).not.toHaveBeenCalled();
    app.unmount();
  });

  it('moves between fields with ↑ ↓ and shift-tab, wrapping around', async () => {
    const { app } = form();
    app.stdin.write(KEY.up); // from "from" to "port"
    await waitFor(app.lastFrame, 'port  ▏');
    app.stdin.write(KEY.down); // back to "from"
    await waitFor(app.lastFrame, 'from  ▏');
    app.stdin.write('\u001b[Z'); // shift-tab: to "port"
    await waitFor(app.lastFrame, 'port  ▏');
    app.unmount();
  });

  it('cancels with esc without submitting', async () => {
    const { app, onSubmit, onCancel } = form();
    app.stdin.write('eks-nodes');
    await tick();
    app.stdin.write(KEY.escape);
    await until(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(onSubmit).not.toHaveBeenCalled();
    app.unmount();
  });

  it('starts from the last question asked', async () => {
    const { app, onSubmit } = form({ from: 'alb-internal', to: 'rds', port: 5432, protocol: 'tcp' });
    expect(plain(app.lastFrame())).toContain('from  alb-internal▏');
    expect(plain(app.lastFrame())).toContain('to    rds');
    app.stdin.write('\r\r\r');
    await until(() => expect(onSubmit).toHaveBeenCalledWith({ from: 'alb-internal', to: 'rds', port: 5432, protocol: 'tcp' }));
    app.unmount();
  });
});
