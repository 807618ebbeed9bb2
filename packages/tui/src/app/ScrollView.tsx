import { Box, useInput } from 'ink';
import { useList } from './use-list.js';
import { Line } from './Line.js';
import type { Tone } from './theme.js';

export interface ViewLine {
  readonly text: string;
  readonly tone?: Tone;
}

/** A scrollable, filterable list of lines (arrows or j/k, PgUp/PgDn). */
export function ScrollView({ lines, width, height, colors, active, filter }: { lines: readonly ViewLine[]; width: number; height: number; colors: boolean; active: boolean; filter: string }) {
  const shown = filter ? lines.filter((l) => l.text.toLowerCase().includes(filter.toLowerCase())) : lines;
  const list = useList(shown.length, height);
  useInput(
    (input, key) => {
      if (key.downArrow || input === 'j') list.move(1);
      else if (key.upArrow || input === 'k') list.move(-1);
      else if (key.pageDown || input === ' ') list.move(height);
      else if (key.pageUp) list.move(-height);
    },
    { isActive: active },
  );
  const top = Math.max(0, Math.min(list.selected, Math.max(0, shown.length - height)));
  return (
    <Box flexDirection="column" height={height}>
      {shown.slice(top, top + height).map((l, i) => (
        <Line key={top + i} text={l.text} width={width} colors={colors} {...(l.tone ? { tone: l.tone } : {})} />
      ))}
      {shown.length === 0 ? <Line text={filter ? `nothing matches "${filter}"` : '(empty)'} width={width} colors={colors} tone="dim" /> : null}
    </Box>
  );
}
