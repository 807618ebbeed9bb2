import type { Command, Query } from './ast.js';
import { referencedFields } from './referenced-fields.js';
import { recordTests, type RecordTest } from './record-tests.js';
import { DEFAULT_INSIGHTS_LIMITS, type InsightsLimits } from '../limits.js';

/** System fields CloudWatch has and local files do not: a local query that reads them fails clearly. */
export const CLOUD_ONLY_FIELDS = ['@log', '@ingestionTime'] as const;

/**
 * What every consumer needs to know about a query, worked out once: the record fields it reads,
 * whether it needs the raw line, whether it can run on worker threads, the row cap of its result,
 * its final sort. The parser, the local runner, the workers and the CloudWatch runner read this
 * instead of each walking the commands again.
 */
export interface QueryPlan {
  readonly query: Query;
  /** Record fields read (Insights names, plus @-fields); undefined when whole records are shown. */
  readonly fields: ReadonlySet<string> | undefined;
  /** The query reads @message or shows whole events. */
  readonly needsMessage: boolean;
  /**
   * Workers can split the input: `stats` when everything before the first stats works record by
   * record (each worker returns partial groups); `rows` when the query has no stats and is record
   * by record up to a final sort or limit (each worker returns its best rows in the final order).
   */
  readonly parallel: 'stats' | 'rows' | false;
  readonly isStats: boolean;
  /**
   * The first stats' aggregates give the same groups whatever order the records come in (count,
   * count_distinct, sum, avg, min, max), so workers may take records in any order: the
   * decompressed blocks of gzip input are dealt to whichever worker is free.
   */
  readonly orderFreeStats: boolean;
  /** Rows the result holds: the query's final limit, else Insights' default. */
  readonly cap: number;
  /** The cap comes from the query's own final limit. */
  readonly userLimited: boolean;
  /** Keys of the last sort, if any. */
  readonly sortKeys: ReadonlyArray<{ readonly name: string; readonly desc: boolean }> | undefined;
  /** System fields read that exist only in CloudWatch. */
  readonly cloudOnlyFields: readonly string[];
  /** Tests on record fields that the leading filters imply, for the parser to drop early (record-tests.ts). */
  readonly recordTests: readonly RecordTest[];
}

function readsMessage(query: Query, fields: ReadonlySet<string> | undefined): boolean {
  const shows = query.commands.some((c) => c.kind === 'fields' || c.kind === 'display' || c.kind === 'stats');
  return !shows || fields === undefined || fields.has('@message') || query.commands.some((c) => c.kind === 'parse' && c.field === '@message');
}

function isRecordByRecord(c: Command): boolean {
  return c.kind === 'filter' || c.kind === 'fields' || c.kind === 'parse';
}

/**
 * No stats, and record by record up to a tail of the final sort, limit, fields and display (the
 * commands the executor applies to the final result): the union of each share's best rows then
 * holds the best rows of all, and a stable sort in input order breaks ties as one thread does.
 */
function isRowsParallel(commands: readonly Command[]): boolean {
  const tail = commands.findIndex((c) => c.kind === 'sort' || c.kind === 'limit');
  const head = tail < 0 ? commands : commands.slice(0, tail);
  const rest = tail < 0 ? [] : commands.slice(tail);
  // The executor's rule for a final sort or limit: only limit, display and fields follow it.
  const finalOnly = (c: Command) => c.kind === 'limit' || c.kind === 'display' || c.kind === 'fields';
  return (
    head.every((c) => isRecordByRecord(c) || c.kind === 'display') &&
    rest.every((c, i) => (c.kind === 'sort' || c.kind === 'limit' ? rest.slice(i + 1).every(finalOnly) : finalOnly(c)))
  );
}

/** Aggregates whose result does not depend on the order of the records (ties in earliest, latest, sortsFirst and sortsLast do; pct's and stddev's merges are not exact). */
const ORDER_FREE_AGGREGATES = new Set(['count', 'count_distinct', 'sum', 'avg', 'min', 'max']);

function isOrderFree(stats: Command): boolean {
  return stats.kind === 'stats' && stats.aggregates.every((a) => a.expr.kind === 'call' && ORDER_FREE_AGGREGATES.has(a.expr.name.toLowerCase()));
}

export function planQuery(query: Query, limits: InsightsLimits = DEFAULT_INSIGHTS_LIMITS): QueryPlan {
  const commands = query.commands;
  const fields = referencedFields(query);
  const firstStats = commands.findIndex((c) => c.kind === 'stats');
  const last = commands[commands.length - 1];
  const sort = [...commands].reverse().find((c) => c.kind === 'sort');
  const all = referencedFields(query, true)!;
  return {
    query,
    fields,
    needsMessage: readsMessage(query, fields),
    parallel: firstStats >= 0 ? (commands.slice(0, firstStats).every(isRecordByRecord) ? 'stats' : false) : isRowsParallel(commands) ? 'rows' : false,
    isStats: firstStats >= 0,
    orderFreeStats: firstStats >= 0 && isOrderFree(commands[firstStats]!),
    cap: last?.kind === 'limit' ? last.count : limits.defaultResultRows,
    userLimited: last?.kind === 'limit',
    sortKeys: sort?.kind === 'sort' ? sort.keys : undefined,
    cloudOnlyFields: CLOUD_ONLY_FIELDS.filter((f) => all.has(f)),
    recordTests: recordTests(query),
  };
}
