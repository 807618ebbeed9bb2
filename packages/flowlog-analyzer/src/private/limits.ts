/**
 * CloudWatch Logs Insights limits, in one place and overridable, since AWS has changed them
 * before. Values from current AWS documentation.
 */
export interface InsightsLimits {
  /** Rows a query returns unless it asks for more with `limit`. */
  readonly defaultResultRows: number;
  /** The most rows `limit` may ask for (older documentation says 10,000). */
  readonly maxResultRows: number;
  /** A query is stopped after this long. */
  readonly queryTimeoutMs: number;
  /** Queries running at once per account. */
  readonly concurrentQueries: number;
  /** Log groups one query may read. */
  readonly logGroupsPerQuery: number;
  /** Characters of query text (StartQuery's queryString). @default 10000 */
  readonly maxQueryLength?: number;
  /** Rows one GetQueryResults call hands out; the rest come by nextToken. @default 10000 */
  readonly rowsPerResultsPage?: number;
}

/**
 * How deeply a query may nest parentheses, `not`s and function calls. Not an AWS limit: a fixed
 * bound so that the recursive parser reports an error instead of overflowing the stack.
 */
export const MAX_QUERY_NESTING = 100;

export const DEFAULT_INSIGHTS_LIMITS: Required<InsightsLimits> = Object.freeze({
  defaultResultRows: 10_000,
  maxResultRows: 100_000,
  queryTimeoutMs: 60 * 60 * 1000,
  // 30 until March 2026.
  concurrentQueries: 100,
  logGroupsPerQuery: 50,
  maxQueryLength: 10_000,
  rowsPerResultsPage: 10_000,
});
