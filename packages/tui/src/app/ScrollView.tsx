import { Box } from 'ink';
import { useList } from './use-list.js';
import { useKeys } from './use-keys.js';
import { useSideways, widestOf } from './use-sideways.js';
import { Line } from './Line.js';
import type { Tone } from './theme.js';

export interface ViewLine {
  readonly text: string;
  readonly tone?: Tone;
}

/** A scrollable, filterable list of lines: ↑↓ j/k, PgUp/PgDn, Home/End, ← → sideways. */
export function ScrollView({
  lines,
  width,
  height,
  colors,
  active,
  filter,
}: {
  lines: readonly ViewLine[];
  width: number;
  height: number;
  colors: boolean;
  active: boolean;
  filter: string;
}) {
  const shown = filter ? lines.filter((l) => l.text.toLowerCase().includes(filter.toLowerCase())) : lines;
  // The selection is the first line shown: one position per window that fits.
  const list = useList(Math.max(1, shown.length - height + 1), height);
  const sideways = useSideways(widestOf(shown.map((l) => l.text)), width);
  useKeys(
    (input, key) => {
      if (!list.navigate(input, key, height)) sideways.navigate(input, key);
    },
    { isActive: active },
  );
  const top = list.selected;
  return (
    <Box flexDirection="column" height={height}>
      {shown.slice(top, top + height).map((l, i) => (
        <Line key={top + i} text={l.text} width={width} colors={colors} offset={sideways.offset} {...(l.tone ? { tone: l.tone } : {})} />
      ))}
      {shown.length === 0 ? <Line text={filter ? `nothing matches "${filter}"` : '(empty)'} width={width} colors={colors} tone="dim" /> : null}
    </Box>
  );
}
