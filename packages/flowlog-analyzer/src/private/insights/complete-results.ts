import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { parseQuery } from '../query/parser.js';
import { planQuery } from '../query/plan.js';
import { DEFAULT_INSIGHTS_LIMITS } from '../limits.js';
import type { ResultRow } from '../engine/execute.js';
import { runInsightsQuery, type InsightsQueryRequest, type InsightsStatistics } from './run-insights-query.js';
import { rowComparator } from '../engine/values.js';

export interface CompleteResult {
  readonly rows: readonly ResultRow[];
  readonly statistics: InsightsStatistics;
  /** Queries run (1 when no split was needed). */
  readonly queries: number;
  /** True when rows may be missing: a stats query at the cap, or a one-second slice at the cap. */
  readonly incomplete: boolean;
  /** What is missing, in words, when incomplete. */
  readonly missing: string | undefined;
}

/** The row cap a query runs under: its own final `limit`, else Insights' default. */
function capOf(
  queryString: string,
  requested: number | undefined,
): { cap: number; userLimited: boolean; isStats: boolean; sortKeys: ReadonlyArray<{ name: string; desc: boolean }> | undefined } {
  const plan = planQuery(parseQuery(queryString));
  if (plan.userLimited) return plan;
  return { ...plan, cap: requested ?? DEFAULT_INSIGHTS_LIMITS.defaultResultRows };
}

/**
 * Every row of a query, past Insights' row cap: each query asks for up to 100,000 rows (read
 * by nextToken pages); when a query without stats returns exactly that cap, the time range is split in two and each half is run again (recursively), and the rows are
 * merged newest first. A stats query at the cap cannot be split that way (its groups span the
 * range) and is reported as incomplete, never shown as complete.
 */
export async function runInsightsQueryComplete(client: CloudWatchLogsClient, request: InsightsQueryRequest): Promise<CompleteResult> {
  const limits = request.limits ?? DEFAULT_INSIGHTS_LIMITS;
  // With nextToken paging one query returns up to maxResultRows (100,000): ask for that much and
  // split the time range only past it, unless the query or the caller sets its own limit.
  const { cap, userLimited, isStats, sortKeys } = capOf(request.queryString, request.limit ?? limits.maxResultRows);
  let queries = 0;
  const totals = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };
  const missing: string[] = [];

  const run = async (start: number, end: number): Promise<ResultRow[]> => {
    queries++;
    const result = await runInsightsQuery(client, { ...request, startTime: start, endTime: end, limit: request.limit ?? cap });
    totals.recordsMatched += result.statistics.recordsMatched;
    totals.recordsScanned += result.statistics.recordsScanned;
    totals.bytesScanned += result.statistics.bytesScanned;
    const atCap = result.rows.length >= cap;
    if (!atCap || userLimited) return [...result.rows];
    if (isStats) {
      missing.push(`the stats query returned ${cap} groups, Insights' cap: more groups may exist (narrow the query or the time range)`);
      return [...result.rows];
    }
    if (end <= start) {
      missing.push(`second ${new Date(start * 1000).toISOString()} alone holds ${cap} or more matching events; rows past ${cap} in it are missing`);
      return [...result.rows];
    }
    const mid = Math.floor((start + end) / 2);
    // Newest first, as Insights orders rows without sort: the later half comes first.
    const later = await run(mid + 1, end);
    const earlier = await run(start, mid);
    return [...later, ...earlier];
  };

  const merged = await run(request.startTime, request.endTime);
  // Halves come back in time order; a query that sorts by something else gets its order back.
  const rows = queries > 1 && sortKeys ? [...merged].sort(rowComparator(sortKeys.map((k) => ({ get: (r: ResultRow) => r[k.name], desc: k.desc })))) : merged;
  return { rows, statistics: totals, queries, incomplete: missing.length > 0, missing: missing.length > 0 ? missing.join('; ') : undefined };
}
