import { Text } from 'ink';
import { sanitizeForTerminal } from '../private/sanitize.js';
import { toneColor, type Tone } from './theme.js';

/** One line of text, made safe for the terminal and cut to the width. */
export function Line({ text, width, tone, colors, bold, inverse }: { text: string; width: number; tone?: Tone; colors: boolean; bold?: boolean; inverse?: boolean }) {
  const safe = sanitizeForTerminal(text).replace(/\n/g, ' ');
  const cut = safe.length > width ? `${safe.slice(0, Math.max(0, width - 1))}…` : safe;
  const color = toneColor(tone, colors);
  return (
    <Text {...(color ? { color } : {})} bold={bold ?? false} inverse={inverse ?? false} wrap="truncate">
      {cut || " "}
    </Text>
  );
}
