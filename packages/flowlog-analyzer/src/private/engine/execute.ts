import type { Command, Query } from '../query/ast.js';
import type { Accumulator, AccumulatorFactory } from './aggregates.js';
import { compileExpr, truthy } from './compile.js';
import { fieldGetter, setField, type Getter, type Row } from './row.js';
import { formatTimestamp, formatValue, rowComparator, type Value } from './values.js';
import { findFunction } from '../query/functions/catalog.js';
import type { Projection } from '../query/ast.js';
import { planQuery } from '../query/plan.js';
import { FlowLogError } from '../errors.js';
import { DEFAULT_INSIGHTS_LIMITS, type InsightsLimits } from '../limits.js';

/** Groups of a stats command as plain data, to cross a worker boundary. */
export type PartialGroups = ReadonlyArray<{ readonly id: string; readonly keys: Value[]; readonly states: unknown[] }>;

/** The rows a worker's share put into the result, as they cross to the main thread (which sets their format again). */
export interface PartialRows {
  readonly rows: ReadonlyArray<Omit<Row, 'format'>>;
  /** Rows that reached the worker's result before its row cap cut them. */
  readonly resultRows: number;
}

/**
 * The identity of a group of several keys, unambiguous like JSON.stringify but a third of its cost
 * (it runs once per record): each text is tagged and prefixed with its length, so no separator
 * inside a value can make two groups one; a number is tagged apart from the same digits as text.
 */
function groupId(keys: readonly Value[]): string {
  let id = '';
  for (const k of keys) {
    if (typeof k === 'string') id += `s${k.length}:${k}`;
    else if (typeof k === 'number') id += `n${k};`;
    else id += k === null ? 'z;' : k ? 't;' : 'f;';
  }
  return id;
}

interface Group {
  readonly keys: Value[];
  readonly accumulators: Accumulator[];
}

/**
 * Groups by their key values without building an id per record: one Map per key position, nested
 * (a Map tells 1 from "1" and null from "null", so no tagging is needed). Looking up a record's
 * group then hashes values the parser shares (addresses, words) instead of a fresh string.
 */
class GroupIndex {
  private readonly root = new Map<Value, unknown>();
  constructor(private readonly depth: number) {}

  get(keys: readonly Value[]): Group | undefined {
    let node: unknown = this.root;
    for (let i = 0; i < this.depth; i++) {
      node = (node as Map<Value, unknown>).get(keys[i]!);
      if (node === undefined) return undefined;
    }
    return this.depth === 0 ? (this.root.get(null) as Group | undefined) : (node as Group);
  }

  set(keys: readonly Value[], group: Group): void {
    if (this.depth === 0) {
      this.root.set(null, group);
      return;
    }
    let node = this.root;
    for (let i = 0; i < this.depth - 1; i++) {
      let next = node.get(keys[i]!) as Map<Value, unknown> | undefined;
      if (!next) node.set(keys[i]!, (next = new Map()));
      node = next;
    }
    node.set(keys[this.depth - 1]!, group);
  }
}

/** The accumulator factory of a stats projection such as `count()` or `pct(bytes, 95)`, from the catalog. */
function accumulatorFor(projection: Projection): AccumulatorFactory {
  const call = projection.expr as Extract<Projection['expr'], { kind: 'call' }>;
  const def = findFunction(call.name);
  if (def?.kind !== 'aggregate') throw new TypeError(`not an aggregate: ${call.name}`);
  return def.accumulator(call.args.map(compileExpr), call);
}

/** A result row as Insights returns it: column name → text (absent when null). */
export type ResultRow = Record<string, string>;

export interface QueryOutput {
  readonly columns: readonly string[];
  readonly rows: readonly ResultRow[];
  /**
   * Log events that matched the query (Insights' statistics.recordsMatched): the events that pass
   * the filters before the first stats or dedup, not the result rows.
   */
  readonly matched: number;
  readonly truncated: boolean;
  readonly warnings: readonly string[];
}

interface Stage {
  push(row: Row): boolean | void;
  end(): void;
}

/** What columns the result shows, tracked through the commands. */
interface Shape {
  columns: string[] | undefined;
  isStats: boolean;
}

/**
 * Runs a parsed query over pushed rows: streaming stages for filter, fields, parse and dedup;
 * blocking ones for stats and sort. Memory stays bounded: without stats, only the rows that can
 * still make the result (limit, or Insights' default row cap) are kept.
 */
export class QueryExecutor {
  private readonly stages: Stage[] = [];
  private readonly output: Row[] = [];
  private readonly shape: Shape = { columns: undefined, isStats: false };
  private readonly warnings: string[] = [];
  private matched = 0;
  /** Rows that reached the result before the row cap cut them. */
  private resultRows = 0;
  /** The first stats stage's groups, for partial runs (workers) and merging them. */
  private statsGroups: { groups: Map<string, Group>; index: GroupIndex; make: () => Accumulator[] } | undefined;
  private finalLimit: number;
  /** Index of the command before which matching events are counted (-1: at the result). */
  private matchPoint = -1;
  private sorted = false;
  private done = false;

  constructor(
    private readonly query: Query,
    private readonly limits: InsightsLimits = DEFAULT_INSIGHTS_LIMITS,
  ) {
    this.finalLimit = limits.defaultResultRows;
    let downstream: Stage = this.sink();
    const built: Stage[] = [];
    for (let i = query.commands.length - 1; i >= 0; i--) {
      downstream = this.stage(query.commands[i]!, downstream, i);
      built.unshift(downstream);
    }
    this.stages = built;
    this.matchPoint = this.matchPointFor();
    // Shape: walk forward, the last fields/display/stats decides the columns.
    for (const c of query.commands) {
      if (c.kind === 'stats') {
        this.shape.isStats = true;
        this.shape.columns = [...c.by.map((b) => b.name), ...c.aggregates.map((a) => a.name)];
      } else if (c.kind === 'fields') {
        this.shape.columns = this.shape.isStats
          ? [...(this.shape.columns ?? []), ...c.items.map((i) => i.name).filter((n) => !this.shape.columns?.includes(n))]
          : [...new Set([...(this.shape.columns ?? []), ...c.items.map((i) => i.name)])];
      } else if (c.kind === 'display') this.shape.columns = [...c.names];
    }
    this.checkSortKeys();
    const cloudOnly = planQuery(query, limits).cloudOnlyFields;
    if (cloudOnly.length > 0) {
      throw new FlowLogError(
        'query-unsupported',
        `${cloudOnly.join(' and ')} exist${cloudOnly.length === 1 ? 's' : ''} only in CloudWatch: this query runs only in CloudWatch, not on local files`,
        { hint: 'run it with --log-group, or leave the field out locally' },
      );
    }
  }

  /** Sort keys that name no column sort by nothing in Insights too; say so (the seed's `sort count desc`). */
  private checkSortKeys(): void {
    const commands = this.query.commands;
    let known = new Set<string>();
    let fieldsKnown = true; // before stats any record field may exist
    for (const c of commands) {
      if (c.kind === 'stats') {
        known = new Set([...c.by.map((b) => b.name), ...c.aggregates.map((a) => a.name)]);
        fieldsKnown = false;
      } else if (c.kind === 'fields') c.items.forEach((i) => known.add(i.name));
      else if (c.kind === 'sort' && !fieldsKnown) {
        for (const key of c.keys) {
          if (!known.has(key.name)) {
            const similar = [...known].find((k) => k.startsWith(`${key.name}(`));
            this.warnings.push(
              `sort ${key.name}: after stats there is no column named ${key.name}${similar ? `; the column is ${similar}` : ''}, so this sort orders nothing. Fix: ${similar ? `name it with "${similar} as ${key.name}" in stats, or sort by ${similar}` : 'sort by one of ' + [...known].join(', ')}`,
            );
          }
        }
      }
    }
  }

  push(row: Row): boolean {
    if (this.done) return false;
    if (this.matchPoint === 0) this.matched++;
    const more = this.stages[0] ? this.stages[0].push(row) : this.sink().push(row);
    if (more === false) this.done = true;
    return !this.done;
  }

  /** The groups of the first stats command as mergeable states (a worker's share of a parallel run). */
  /** Matching events counted so far (a worker's share, to add up). */
  get matchedEvents(): number {
    return this.matched;
  }

  /** Adds matching events counted elsewhere (by workers). */
  addMatched(n: number): void {
    this.matched += n;
  }

  /** How many groups the first stats command has so far (a worker notes which block made each). */
  get statsGroupCount(): number {
    return this.statsGroups?.groups.size ?? 0;
  }

  exportStatsGroups(): PartialGroups {
    const groups = this.statsGroups?.groups ?? new Map<string, Group>();
    return [...groups.entries()].map(([id, g]) => ({ id, keys: g.keys, states: g.accumulators.map((a) => a.state()) }));
  }

  /**
   * Ends a worker's share of a query without stats: its rows in the final order, cut to the best
   * `finalLimit` (so the union of all shares holds the best rows of all).
   */
  exportResultRows(): PartialRows {
    this.stages[0]?.end();
    return { rows: this.output.map(({ values, timestamp, message, extra }) => ({ values, timestamp, message, extra })), resultRows: this.resultRows };
  }

  /**
   * Adds the rows of a worker's share, before `finish()`; called in input order, so the final
   * stable sort breaks ties in input order, as one thread does.
   */
  mergeResultRows(rows: readonly Row[], resultRows: number): void {
    for (const row of rows) this.output.push(row);
    this.resultRows += resultRows;
  }

  /** Adds groups computed elsewhere (by workers) into the first stats command, before `finish()`. */
  mergeStatsGroups(partial: PartialGroups): void {
    const target = this.statsGroups;
    if (!target) throw new TypeError('this query has no stats command to merge into');
    for (const p of partial) {
      let group = target.groups.get(p.id);
      if (!group) {
        group = { keys: p.keys, accumulators: target.make() };
        target.groups.set(p.id, group);
        target.index.set(group.keys, group);
      }
      group.accumulators.forEach((a, i) => a.merge(p.states[i]));
    }
  }

  finish(): QueryOutput {
    this.stages[0]?.end();
    const columns = this.columns();
    const rows = this.output.slice(0, this.finalLimit).map((row) => {
      const out: ResultRow = {};
      for (const c of columns) {
        const raw = fieldGetter(c)(row);
        const text = c === '@timestamp' && typeof raw === 'number' ? formatTimestamp(raw) : formatValue(raw);
        if (text !== undefined) out[c] = text;
      }
      return out;
    });
    return { columns, rows, matched: this.matched, truncated: this.resultRows > rows.length, warnings: this.warnings };
  }

  private columns(): string[] {
    return this.shape.columns ?? ['@timestamp', '@message'];
  }

  /** Matching events are counted where they enter the first command that reduces rows (stats, dedup, limit). */
  private matchPointFor(): number {
    return this.query.commands.findIndex((c) => c.kind === 'stats' || c.kind === 'dedup' || c.kind === 'limit');
  }

  /** Without stats, and with an explicit final sort, only the best `finalLimit` rows are kept. */
  private sink(): Stage {
    const needsTrim = () => this.sorted || !this.shape.isStats;
    return {
      push: (row) => {
        if (this.matchPoint < 0) this.matched++;
        this.resultRows++;
        this.output.push(row);
        if (needsTrim() && this.output.length >= 2 * this.finalLimit + 1024) this.trimSorted();
        return true;
      },
      end: () => {
        if (needsTrim()) this.trimSorted();
      },
    };
  }

  /** A query without stats and without sort is ordered by @timestamp, newest first (as Insights). */
  private sortKeys: { get: Getter; desc: boolean }[] = [{ get: fieldGetter('@timestamp'), desc: true }];

  private trimSorted(): void {
    this.output.sort(rowComparator(this.sortKeys));
    if (this.output.length > this.finalLimit) this.output.length = this.finalLimit;
  }

  private stage(command: Command, downstream: Stage, index: number): Stage {
    // Matching events are counted where they enter the first stats or dedup.
    const next: Stage =
      index + 1 === this.matchPointFor()
        ? {
            push: (row) => {
              this.matched++;
              return downstream.push(row);
            },
            end: () => downstream.end(),
          }
        : downstream;
    const isLast =
      index === this.query.commands.length - 1 ||
      this.query.commands.slice(index + 1).every((c) => c.kind === 'limit' || c.kind === 'display' || c.kind === 'fields');
    switch (command.kind) {
      case 'filter': {
        const test = compileExpr(command.expr);
        return { push: (row) => (truthy(test(row)) ? next.push(row) : true), end: () => next.end() };
      }
      case 'fields': {
        const computed = command.items
          .filter((i) => !(i.expr.kind === 'field' && i.expr.name === i.name))
          .map((i) => ({ name: i.name, get: compileExpr(i.expr) }));
        return {
          push: (row) => {
            for (const c of computed) setField(row, c.name, c.get(row));
            return next.push(row);
          },
          end: () => next.end(),
        };
      }
      case 'display':
        return next;
      case 'parse': {
        const source = fieldGetter(command.field);
        return {
          push: (row) => {
            const text = source(row);
            const match = text === null || text === undefined ? null : command.pattern.exec(String(text));
            command.names.forEach((name, i) => setField(row, name, match ? (match.groups?.[name] ?? match[i + 1] ?? null) : null));
            return next.push(row);
          },
          end: () => next.end(),
        };
      }
      case 'dedup':
        return this.dedup(command.names, next, index);
      case 'limit': {
        if (isLast) {
          // The final limit cuts the ordered result, not the input: Insights returns the newest rows.
          this.finalLimit = Math.min(command.count, this.limits.maxResultRows);
          return next;
        }
        let remaining = command.count;
        return {
          push: (row) => {
            if (remaining <= 0) return false;
            remaining--;
            const more = next.push(row);
            return more !== false && remaining > 0;
          },
          end: () => next.end(),
        };
      }
      case 'sort': {
        const keys = command.keys.map((k) => ({ get: fieldGetter(k.name), desc: k.desc }));
        if (isLast) {
          this.sorted = true;
          this.sortKeys = keys;
          return next;
        }
        const buffer: Row[] = [];
        return {
          push: (row) => void buffer.push(row),
          end: () => {
            buffer.sort(rowComparator(keys));
            for (const row of buffer) if (next.push(row) === false) break;
            next.end();
          },
        };
      }
      case 'stats': {
        const groupBy = command.by.map((b) => ({ name: b.name, get: compileExpr(b.expr) }));
        const factories = command.aggregates.map((a) => ({ name: a.name, make: accumulatorFor(a) }));
        const groups = new Map<string, Group>();
        const index = new GroupIndex(groupBy.length);
        this.statsGroups ??= { groups, index, make: () => factories.map((f) => f.make()) };
        // Reused for every record: a group copies the keys only when it is created.
        const keys: Value[] = new Array<Value>(groupBy.length).fill(null);
        return {
          push: (row) => {
            for (let i = 0; i < groupBy.length; i++) keys[i] = groupBy[i]!.get(row) ?? null;
            let group = index.get(keys);
            if (!group) {
              group = { keys: [...keys], accumulators: factories.map((f) => f.make()) };
              index.set(group.keys, group);
              groups.set(groupId(group.keys), group);
            }
            const accumulators = group.accumulators;
            for (let i = 0; i < accumulators.length; i++) accumulators[i]!.add(row);
          },
          end: () => {
            for (const group of groups.values()) {
              const extra: Record<string, Value> = {};
              groupBy.forEach((g, i) => (extra[g.name] = group.keys[i] ?? null));
              factories.forEach((f, i) => (extra[f.name] = group.accumulators[i]!.result()));
              if (next.push({ values: [], format: undefined, timestamp: undefined, message: undefined, extra }) === false) break;
            }
            next.end();
          },
        };
      }
    }
  }

  /**
   * `dedup a, b`: one row per combination of values, the first in sort order (AWS's dedup page).
   * After a sort the rows arrive in that order and the first one wins; otherwise the order is
   * Insights' default, @timestamp descending, so the newest row of each combination is kept.
   * A row with a null in any of the fields is never a duplicate.
   */
  private dedup(names: readonly string[], next: Stage, index: number): Stage {
    const getters = names.map(fieldGetter);
    const sortedBefore = this.query.commands.slice(0, index).some((c) => c.kind === 'sort');
    const keyOf = (row: Row): string | undefined => {
      const values = getters.map((g) => g(row));
      if (values.some((v) => v === null || v === undefined)) return undefined;
      return JSON.stringify(values);
    };
    if (sortedBefore) {
      const seen = new Set<string>();
      return {
        push: (row) => {
          const key = keyOf(row);
          if (key !== undefined) {
            if (seen.has(key)) return true;
            seen.add(key);
          }
          return next.push(row);
        },
        end: () => next.end(),
      };
    }
    const timestamp = fieldGetter('@timestamp');
    const newest = new Map<string, Row>();
    const withNull: Row[] = [];
    return {
      push: (row) => {
        const key = keyOf(row);
        if (key === undefined) return void withNull.push(row);
        const kept = newest.get(key);
        if (!kept || Number(timestamp(row) ?? -Infinity) > Number(timestamp(kept) ?? -Infinity)) newest.set(key, row);
      },
      end: () => {
        const rows = [...newest.values(), ...withNull].sort(rowComparator([{ get: timestamp, desc: true }]));
        for (const row of rows) if (next.push(row) === false) break;
        next.end();
      },
    };
  }
}
