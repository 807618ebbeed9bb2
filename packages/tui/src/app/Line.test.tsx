import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { Line } from './Line.js';
import { HelpOverlay } from './HelpOverlay.js';
import { plain } from '../../test/support/ink-helpers.js';

process.env['NO_COLOR'] = '1';
const ESC = String.fromCharCode(27);
const BEL = String.fromCharCode(7);
const line = (text: string, width: number, offset?: number) => {
  const app = render(<Line text={text} width={width} colors={false} {...(offset !== undefined ? { offset } : {})} />);
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return frame;
};

describe('Line', () => {
  it('shows a short line whole', () => expect(line('Interface sts', 20)).toBe('Interface sts'));
  it('cuts a long line to the width, marking the cut with …', () => expect(line('0123456789abcdef', 10)).toBe('012345678…'));
  it('scrolled sideways, marks the hidden start with …', () => expect(line('0123456789abcdef', 10, 6)).toBe('…789abcdef'));
  it('keeps one line: a newline in the data becomes a space', () => expect(line('first\nsecond', 20)).toBe('first second'));

  it('never passes a terminal control sequence from the data to the terminal', () => {
    // A tag or AWS error text could carry OSC (title), CSI (clear screen) or BEL.
    const frame = line(`${ESC}]0;pwned${BEL}${ESC}[2Jinjected`, 40);
    expect(frame).toContain('injected');
    expect(frame).not.toContain(ESC);
    expect(frame).not.toContain(BEL);
  });

  it('colours by tone only when colours are on', () => {
    const on = render(<Line text="ok" width={10} colors tone="good" />);
    const off = render(<Line text="ok" width={10} colors={false} tone="good" />);
    expect(off.lastFrame()).toBe('ok');
    // ink-testing-library renders with chalk's level of the test process: compare the unstyled text only.
    expect(plain(on.lastFrame())).toBe('ok');
    on.unmount();
    off.unmount();
  });
});

describe('HelpOverlay', () => {
  const words = (text: string) =>
    text
      .replace(/[│╭╮╰╯─]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
      .join(' ');

  it.each([120, 60, 40])('shows every key and its whole description at %i columns, within the width', (width) => {
    const app = render(<HelpOverlay width={width} colors={false} />);
    const frame = plain(app.lastFrame());
    for (const l of frame.split('\n')) expect([...l].length).toBeLessThanOrEqual(Math.min(width, 80));
    expect(frame).not.toContain('…');
    const text = words(frame);
    for (const said of [
      'artos-net — keys',
      '1 2 3 4 5 overview doctor flow-logs CIDR graph',
      'run the workflow or query, open a step (reach asks from, to, port)',
      'filter the lines, workflows, queries or rows of this screen (enter or esc ends)',
      'q or ctrl-c quit',
      'press ? or esc to close',
    ])
      expect(text).toContain(said);
    app.unmount();
  });
});

describe('HelpOverlay in a 60×20 terminal', () => {
  it('leaves room for the tab line and the footer (18 rows)', () => {
    const app = render(<HelpOverlay width={59} colors={false} />);
    expect(plain(app.lastFrame()).split('\n').length).toBeLessThanOrEqual(18);
    app.unmount();
  });
});
