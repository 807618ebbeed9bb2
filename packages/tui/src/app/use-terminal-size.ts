import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/** Columns and rows of the terminal, following resizes (80×24 when unknown). */
export function useTerminalSize(override?: { columns: number; rows: number }) {
  const { stdout } = useStdout();
  const read = () => override ?? { columns: stdout.columns || 80, rows: stdout.rows || 24 };
  const [size, setSize] = useState(read);
  useEffect(() => {
    if (override) return;
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  });
  return size;
}
