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

/** Where the CIDR column ends: a blank, comma or semicolon starts the name column. */
const FIELD_END = /[\s,;]/;

/**
 * Parses a list of corporate or peer ranges: one CIDR per line; `#` starts a comment; blank lines
 * are skipped; an optional second column (name) is ignored. Bad lines are returned with their
 * line numbers, never dropped silently.
 */
export function parseCorporateList(text: string): CorporateList {
  const blocks: Block[] = [];
  const errors: CorporateLineError[] = [];
  const rows = text.split('\n');
  rows.forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const content = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    if (content === '') return;
    const end = content.search(FIELD_END);
    const parsed = parseBlock(end < 0 ? content : content.slice(0, end));
    if (parsed.ok) blocks.push(parsed.block);
    else
      errors.push({ line: i + 1, text: raw.replace(/\r$/, ''), message: parsed.suggestion ? `${parsed.message}; use ${parsed.suggestion}` : parsed.message });
  });
  return { blocks, errors, lines: rows.length };
}
