import { parseBlock, type Block } from './block.js';

export interface CorporateLineError {
  readonly line: number;
  readonly text: string;
  readonly message: string;
}

export interface CorporateList {
  readonly blocks: readonly Block[];
  readonly errors: readonly CorporateLineError[];
  readonly lines: number;
}

/**
 * Parses a list of corporate or peer ranges: one CIDR per line; `#` starts a comment; blank lines
 * are skipped; an optional second column (name) is ignored. Bad lines are returned with their
 * line numbers, never dropped silently.
 */
export function parseCorporateList(text: string): CorporateList {
  const blocks: Block[] = [];
  const errors: CorporateLineError[] = [];
  const rows = text.split(/\r?\n/);
  rows.forEach((raw, i) => {
    const content = raw.replace(/#.*/, '').trim();
    if (content === '') return;
    const cidr = content.split(/[\s,;]+/)[0]!;
    const parsed = parseBlock(cidr);
    if (parsed.ok) blocks.push(parsed.block);
    else errors.push({ line: i + 1, text: raw, message: parsed.suggestion ? `${parsed.message}; use ${parsed.suggestion}` : parsed.message });
  });
  return { blocks, errors, lines: rows.length };
}
