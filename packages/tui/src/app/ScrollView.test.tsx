import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { ScrollView } from './ScrollView.js';
import { KEY, plain, tick, until } from '../../test/support/ink-helpers.js';

process.env['NO_COLOR'] = '1';
const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `line ${i}` }));
const shown = (frame: string | undefined) => plain(frame).split('\n');
const view = (props: Partial<Parameters<typeof ScrollView>[0]> = {}) =>
  render(<ScrollView lines={lines(100)} width={40} height={5} colors={false} active filter="" {...props} />);

describe('ScrollView', () => {
  it('shows the first `height` lines', () => {
    const v = view();
    expect(shown(v.lastFrame())).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
    v.unmount();
  });

  it('moves one line per j, k, ↓ and ↑, "jjjj" in one chunk moving four', async () => {
    const v = view();
    v.stdin.write('jjjj');
    await until(() => expect(shown(v.lastFrame())[0]).toBe('line 4'));
    v.stdin.write('k');
    await until(() => expect(shown(v.lastFrame())[0]).toBe('line 3'));
    v.stdin.write(KEY.down);
    await until(() => expect(shown(v.lastFrame())[0]).toBe('line 4'));
    v.stdin.write(KEY.up);
    await until(() => expect(shown(v.lastFrame())[0]).toBe('line 3'));
    v.unmount();
  });

  it('moves a page with PgDn, PgUp and space, and to the ends with Home, End, g and G', async () => {
    const v = view();
    v.stdin.write(KEY.pageDown);
    await until(() => expect(shown(v.lastFrame())[0]).toBe('line 5'));
    v.stdin.write(' ');
    await until(() => expect(shown(v.lastFrame())[0]).toBe('line 10'));
    v.stdin.write(KEY.pageUp);
    await until(() => expect(shown(v.lastFrame())[0]).toBe('line 5'));
    v.stdin.write(KEY.end);
    await until(() => expect(shown(v.lastFrame())).toEqual(['line 95', 'line 96', 'line 97', 'line 98', 'line 99']));
    v.stdin.write(KEY.home);
    await until(() => expect(shown(v.lastFrame())[0]).toBe('line 0'));
    v.stdin.write('G');
    await until(() => expect(shown(v.lastFrame())[4]).toBe('line 99'));
    v.stdin.write('g');
    await until(() => expect(shown(v.lastFrame())[0]).toBe('line 0'));
    v.unmount();
  });

  it('stops at the last full page: j past the end keeps the last line at the bottom', async () => {
    const v = view({ lines: lines(7) });
    v.stdin.write('jjjjjjjjjj');
    await until(() => expect(shown(v.lastFrame())).toEqual(['line 2', 'line 3', 'line 4', 'line 5', 'line 6']));
    v.unmount();
  });

  it('shows only the lines that contain the filter, ignoring case', () => {
    const v = view({ lines: [{ text: 'Interface sts' }, { text: 'Interface ECR.dkr' }, { text: 'Gateway s3' }], filter: 'ecr.DKR' });
    expect(shown(v.lastFrame())).toEqual(['Interface ECR.dkr']);
    v.unmount();
  });

  it('says when nothing matches the filter, and when there is nothing at all', () => {
    const none = view({ filter: 'zzz' });
    expect(plain(none.lastFrame())).toBe('nothing matches "zzz"');
    none.unmount();
    const empty = view({ lines: [] });
    expect(plain(empty.lastFrame())).toBe('(empty)');
    empty.unmount();
  });

  it('ignores keys while inactive (another screen, the help or the filter has them)', async () => {
    const v = view({ active: false });
    v.stdin.write('jjj');
    v.stdin.write(KEY.end);
    await tick(100);
    expect(shown(v.lastFrame())[0]).toBe('line 0');
    v.unmount();
  });

  it('scrolls a long line sideways with → / l and back with ← / h, marking the cut with …', async () => {
    const v = view({ lines: [{ text: `start ${'x'.repeat(60)} the-end` }] });
    expect(plain(v.lastFrame())).toMatch(/^start x+…$/);
    v.stdin.write(KEY.right);
    v.stdin.write('ll');
    await until(() => expect(plain(v.lastFrame())).toMatch(/^…x+ the-end$/));
    v.stdin.write(KEY.left);
    v.stdin.write('hh');
    await until(() => expect(plain(v.lastFrame())).toMatch(/^start /));
    v.unmount();
  });
});
