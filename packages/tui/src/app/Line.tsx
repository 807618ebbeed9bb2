import { Text } from 'ink';
import { sanitizeForTerminal } from '../private/sanitize.js';
import { toneColor, type Tone } from './theme.js';

/**
 * One line of text, made safe for the terminal and cut to the width. `offset` scrolls it
 * sideways (columns hidden on the left); a cut on either side shows as `…`.
 */
export function Line({
  text,
  width,
  tone,
  colors,
  bold,
  inverse,
  offset = 0,
}: {
  text: string;
  width: number;
  tone?: Tone;
  colors: boolean;
  bold?: boolean;
  inverse?: boolean;
  offset?: number;
}) {
  const whole = sanitizeForTerminal(text).replace(/\n/g, ' ');
  const safe = offset > 0 && whole.length > 0 ? `…${whole.slice(offset + 1)}` : whole;
  const cut = safe.length > width ? `${safe.slice(0, Math.max(0, width - 1))}…` : safe;
  const color = toneColor(tone, colors);
  return (
    <Text {...(color ? { color } : {})} bold={bold ?? false} inverse={inverse ?? false} wrap="truncate">
      {cut || ' '}
    </Text>
  );
}
