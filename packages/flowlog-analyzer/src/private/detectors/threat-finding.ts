import type { ResultRow } from '../engine/execute.js';

export type ThreatSeverity = 'high' | 'medium' | 'low';

/** What a detector reports: a threat, when, the rows that show it, and what to do. */
export interface ThreatFinding {
  readonly detector: string;
  readonly severity: ThreatSeverity;
  readonly title: string;
  /** ISO times of the first and last evidence, when known. */
  readonly window: { readonly start: string | undefined; readonly end: string | undefined };
  readonly evidence: readonly ResultRow[];
  readonly action: string;
}

/** One detector: the canned query whose rows it reads, and a pure function over those rows. */
export interface Detector {
  readonly id: string;
  readonly title: string;
  readonly queryId: string;
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * Insights names of the record fields the detector reads beyond the default format's
   * (`tcpFlags`, `pktSrcAddr`, ...). Its query lets rows without them through, so a format that
   * lacks one is reported instead of read as "nothing found".
   * @default - none
   */
  readonly requires?: readonly string[];
  /** Of `requires`, the fields AWS itself writes as `-` in some records (so one missing value proves nothing). @default - none */
  readonly mayBeDash?: readonly string[];
  /**
   * Columns every row of the query carries when the records have the fields (its `by` keys):
   * absent from every row, the records lack them.
   * @default - `requires` without `mayBeDash`
   */
  readonly rowKeys?: readonly string[];
  detect(rows: readonly ResultRow[], parameters: Readonly<Record<string, string>>): ThreatFinding[];
}

/** `first`/`last` columns are Unix seconds; `window` columns are bin() timestamps. */
export function secondsToIso(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return new Date(Number(value) * 1000).toISOString();
}

export function binToIso(value: string | undefined, addMs = 0): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(t) ? undefined : new Date(t + addMs).toISOString();
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

/** Unix seconds (as text) → ISO, over a set of rows: the earliest `first` and the latest `last`. */
export function rowsWindow(rows: readonly ResultRow[]): { start: string | undefined; end: string | undefined } {
  const firsts = rows.map((r) => Number(r['first'])).filter((n) => Number.isFinite(n));
  const lasts = rows.map((r) => Number(r['last'])).filter((n) => Number.isFinite(n));
  return {
    start: firsts.length ? secondsToIso(String(Math.min(...firsts))) : undefined,
    end: lasts.length ? secondsToIso(String(Math.max(...lasts))) : undefined,
  };
}
