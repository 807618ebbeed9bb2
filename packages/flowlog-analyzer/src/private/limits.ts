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
}

export const DEFAULT_INSIGHTS_LIMITS: InsightsLimits = Object.freeze({
  defaultResultRows: 10_000,
  maxResultRows: 100_000,
  queryTimeoutMs: 60 * 60 * 1000,
  concurrentQueries: 30,
  logGroupsPerQuery: 50,
});
