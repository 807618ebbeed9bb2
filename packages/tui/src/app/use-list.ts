import { useState } from 'react';

/** A selection in a list of `length` items, with a window of `height` rows that follows it. */
export function useList(length: number, height: number) {
  const [selected, setSelected] = useState(0);
  const clamp = (i: number) => Math.max(0, Math.min(Math.max(0, length - 1), i));
  const index = clamp(selected);
  const top = Math.max(0, Math.min(index - Math.floor(height / 2), Math.max(0, length - height)));
  return {
    selected: index,
    top,
    move: (delta: number) => setSelected((s) => clamp(clamp(s) + delta)),
    select: (i: number) => setSelected(clamp(i)),
  };
}
