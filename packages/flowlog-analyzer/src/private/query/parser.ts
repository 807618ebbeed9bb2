import type { BinaryOp, Command, Expr, Projection, Query } from './ast.js';
import { syntaxError, tokenize, type Token } from './lexer.js';
import { findFunction, functionNames } from './functions/catalog.js';
import { normalizeRegex } from './regex.js';
import { DEFAULT_INSIGHTS_LIMITS, MAX_QUERY_NESTING, type InsightsLimits } from '../limits.js';
import { PERIOD } from '../engine/values.js';

const COMMANDS = ['fields', 'filter', 'stats', 'sort', 'limit', 'dedup', 'display', 'parse'];
/** Commands AWS documents that the local engine does not run. */
const CLOUD_ONLY_COMMANDS = ['pattern', 'diff', 'unmask', 'anomaly', 'filterIndex', 'SOURCE', 'unnest', 'lookup', 'fieldsSummary'];

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly limits: InsightsLimits,
  ) {}

  /** Runs a nested parse, refusing nesting past MAX_QUERY_NESTING (a stack overflow otherwise). */
  private nested<T>(offset: number, parse: () => T): T {
    if (++this.depth > MAX_QUERY_NESTING)
      throw syntaxError(
        this.text,
        offset,
        `the query nests deeper than ${MAX_QUERY_NESTING} levels (parentheses, not, function calls)`,
        'simplify the expression',
      );
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

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
    return this.text.slice(startOffset, end.end).replace(/\s+/g, ' ').trim();
  }

  parse(): Query {
    const commands: Command[] = [];
    this.accept('pipe');
    while (!this.atEnd()) {
      const start = this.token;
      const previous = commands[commands.length - 1];
      if (previous?.kind === 'dedup' && !this.isWord('limit')) {
        throw syntaxError(
          this.text,
          start.offset,
          `${this.describe(start)} after dedup: the only command allowed after dedup is limit`,
          'move this command before dedup (sort first, then dedup)',
        );
      }
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
      const other = CLOUD_ONLY_COMMANDS.find((c) => c.toLowerCase() === name);
      throw syntaxError(
        this.text,
        t.offset,
        other ? `the ${t.text} command runs only in CloudWatch, not in the local engine` : `${JSON.stringify(t.text)} is not a Logs Insights command`,
        other ? 'run this query in CloudWatch (--log-group)' : `use one of ${COMMANDS.join(', ')}`,
        other ? 'query-unsupported' : 'query-syntax',
      );
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
        if ((n.value as number) > this.limits.maxResultRows)
          throw syntaxError(
            this.text,
            n.offset,
            `limit ${n.text} is over Insights' maximum of ${this.limits.maxResultRows.toLocaleString('en-US')} rows`,
            `use limit ${this.limits.maxResultRows} or less, or narrow the time range`,
          );
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
      // A plain field keeps its own name as the column (`srcAddr` shows as srcAddr).
      const written = expr.kind === 'field' ? expr.name : this.sourceOf(start);
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
    if (expr.kind !== 'call' || findFunction(expr.name)?.kind !== 'aggregate') {
      throw syntaxError(
        this.text,
        offset,
        'stats takes aggregate functions',
        `use ${functionNames('aggregate')
          .map((a) => `${a}()`)
          .join(', ')}`,
      );
    }
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
      const normal = normalizeRegex(patternToken.value as string, patternToken.flags ?? '');
      const pattern = new RegExp(normal.source, normal.flags);
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
      const t = this.next();
      return this.nested(t.offset, () => ({ kind: 'unary', op: 'not', expr: this.not() }));
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
      if (pattern.kind !== 'literal' && pattern.kind !== 'regex')
        throw syntaxError(this.text, this.tokens[this.pos - 1]!.offset, 'like takes a "string" or a /regular expression/');
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
      const t = this.next();
      return this.nested(t.offset, () => ({ kind: 'unary', op: '-', expr: this.unary() }));
    }
    return this.power();
  }

  /** `a ^ b`, exponentiation (AWS: `2 ^ 3` returns 8), binding tighter than * and to the right. */
  private power(): Expr {
    const base = this.primary();
    if (this.token.kind === 'op' && this.token.text === '^') {
      const t = this.next();
      return { kind: 'binary', op: '^', left: base, right: this.nested(t.offset, () => this.unary()) };
    }
    return base;
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
      case 'regex': {
        this.next();
        // Insights' regexes are Java-style: `(?i)` inside the pattern becomes JavaScript's i flag.
        const normal = normalizeRegex(t.value as string, t.flags ?? '');
        try {
          new RegExp(normal.source, normal.flags);
        } catch (error) {
          throw syntaxError(this.text, t.offset, `bad regular expression: ${(error as Error).message}`);
        }
        return { kind: 'regex', source: normal.source, flags: normal.flags };
      }
      case 'punct':
        if (t.text === '(') {
          this.next();
          const inner = this.nested(t.offset, () => this.expression());
          this.expect('punct', ')', '")"');
          return inner;
        }
        break;
      case 'ident': {
        this.next();
        const lower = t.text.toLowerCase();
        if (!t.quoted) {
          if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
          if (lower === 'null') return { kind: 'literal', value: null };
          if (this.accept('punct', '(')) return this.nested(t.offset, () => this.call(t));
        }
        return { kind: 'field', name: t.text };
      }
      default:
        break;
    }
    throw syntaxError(this.text, t.offset, `expected a value, a field or a function, found ${this.describe(t)}`);
  }

  private call(name: Token): Expr {
    const fn = name.text;
    const def = findFunction(fn);
    if (!def)
      throw syntaxError(
        this.text,
        name.offset,
        `${fn}() is not a Logs Insights function`,
        `functions: ${[...functionNames('scalar'), ...functionNames('aggregate')].join(', ')}`,
      );
    if (def.kind === 'cloud-only')
      throw syntaxError(
        this.text,
        name.offset,
        `${def.name}() runs only in CloudWatch, not in the local engine`,
        'run this query in CloudWatch (--log-group)',
        'query-unsupported',
      );
    const args: Expr[] = [];
    let star = false;
    if (def.star && this.accept('op', '*')) star = true;
    else if (!(this.token.kind === 'punct' && this.token.text === ')')) {
      do args.push(this.expression());
      while (this.accept('punct', ','));
    }
    this.expect('punct', ')', `")" to close ${fn}(`);
    const max = def.maxArgs ?? def.minArgs;
    if (!star && (args.length < def.minArgs || args.length > max)) {
      const want = max === def.minArgs ? `${def.minArgs}` : max === Infinity ? `at least ${def.minArgs}` : `${def.minArgs} to ${max}`;
      throw syntaxError(this.text, name.offset, `${def.name}() takes ${want} argument${want === '1' ? '' : 's'}, not ${args.length}`);
    }
    const kinds = def.args ?? [];
    const checked = args.map((arg, i) => {
      const kind = kinds[Math.min(i, kinds.length - 1)] ?? 'any';
      if (kind === 'period') {
        // A period such as 5m is lexed as a name; it becomes a literal here.
        const text = arg.kind === 'field' ? arg.name : undefined;
        if (!text || !PERIOD.test(text)) throw syntaxError(this.text, name.offset, `${def.name}() takes a period such as 5m, 1h or 1d as argument ${i + 1}`);
        return { kind: 'literal', value: text } as const;
      }
      if (kind === 'string-literal' && !(arg.kind === 'literal' && typeof arg.value === 'string'))
        throw syntaxError(this.text, name.offset, `${def.name}() takes a "quoted" literal as argument ${i + 1}`);
      if (kind === 'number-literal' && !(arg.kind === 'literal' && typeof arg.value === 'number'))
        throw syntaxError(this.text, name.offset, `${def.name}() takes a number as argument ${i + 1}, e.g. pct(bytes, 95)`);
      return arg;
    });
    return { kind: 'call', name: def.name, args: checked, star };
  }
}

/** Parses a Logs Insights query; errors point at the offending token. */
export function parseQuery(text: string, limits: InsightsLimits = DEFAULT_INSIGHTS_LIMITS): Query {
  const maxLength = limits.maxQueryLength ?? DEFAULT_INSIGHTS_LIMITS.maxQueryLength;
  if (text.length > maxLength) {
    throw syntaxError(
      text,
      maxLength,
      `the query is ${text.length.toLocaleString('en-US')} characters; Logs Insights accepts at most ${maxLength.toLocaleString('en-US')}`,
      'shorten the query (e.g. a subnet test instead of a long list of addresses)',
    );
  }
  return new Parser(text, tokenize(text), limits).parse();
}
