import { useRef, useState } from 'react';
import { Box, useApp, useInput } from 'ink';
import { SCREENS, SCREEN_TITLES, type AppData, type ScreenId } from './app-data.js';
import { OverviewScreen } from './OverviewScreen.js';
import { GraphScreen } from './GraphScreen.js';
import { DoctorScreen } from './DoctorScreen.js';
import { FlowLogsScreen } from './FlowLogsScreen.js';
import { CidrScreen } from './CidrScreen.js';
import { HelpOverlay } from './HelpOverlay.js';
import { Line } from './Line.js';
import { KeyRouterContext, ScreenContext, createKeyRouter, routeKey, splitKeys } from './use-keys.js';
import { useTerminalSize } from './use-terminal-size.js';
import { colorsEnabled } from './theme.js';

export interface AppProps {
  readonly data: AppData;
  /** Fixed size (tests); default: the terminal's, following resizes. */
  readonly size?: { columns: number; rows: number };
  readonly initialScreen?: ScreenId;
}

/** The footer's hints, most needed first: a narrow terminal cuts from the end. */
const HINTS = ['q quit', '? help', 'tab screens', '↑↓ PgUp PgDn move', '←→ sideways', 'enter run/open', '/ filter'];

/** The terminal UI: five screens, a help overlay, a filter, keyboard only. */
export function App({ data, size, initialScreen }: AppProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(size);
  const [screen, setScreenState] = useState<ScreenId>(initialScreen ?? 'overview');
  const [help, setHelpState] = useState(false);
  const [filtering, setFilteringState] = useState(false);
  // Keys can arrive between a render and Ink re-subscribing the input handler, or several in one
  // chunk: the handler reads the mode and screen from a ref, set at once, so no key goes astray.
  const mode = useRef({ help: false, filtering: false, screen: initialScreen ?? 'overview' });
  const setHelp = (on: boolean) => {
    mode.current.help = on;
    setHelpState(on);
  };
  const setFiltering = (on: boolean) => {
    mode.current.filtering = on;
    setFilteringState(on);
  };
  const setScreen = (s: ScreenId) => {
    mode.current.screen = s;
    setScreenState(s);
  };
  const [filter, setFilter] = useState('');
  const colors = colorsEnabled();
  const width = Math.max(20, columns - 1);
  const height = Math.max(3, rows - 3);

  const router = useRef(createKeyRouter()).current;
  // The app reads every key first, one at a time; what it does not use goes to the screen shown.
  useInput((chunk, chunkKey) => {
    for (const [input, key] of splitKeys(chunk, chunkKey)) onKey(input, key);
  });
  const onKey = (input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) => {
    if (router.capture !== undefined && router.capture === mode.current.screen && !mode.current.help) {
      if (key.ctrl && input === 'c') return exit();
      return routeKey(router, mode.current.screen, input, key);
    }
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
      const i = SCREENS.indexOf(mode.current.screen);
      setFilter('');
      return setScreen(SCREENS[(i + (key.shift ? SCREENS.length - 1 : 1)) % SCREENS.length]!);
    }
    const n = Number(input);
    if (input !== '' && n >= 1 && n <= SCREENS.length) {
      setFilter('');
      return setScreen(SCREENS[n - 1]!);
    }
    routeKey(router, mode.current.screen, input, key);
  };

  // The tabs come first: a narrow terminal cuts the source name, never a tab.
  const tabs = SCREENS.map((s) => (s === screen ? `[${SCREEN_TITLES[s]}]` : ` ${SCREEN_TITLES[s]} `)).join(' ');
  const active = (s: ScreenId) => !help && !filtering && s === screen;
  const common = { data, width, height, colors, filter };
  // Every screen stays mounted (hidden when not shown), so switching tabs keeps its results.
  const hidden = (s: ScreenId) => (help || s !== screen ? 'none' : 'flex');
  return (
    <KeyRouterContext.Provider value={router}>
      <Box flexDirection="column" width={columns}>
        <Line text={`${tabs} · artos-net · ${data.source}`} width={width} colors={colors} tone="accent" bold />
        {help ? <HelpOverlay width={width} colors={colors} /> : null}
        <Box display={hidden('overview')} flexDirection="column">
          <ScreenContext.Provider value="overview">
            <OverviewScreen {...common} active={active('overview')} />
          </ScreenContext.Provider>
        </Box>
        <Box display={hidden('doctor')} flexDirection="column">
          <ScreenContext.Provider value="doctor">
            <DoctorScreen {...common} active={active('doctor')} />
          </ScreenContext.Provider>
        </Box>
        <Box display={hidden('flowlogs')} flexDirection="column">
          <ScreenContext.Provider value="flowlogs">
            <FlowLogsScreen {...common} active={active('flowlogs')} clearFilter={() => setFilter('')} />
          </ScreenContext.Provider>
        </Box>
        <Box display={hidden('cidr')} flexDirection="column">
          <ScreenContext.Provider value="cidr">
            <CidrScreen {...common} active={active('cidr')} />
          </ScreenContext.Provider>
        </Box>
        <Box display={hidden('graph')} flexDirection="column">
          <ScreenContext.Provider value="graph">
            <GraphScreen {...common} active={active('graph')} />
          </ScreenContext.Provider>
        </Box>
        <Line
          text={filtering ? `filter: ${filter}▏ (enter or esc ends)` : filter ? `filter "${filter}" · / to change · q quit` : HINTS.join(' · ')}
          width={width}
          colors={colors}
          tone="dim"
        />
      </Box>
    </KeyRouterContext.Provider>
  );
}
