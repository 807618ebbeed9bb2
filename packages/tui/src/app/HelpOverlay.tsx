import { Box } from 'ink';
import { Line } from './Line.js';

const KEYS: readonly [string, string][] = [
  ['tab / shift-tab', 'next / previous screen'],
  ['1 2 3 4', 'overview, doctor, flow logs, CIDR'],
  ['↑ ↓ or j k', 'move, scroll'],
  ['PgUp PgDn space', 'a page up or down'],
  ['Home End or g G', 'first or last line'],
  ['← → or h l', 'scroll sideways (lines wider than the screen)'],
  ['enter', 'run the workflow or query, open a step (reach asks from, to, port)'],
  ['a', 'doctor: run every workflow'],
  ['esc', 'cancel a running query, go back'],
  ['/', 'filter the lines, workflows, queries or rows of this screen (enter or esc ends)'],
  ['?', 'this help'],
  ['q or ctrl-c', 'quit'],
];

export function HelpOverlay({ width, colors }: { width: number; colors: boolean }) {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={Math.min(width, 70)}>
      <Line text="artos-net — keys" width={Math.min(width, 70) - 4} colors={colors} tone="accent" bold />
      {KEYS.map(([k, what]) => (
        <Line key={k} text={`${k.padEnd(16)} ${what}`} width={Math.min(width, 70) - 4} colors={colors} />
      ))}
      <Line text="press ? or esc to close" width={Math.min(width, 70) - 4} colors={colors} tone="dim" />
    </Box>
  );
}
