import { useState } from 'react';
import type { Key } from 'ink';

/**
 * Sideways scrolling for lines wider than the screen: ← → (or h l) move a third of the width,
 * within the widest line. Nothing is cut for good on a narrow terminal.
 */
export function useSideways(widest: number, width: number) {
  const [offset, setOffset] = useState(0);
  const max = Math.max(0, widest - width + 1);
  const step = Math.max(4, Math.floor(width / 3));
  return {
    offset: Math.min(offset, max),
    navigate: (input: string, key: Key): boolean => {
      if (key.rightArrow || input === 'l') setOffset((o) => Math.min(max, o + step));
      else if (key.leftArrow || input === 'h') setOffset((o) => Math.max(0, Math.min(max, o) - step));
      else return false;
      return true;
    },
  };
}

/** The length of the longest text, without spreading a huge array into arguments. */
export function widestOf(texts: Iterable<string>): number {
  let widest = 0;
  for (const t of texts) if (t.length > widest) widest = t.length;
  return widest;
}
