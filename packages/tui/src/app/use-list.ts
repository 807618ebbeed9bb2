import { useRef, useState } from 'react';
import type { Key } from 'ink';

/** How a navigation key moves a selection: by rows, by a page, or to an end. */
export type Move = { readonly by: number } | { readonly to: 'first' | 'last' };

/** ↑↓ and j/k by one, PgUp/PgDn (and space) by a page, Home/End (and g/G) to the ends. */
export function moveOf(input: string, key: Key, page: number): Move | undefined {
  if (key.downArrow || input === 'j') return { by: 1 };
  if (key.upArrow || input === 'k') return { by: -1 };
  if (key.pageDown || input === ' ') return { by: Math.max(1, page) };
  if (key.pageUp) return { by: -Math.max(1, page) };
  if (key.home || input === 'g') return { to: 'first' };
  if (key.end || input === 'G') return { to: 'last' };
  return undefined;
}

/**
 * A selection in a list of `length` items, with a window of `height` rows that follows it.
 * `current()` reads the selection synchronously, for key handlers that may run before the
 * next render (Ink re-subscribes input handlers after each commit, and keys can come batched).
 */
export function useList(length: number, height: number) {
  const [selected, setSelected] = useState(0);
  const ref = useRef(0);
  const lengthRef = useRef(length);
  lengthRef.current = length;
  const clamp = (i: number) => Math.max(0, Math.min(Math.max(0, lengthRef.current - 1), i));
  const index = clamp(selected);
  const top = Math.max(0, Math.min(index - Math.floor(height / 2), Math.max(0, length - height)));
  const set = (i: number) => {
    ref.current = clamp(i);
    setSelected(ref.current);
  };
  const apply = (move: Move) => set('by' in move ? clamp(ref.current) + move.by : move.to === 'first' ? 0 : lengthRef.current - 1);
  return {
    selected: index,
    top,
    current: () => clamp(ref.current),
    move: (delta: number) => set(clamp(ref.current) + delta),
    select: set,
    /** Moves for a navigation key; false when the key is not one. */
    navigate: (input: string, key: Key, page = height): boolean => {
      const move = moveOf(input, key, page);
      if (move) apply(move);
      return move !== undefined;
    },
  };
}
