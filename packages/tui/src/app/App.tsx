import { useRef, useState } from 'react';
import { Box, useApp, useInput } from 'ink';
import { SCREENS, SCREEN_TITLES, type AppData, type ScreenId } from './app-data.js';
import { OverviewScreen } from './OverviewScreen.js';
import { DoctorScreen } from './DoctorScreen.js';
import { FlowLogsScreen } from './FlowLogsScreen.js';
import { CidrScreen } from './CidrScreen.js';
import { HelpOverlay } from './HelpOverlay.js';
import { Line } from './Line.js';
import { useTerminalSize } from './use-terminal-size.js';
import { colorsEnabled } from './theme.js';

export interface AppProps {
  readonly data: AppData;
  /** Fixed size (tests); default: the terminal's, following resizes. */
  readonly size?: { columns: number; rows: number };
  readonly initialScreen?: ScreenId;
}

/** The terminal UI: four screens, a help overlay, a filter, keyboard only. */
export function App({ data, size, initialScreen }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(size);
  const [screen, setScreen] = useState<ScreenId>(initialScreen ?? 'overview');
  const [help, setHelpState] = useState(false);
  const [filtering, setFilteringState] = useState(false);
  // Keys can arrive between a render and Ink re-subscribing the input handler: the handler reads
  // the mode from a ref, set at once, so no keystroke goes to the previous mode.
  const mode = useRef({ help: false, filtering: false });
  const setHelp = (on: boolean) => {
    mode.current.help = on;
    setHelpState(on);
  };
  const setFiltering = (on: boolean) => {
    mode.current.filtering = on;
    setFilteringState(on);
  };
  const [filter, setFilter] = useState('');
  const colors = colorsEnabled();
  const width = Math.max(20, columns - 1);
  const height = Math.max(3, rows - 3);

  useInput((input, key) => {
    if (mode.current.filtering) {
      if (key.return || key.escape) setFiltering(false);
      else if (key.backspace || key.delete) setFilter((f) => f.slice(0, -1));
      else if (input && !key.ctrl && !key.meta) setFilter((f) => f + input);
      return;
    }
    if (mode.current.help) {
      if (input === '?' || key.escape || input === 'q') setHelp(false);
      return;
    }
    if (input === 'q' || (key.ctrl && input === 'c')) return exit();
    if (input === '?') return setHelp(true);
    if (input === '/') {
      setFilter('');
      return setFiltering(true);
    }
    if (key.tab) {
      const i = SCREENS.indexOf(screen);
      setFilter('');
      return setScreen(SCREENS[(i + (key.shift ? SCREENS.length - 1 : 1)) % SCREENS.length]!);
    }
    const n = Number(input);
    if (n >= 1 && n <= SCREENS.length) {
      setFilter('');
      setScreen(SCREENS[n - 1]!);
    }
  });

  const tabs = SCREENS.map((s) => (s === screen ? `[${SCREEN_TITLES[s]}]` : ` ${SCREEN_TITLES[s]} `)).join(' ');
  const active = !help && !filtering;
  const props = { data, width, height, colors, active };
  return (
    <Box flexDirection="column" width={columns}>
      <Line text={`artos-net · ${data.source} · ${tabs}`} width={width} colors={colors} tone="accent" bold />
      {help ? (
        <HelpOverlay width={width} colors={colors} />
      ) : screen === 'overview' ? (
        <OverviewScreen {...props} filter={filter} />
      ) : screen === 'doctor' ? (
        <DoctorScreen {...props} />
      ) : screen === 'flowlogs' ? (
        <FlowLogsScreen {...props} />
      ) : (
        <CidrScreen {...props} filter={filter} />
      )}
      <Line text={filtering ? `filter: ${filter}▏ (enter or esc ends)` : filter ? `filter "${filter}" · / to change` : 'tab screens · ↑↓ jk move · enter run/open · / filter · ? help · q quit'} width={width} colors={colors} tone="dim" />
    </Box>
  );
}
