import { AGGREGATES, type BinaryOp, type Command, type Expr, type Projection, type Query } from './ast.js';
import { syntaxError, tokenize, type Token } from './lexer.js';

/** Functions usable inside expressions (besides the aggregates of `stats`). */
export const SCALAR_FUNCTIONS = ['isIpv4InSubnet', 'isIpInSubnet', 'bin', 'abs', 'floor', 'ceil', 'strlen', 'tolower', 'toupper', 'concat', 'ispresent', 'isempty', 'coalesce'] as const;

const COMMANDS = ['fields', 'filter', 'stats', 'sort', 'limit', 'dedup', 'display', 'parse'];
const OTHER_INSIGHTS_COMMANDS = ['pattern', 'diff', 'unmask', 'anomaly', 'filterIndex', 'SOURCE', 'unnest', 'lookup'];

class Parser {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private get token(): Token {
    return this.tokens[this.pos]!;
  }

  private atEnd(): boolean {
    return this.token.kind === 'end';
  }

  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  private isWord(word: string, token = this.token): boolean {
    return token.kind === 'ident' && token.text.toLowerCase() === word;
  }

  private accept(kind: Token['kind'], text?: string): Token | undefined {
    const t = this.token;
    if (t.kind === kind && (text === undefined || t.text === text)) return this.next();
    return undefined;
  }

  private expect(kind: Token['kind'], text: string | undefined, what: string): Token {
    const t = this.accept(kind, text);
    if (!t) throw syntaxError(this.text, this.token.offset, `expected ${what}, found ${this.describe(this.token)}`);
    return t;
  }

  private describe(t: Token): string {
    return t.kind === 'end' ? 'the end of the query' : JSON.stringify(t.text);
  }

  private sourceOf(startOffset: number): string {
    const end = this.tokens[this.pos - 1]!;
    return this.text.slice(startOffset, end.offset + end.text.length).replace(/\s+/g, ' ').trim();
  }

  parse(): Query {
    const commands: Command[] = [];
    this.accept('pipe');
    while (!this.atEnd()) {
      commands.push(this.command());
      if (!this.atEnd()) this.expect('pipe', '|', '"|" between commands');
    }
    if (commands.length === 0) throw syntaxError(this.text, 0, 'the query is empty', 'e.g. fields @timestamp, srcAddr | limit 20');
    return { text: this.text, commands };
  }

  private command(): Command {
    const t = this.token;
    if (t.kind !== 'ident') throw syntaxError(this.text, t.offset, `expected a command (${COMMANDS.join(', ')}), found ${this.describe(t)}`);
    const name = t.text.toLowerCase();
    if (!COMMANDS.includes(name)) {
      const other = OTHER_INSIGHTS_COMMANDS.find((c) => c.toLowerCase() === name);
      throw syntaxError(this.text, t.offset, other ? `the ${t.text} command is not supported by the local engine` : `${JSON.stringify(t.text)} is not a Logs Insights command`, other ? 'run this query in CloudWatch (--log-group)' : `use one of ${COMMANDS.join(', ')}`, other ? 'query-unsupported' : 'query-syntax');
    }
    this.next();
    switch (name) {
      case 'fields':
        return { kind: 'fields', items: this.projections(false) };
      case 'display':
        return { kind: 'display', names: this.names() };
      case 'filter':
        return { kind: 'filter', expr: this.expression() };
      case 'stats':
        return this.stats();
      case 'sort':
        return this.sort();
      case 'limit': {
        const n = this.expect('number', undefined, 'a number of rows');
        if (!Number.isInteger(n.value) || (n.value as number) < 1) throw syntaxError(this.text, n.offset, 'limit takes a positive whole number');
        return { kind: 'limit', count: n.value as number };
      }
      case 'dedup':
        return { kind: 'dedup', names: this.names() };
      default:
        return this.parseCommand();
    }
  }

  private names(): string[] {
    const out = [this.expect('ident', undefined, 'a field name').text];
    while (this.accept('punct', ',')) out.push(this.expect('ident', undefined, 'a field name').text);
    return out;
  }

  private projections(aggregates: boolean): Projection[] {
    const out: Projection[] = [];
    do {
      const start = this.token.offset;
      const expr = this.expression();
      const written = this.sourceOf(start);
      if (aggregates) this.checkAggregate(expr, start);
      let name = written;
      if (this.isWord('as')) {
        this.next();
        name = this.expect('ident', undefined, 'a name after "as"').text;
      }
      out.push({ expr, name });
    } while (this.accept('punct', ','));
    return out;
  }

  private checkAggregate(expr: Expr, offset: number): void {
    if (expr.kind !== 'call' || !(AGGREGATES as readonly string[]).includes(expr.name)) {
      throw syntaxError(this.text, offset, 'stats takes aggregate functions', `use ${AGGREGATES.map((a) => `${a}()`).join(', ')}`);
    }
    if (expr.name === 'pct' && (expr.args.length !== 2 || expr.args[1]!.kind !== 'literal')) throw syntaxError(this.text, offset, 'pct takes a field and a percentile, e.g. pct(bytes, 95)');
  }

  private stats(): Command {
    const aggregates = this.projections(true);
    let by: Projection[] = [];
    if (this.isWord('by')) {
      this.next();
      by = this.projections(false);
    }
    return { kind: 'stats', aggregates, by };
  }

  private sort(): Command {
    const keys: { name: string; desc: boolean }[] = [];
    do {
      const start = this.token.offset;
      const expr = this.primary();
      const name = expr.kind === 'field' ? expr.name : this.sourceOf(start);
      let desc = false;
      if (this.isWord('desc')) {
        this.next();
        desc = true;
      } else if (this.isWord('asc')) this.next();
      keys.push({ name, desc });
    } while (this.accept('punct', ','));
    return { kind: 'sort', keys };
  }

  /** `parse @message "* * *" as a, b, c` (glob) or `parse field /(?<a>...)/` (named groups). */
  private parseCommand(): Command {
    let field = '@message';
    if (this.token.kind === 'ident' && !this.isWord('as')) field = this.next().text;
    const patternToken = this.token;
    if (patternToken.kind === 'regex') {
      this.next();
      const pattern = new RegExp(patternToken.value as string, patternToken.flags);
      const names = [...(patternToken.value as string).matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]!);
      if (names.length === 0) throw syntaxError(this.text, patternToken.offset, 'a parse regular expression needs named groups, e.g. /(?<port>\\d+)/');
      return { kind: 'parse', field, pattern, names };
    }
    const glob = this.expect('string', undefined, 'a "*" pattern or a /regex/').value as string;
    if (!this.isWord('as')) throw syntaxError(this.text, this.token.offset, 'expected "as" and the names of the "*" parts');
    this.next();
    const names = this.names();
    const stars = glob.split('*').length - 1;
    if (stars !== names.length) throw syntaxError(this.text, patternToken.offset, `the pattern has ${stars} "*" but ${names.length} names follow "as"`);
    // Each "*" captures lazily, except a trailing one, which takes the rest of the text.
    const parts = glob.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const source = parts.map((p, i) => (i === 0 ? p : `${i === parts.length - 1 && p === '' ? '(.*)' : '(.*?)'}${p}`)).join('');
    return { kind: 'parse', field, pattern: new RegExp(source), names };
  }

  // ---- expressions, loosest first ----

  expression(): Expr {
    return this.or();
  }

  private or(): Expr {
    let left = this.and();
    while (this.isWord('or')) {
      this.next();
      left = { kind: 'binary', op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isWord('and')) {
      this.next();
      left = { kind: 'binary', op: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): Expr {
    if (this.isWord('not')) {
      this.next();
      return { kind: 'unary', op: 'not', expr: this.not() };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.additive();
    const t = this.token;
    if (t.kind === 'op' && ['=', '!=', '<', '<=', '>', '>=', '=~'].includes(t.text)) {
      this.next();
      return { kind: 'binary', op: t.text as BinaryOp, left, right: this.additive() };
    }
    let negated = false;
    if (this.isWord('not') && (this.isWord('in', this.tokens[this.pos + 1]) || this.isWord('like', this.tokens[this.pos + 1]))) {
      this.next();
      negated = true;
    }
    if (this.isWord('in')) {
      this.next();
      this.expect('punct', '[', '"[" to open the list');
      const list: Expr[] = [];
      if (!this.accept('punct', ']')) {
        do list.push(this.additive());
        while (this.accept('punct', ','));
        this.expect('punct', ']', '"]" to close the list');
      }
      return { kind: 'in', expr: left, list, negated };
    }
    if (this.isWord('like')) {
      this.next();
      const pattern = this.primary();
      if (pattern.kind !== 'literal' && pattern.kind !== 'regex') throw syntaxError(this.text, this.tokens[this.pos - 1]!.offset, 'like takes a "string" or a /regular expression/');
      return { kind: 'like', expr: left, pattern, negated };
    }
    if (negated) throw syntaxError(this.text, this.token.offset, 'expected "in" or "like" after "not"');
    return left;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.token.kind === 'op' && (this.token.text === '+' || this.token.text === '-')) {
      const op = this.next().text as BinaryOp;
      left = { kind: 'binary', op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.token.kind === 'op' && ['*', '/', '%'].includes(this.token.text)) {
      const op = this.next().text as BinaryOp;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.token.kind === 'op' && this.token.text === '-') {
      this.next();
      return { kind: 'unary', op: '-', expr: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.token;
    switch (t.kind) {
      case 'number':
        this.next();
        return { kind: 'literal', value: t.value as number };
      case 'string':
        this.next();
        return { kind: 'literal', value: t.value as string };
      case 'regex':
        this.next();
        try {
          new RegExp(t.value as string, t.flags);
        } catch (error) {
          throw syntaxError(this.text, t.offset, `bad regular expression: ${(error as Error).message}`);
        }
        return { kind: 'regex', source: t.value as string, flags: t.flags ?? '' };
      case 'punct':
        if (t.text === '(') {
          this.next();
          const inner = this.expression();
          this.expect('punct', ')', '")"');
          return inner;
        }
        break;
      case 'ident': {
        this.next();
        const lower = t.text.toLowerCase();
        if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
        if (lower === 'null') return { kind: 'literal', value: null };
        if (this.accept('punct', '(')) return this.call(t);
        return { kind: 'field', name: t.text };
      }
      default:
        break;
    }
    throw syntaxError(this.text, t.offset, `expected a value, a field or a function, found ${this.describe(t)}`);
  }

  private call(name: Token): Expr {
    const fn = name.text;
    const known = (AGGREGATES as readonly string[]).includes(fn) || (SCALAR_FUNCTIONS as readonly string[]).includes(fn);
    if (!known) throw syntaxError(this.text, name.offset, `${fn}() is not supported by the local engine`, `supported: ${[...AGGREGATES, ...SCALAR_FUNCTIONS].join(', ')}`, 'query-unsupported');
    const args: Expr[] = [];
    let star = false;
    if (this.accept('op', '*')) star = true;
    else if (!(this.token.kind === 'punct' && this.token.text === ')')) {
      do args.push(this.expression());
      while (this.accept('punct', ','));
    }
    this.expect('punct', ')', `")" to close ${fn}(`);
    if (fn === 'bin' && (args.length !== 1 || args[0]!.kind !== 'field' || !/^\d+(ms|s|m|h|d|w|mo|q|y)$/.test((args[0] as { name: string }).name))) {
      throw syntaxError(this.text, name.offset, 'bin() takes a period such as 5m, 1h or 1d');
    }
    return { kind: 'call', name: fn, args, star };
  }
}

/** Parses a Logs Insights query; errors point at the offending token. */
export function parseQuery(text: string): Query {
  return new Parser(text, tokenize(text)).parse();
}
