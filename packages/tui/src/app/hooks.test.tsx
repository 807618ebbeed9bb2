import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { Text, type Key } from 'ink';
import { keyOf, splitKeys } from './use-keys.js';
import { moveOf } from './use-list.js';
import { useSideways, widestOf } from './use-sideways.js';
import { useSpinner } from './use-spinner.js';
import { useTerminalSize } from './use-terminal-size.js';
import { colorsEnabled, toneColor } from './theme.js';
import { KEY, tick, until } from '../../test/support/ink-helpers.js';

const none = keyOf('x')[1];
const withKey = (k: Partial<Key>): Key => ({ ...none, ...k });

describe('splitKeys and keyOf (use-keys)', () => {
  it('splits a batch of plain keys into one key each, in order', () => {
    expect(splitKeys('jjk', none).map(([input]) => input)).toEqual(['j', 'j', 'k']);
  });

  it('reads enter, tab, backspace and ctrl-letters inside a batch as Ink reads them alone', () => {
    const [a, enter, tab, back, ctrlC] = splitKeys(`a\r\t\u007f${String.fromCharCode(3)}`, none);
    expect(a).toEqual(['a', withKey({})]);
    expect(enter![1].return).toBe(true);
    expect(tab![1].tab).toBe(true);
    expect(back![1].backspace).toBe(true);
    expect(ctrlC).toEqual(['c', withKey({ ctrl: true })]);
  });

  it('marks capitals with shift (G goes to the end)', () => {
    expect(keyOf('G')).toEqual(['G', withKey({ shift: true })]);
  });

  it('leaves an escape sequence and a single key whole', () => {
    const arrow = withKey({ downArrow: true });
    expect(splitKeys(KEY.down, arrow)).toEqual([[KEY.down, arrow]]);
    expect(splitKeys('q', none)).toEqual([['q', none]]);
  });
});

describe('moveOf (use-list)', () => {
  it.each([
    ['j', {}, { by: 1 }],
    ['k', {}, { by: -1 }],
    ['', { downArrow: true }, { by: 1 }],
    ['', { upArrow: true }, { by: -1 }],
    [' ', {}, { by: 10 }],
    ['', { pageDown: true }, { by: 10 }],
    ['', { pageUp: true }, { by: -10 }],
    ['', { home: true }, { to: 'first' }],
    ['g', {}, { to: 'first' }],
    ['', { end: true }, { to: 'last' }],
    ['G', {}, { to: 'last' }],
  ] as const)('%j %j moves %j', (input, key, move) => {
    expect(moveOf(input, withKey(key), 10)).toEqual(move);
  });

  it('is no move for other keys, and a page of at least one row', () => {
    expect(moveOf('x', none, 10)).toBeUndefined();
    expect(moveOf('', withKey({ pageDown: true }), 0)).toEqual({ by: 1 });
  });
});

describe('useSideways and widestOf', () => {
  it('measures the widest line', () => {
    expect(widestOf(['ab', 'abcd', ''])).toBe(4);
    expect(widestOf([])).toBe(0);
  });

  let sideways: ReturnType<typeof useSideways> | undefined;
  function Probe({ widest, width }: { widest: number; width: number }) {
    sideways = useSideways(widest, width);
    return <Text>{`offset ${sideways.offset}`}</Text>;
  }
  const press = (keys: string) => [...keys].map((k) => sideways!.navigate(k, none));

  it('moves a third of the width, never past the widest line, and back to 0', async () => {
    const app = render(<Probe widest={100} width={30} />);
    expect(app.lastFrame()).toBe('offset 0');
    expect(press('l')).toEqual([true]);
    await until(() => expect(app.lastFrame()).toBe('offset 10'));
    press('llllllll');
    await until(() => expect(app.lastFrame()).toBe('offset 71')); // the widest line's end: 100 - 30 + 1
    expect(press('hx')).toEqual([true, false]);
    await until(() => expect(app.lastFrame()).toBe('offset 61'));
    press('hhhhhhh');
    await until(() => expect(app.lastFrame()).toBe('offset 0'));
    app.unmount();
  });

  it('does not move when every line fits', async () => {
    const app = render(<Probe widest={20} width={30} />);
    press('lll');
    await tick();
    expect(app.lastFrame()).toBe('offset 0');
    app.unmount();
  });
});

describe('useSpinner', () => {
  function Spin({ running }: { running: boolean }) {
    return <Text>{useSpinner(running)}</Text>;
  }
  it('stays on its first frame while idle, and turns while running', async () => {
    const idle = render(<Spin running={false} />);
    await tick(200);
    expect(idle.lastFrame()).toBe('⠋');
    idle.unmount();
    const busy = render(<Spin running />);
    await until(() => expect(busy.lastFrame()).not.toBe('⠋'));
    busy.unmount();
  });
});

describe('useTerminalSize', () => {
  function Size({ override }: { override?: { columns: number; rows: number } }) {
    const { columns, rows } = useTerminalSize(override);
    return <Text>{`${columns}x${rows}`}</Text>;
  }
  it("takes a fixed size when given, else the terminal's (ink-testing-library: 100 columns), 24 rows when unknown", () => {
    const fixed = render(<Size override={{ columns: 60, rows: 20 }} />);
    expect(fixed.lastFrame()).toBe('60x20');
    fixed.unmount();
    const terminal = render(<Size />);
    expect(terminal.lastFrame()).toBe('100x24');
    terminal.unmount();
  });
});

describe('colours (theme)', () => {
  it('follows NO_COLOR: any non-empty value turns colours off', () => {
    expect(colorsEnabled({})).toBe(true);
    expect(colorsEnabled({ NO_COLOR: '' })).toBe(true);
    expect(colorsEnabled({ NO_COLOR: '1' })).toBe(false);
  });
  it('maps a tone to a colour only when colours are on', () => {
    expect(toneColor('bad', true)).toBe('red');
    expect(toneColor('bad', false)).toBeUndefined();
    expect(toneColor(undefined, true)).toBeUndefined();
  });
});
