/** How a column lines up: text to the left, counts to the right (so their digits line up). */
export type ColumnAlign = 'left' | 'right';

/**
 * Columns separated by two spaces, each as wide as its widest cell (header included), numbers
 * right-aligned where `align` says so; trailing spaces are trimmed. Widths come from the cells,
 * not from constants, so a long name or a 7-digit count cannot push a row out of line.
 */
export function alignedTable(rows: readonly (readonly string[])[], align: readonly ColumnAlign[], indent = ''): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map(
      (row) =>
        indent +
        row
          .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

/** Left-aligned columns separated by two spaces. */
export function textTable(rows: readonly (readonly string[])[], indent = ''): string {
  return alignedTable(rows, [], indent);
}
