import { FlowLogError } from '../errors.js';

export type TokenKind = 'ident' | 'number' | 'string' | 'regex' | 'op' | 'punct' | 'pipe' | 'end';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 0-based offset in the query text. */
  readonly offset: number;
  /** 0-based offset just past the token (a quoted name's closing backtick included). */
  readonly end: number;
  /** The decoded value of strings, numbers and regexes. */
  readonly value?: string | number;
  readonly flags?: string;
  /** A `backticked` field name. */
  readonly quoted?: boolean;
}

const OPERATORS = ['!=', '<=', '>=', '=~', '=', '<', '>', '+', '-', '*', '/', '%', '^'];

/** Where an offset is, for messages: "line 2, column 9" and a caret under the token. */
export function pointAt(text: string, offset: number): { line: number; column: number; excerpt: string } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = text.indexOf('\n', offset);
  const source = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const column = offset - lineStart + 1;
  // A long line shows only the part around the column.
  const from = Math.max(0, column - 61);
  const shown = source.slice(from, column + 60);
  return { line, column, excerpt: `${from > 0 ? '…' : ''}${shown}\n${' '.repeat(column - 1 - from + (from > 0 ? 1 : 0))}^` };
}

export function syntaxError(
  text: string,
  offset: number,
  message: string,
  hint?: string,
  code: 'query-syntax' | 'query-unsupported' | 'query-field' = 'query-syntax',
): FlowLogError {
  const at = pointAt(text, offset);
  return new FlowLogError(code, `query line ${at.line}, column ${at.column}: ${message}\n${at.excerpt}`, {
    line: at.line,
    column: at.column,
    ...(hint ? { hint } : {}),
  });
}

/** Splits a query into tokens. A `/` starts a regular expression where an operand is expected. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (token: Omit<Token, 'end'>, end: number) => tokens.push({ ...token, end });
  let i = 0;
  const operandExpected = () => {
    const last = tokens[tokens.length - 1];
    const beforeLast = tokens[tokens.length - 2];
    if (beforeLast?.kind === 'ident' && beforeLast.text.toLowerCase() === 'parse') return true;
    return (
      !last ||
      last.kind === 'op' ||
      last.kind === 'pipe' ||
      (last.kind === 'punct' && last.text !== ')' && last.text !== ']') ||
      (last.kind === 'ident' && /^(like|in|and|or|not|filter|parse)$/i.test(last.text))
    );
  };
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      // A comment runs to the end of the line.
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (c === '|') {
      push({ kind: 'pipe', text: '|', offset: i }, ++i);
    } else if (c === '"' || c === "'") {
      let value = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[i + 1]!;
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else value += text[i++];
      }
      if (i >= text.length) throw syntaxError(text, start, 'this string is not closed', `add the closing ${c}`);
      i++;
      push({ kind: 'string', text: text.slice(start, i), offset: start, value }, i);
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end < 0) throw syntaxError(text, start, 'this quoted field name is not closed', 'add the closing `');
      i = end + 1;
      push({ kind: 'ident', text: text.slice(start + 1, end), offset: start, quoted: true }, i);
    } else if (c === '/' && operandExpected()) {
      let source = '';
      i++;
      while (i < text.length && text[i] !== '/') {
        if (text[i] === '\\' && i + 1 < text.length) {
          source += text[i]! + text[i + 1]!;
          i += 2;
        } else source += text[i++];
      }
      if (i >= text.length) throw syntaxError(text, start, 'this regular expression is not closed', 'add the closing /');
      i++;
      let flags = '';
      while (i < text.length && /[a-z]/i.test(text[i]!)) flags += text[i++];
      push({ kind: 'regex', text: text.slice(start, i), offset: start, value: source, flags }, i);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      while (i < text.length && /[0-9.]/.test(text[i]!)) i++;
      // A duration such as 5m in bin(5m) stays one token.
      while (i < text.length && /[a-z]/i.test(text[i]!)) i++;
      const raw = text.slice(start, i);
      push(/^[0-9.]+$/.test(raw) ? { kind: 'number', text: raw, offset: start, value: Number(raw) } : { kind: 'ident', text: raw, offset: start }, i);
    } else if (/[A-Za-z_@$]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_@$.]/.test(text[i]!)) i++;
      push({ kind: 'ident', text: text.slice(start, i), offset: start }, i);
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op) {
        push({ kind: 'op', text: op, offset: i }, i + op.length);
        i += op.length;
      } else if ('(),[]'.includes(c)) {
        push({ kind: 'punct', text: c, offset: i }, ++i);
      } else {
        throw syntaxError(text, i, `unexpected character ${JSON.stringify(c)}`);
      }
    }
  }
  push({ kind: 'end', text: '', offset: text.length }, text.length);
  return tokens;
}
