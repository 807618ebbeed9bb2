import { Box } from 'ink';
import { Line } from './Line.js';
import { wrap } from './DoctorScreen.js';

const KEYS: readonly [string, string][] = [
  ['tab / shift-tab', 'next / previous screen'],
  ['1 2 3 4 5', 'overview doctor flow-logs CIDR graph'],
  ['↑ ↓ or j k', 'move, scroll'],
  ['PgUp PgDn space', 'a page up or down'],
  ['Home End or g G', 'first or last line'],
  ['← → or h l', 'scroll sideways, for long lines'],
  ['enter', 'run the workflow or query, open a step (reach asks from, to, port)'],
  ['a', 'doctor: run every workflow'],
  ['esc', 'cancel a running query, go back'],
  ['/', 'filter the lines, workflows, queries or rows of this screen (enter or esc ends)'],
  ['?', 'this help'],
  ['q or ctrl-c', 'quit'],
];

const KEY_COLUMN = 16;

/** The keys, each description wrapped under its own column: nothing is cut, whatever the width. */
export function HelpOverlay({ width, colors }: { width: number; colors: boolean }) {
  const box = Math.min(width, 80);
  const inner = box - 4;
  const rows = KEYS.flatMap(([k, what]) =>
    wrap(what, Math.max(10, inner - KEY_COLUMN)).map((piece, i) => `${(i === 0 ? k : '').padEnd(KEY_COLUMN - 1)} ${piece}`),
  );
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={box}>
      <Line text="artos-net — keys" width={inner} colors={colors} tone="accent" bold />
      {rows.map((text, i) => (
        <Line key={i} text={text} width={inner} colors={colors} />
      ))}
      <Line text="press ? or esc to close" width={inner} colors={colors} tone="dim" />
    </Box>
  );
}
