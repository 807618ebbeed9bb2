import { useRef, useState } from 'react';

/**
 * A selection in a list of `length` items, with a window of `height` rows that follows it.
 * `current()` reads the selection synchronously, for key handlers that may run before the
 * next render (Ink re-subscribes input handlers after each commit).
 */
export function useList(length: number, height: number) {
  const [selected, setSelected] = useState(0);
  const ref = useRef(0);
  const clamp = (i: number) => Math.max(0, Math.min(Math.max(0, length - 1), i));
  const index = clamp(selected);
  const top = Math.max(0, Math.min(index - Math.floor(height / 2), Math.max(0, length - height)));
  const set = (i: number) => {
    ref.current = clamp(i);
    setSelected(ref.current);
  };
  return {
    selected: index,
    top,
    current: () => clamp(ref.current),
    move: (delta: number) => set(clamp(ref.current) + delta),
    select: set,
  };
}
