/**
 * The values of one `pct()` group in bounded memory. Exact while the group has at most
 * `EXACT_DISTINCT` distinct values (a count per value: flow-log ports, protocols, flags and most
 * small counters stay exact however many records there are). Past that, a log-bucket sketch
 * (DDSketch, Masson et al., VLDB 2019) with relative accuracy `RELATIVE_ACCURACY`: every value v
 * falls in bucket ceil(log_γ |v|), γ = (1 + α) / (1 − α), whose representative 2γ^i / (γ + 1) is
 * within α·|v| of every value of the bucket. The nearest-rank value's bucket is found exactly, so
 * the answer is within α of the exact answer (2α once rounded to an integer, for integer
 * inputs), with at most about 3,700 buckets per sign for magnitudes between 1e-9 and 2^53.
 */
export const EXACT_DISTINCT = 4096;
export const RELATIVE_ACCURACY = 0.005;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);

/** What crosses a worker boundary: plain arrays. */
export interface PercentileState {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly integers: boolean;
  /** Exact mode: [value, count, value, count, ...]. */
  readonly exact?: number[];
  /** Sketch mode: [bucket, count, ...] of positive and of negative values, and the zeros. */
  readonly positive?: number[];
  readonly negative?: number[];
  readonly zeros?: number;
}

function bucketOf(magnitude: number): number {
  return Math.ceil(Math.log(magnitude) / LOG_GAMMA);
}
function representative(bucket: number): number {
  return (2 * Math.pow(GAMMA, bucket)) / (GAMMA + 1);
}
function addTo(map: Map<number, number>, key: number, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}
function flatten(map: Map<number, number>): number[] {
  const out: number[] = [];
  for (const [k, n] of map) out.push(k, n);
  return out;
}

export class PercentileSummary {
  private count = 0;
  private min = Infinity;
  private max = -Infinity;
  private integers = true;
  private exact: Map<number, number> | undefined = new Map();
  private readonly positive = new Map<number, number>();
  private readonly negative = new Map<number, number>();
  private zeros = 0;

  add(value: number, n = 1): void {
    this.count += n;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (this.integers && !Number.isInteger(value)) this.integers = false;
    const exact = this.exact;
    if (exact) {
      addTo(exact, value, n);
      if (exact.size > EXACT_DISTINCT) this.toSketch();
    } else this.addToSketch(value, n);
  }

  private addToSketch(value: number, n: number): void {
    if (value === 0) this.zeros += n;
    else if (value > 0) addTo(this.positive, bucketOf(value), n);
    else addTo(this.negative, bucketOf(-value), n);
  }

  private toSketch(): void {
    const exact = this.exact!;
    this.exact = undefined;
    for (const [value, n] of exact) this.addToSketch(value, n);
  }

  /** The nearest-rank p-th percentile (the value at rank ceil(p/100 · n)), or null without values. */
  result(p: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.min(this.count, Math.max(1, Math.ceil((p / 100) * this.count)));
    if (this.exact) {
      const values = Float64Array.from(this.exact.keys()).sort();
      let seen = 0;
      for (const v of values) {
        seen += this.exact.get(v)!;
        if (seen >= rank) return v;
      }
      return values[values.length - 1]!;
    }
    let seen = 0;
    let found: number | undefined;
    for (const b of [...this.negative.keys()].sort((x, y) => y - x)) {
      seen += this.negative.get(b)!;
      if (seen >= rank) {
        found = -representative(b);
        break;
      }
    }
    if (found === undefined) {
      seen += this.zeros;
      if (seen >= rank) found = 0;
    }
    if (found === undefined) {
      found = this.max;
      for (const b of [...this.positive.keys()].sort((x, y) => x - y)) {
        seen += this.positive.get(b)!;
        if (seen >= rank) {
          found = representative(b);
          break;
        }
      }
    }
    const clamped = Math.min(this.max, Math.max(this.min, found));
    return this.integers ? Math.round(clamped) : clamped;
  }

  state(): PercentileState {
    const base = { count: this.count, min: this.min, max: this.max, integers: this.integers };
    return this.exact
      ? { ...base, exact: flatten(this.exact) }
      : { ...base, positive: flatten(this.positive), negative: flatten(this.negative), zeros: this.zeros };
  }

  merge(state: PercentileState): void {
    if (state.count === 0) return;
    if (state.exact) {
      for (let i = 0; i < state.exact.length; i += 2) this.add(state.exact[i]!, state.exact[i + 1]!);
      return;
    }
    if (this.exact) this.toSketch();
    this.count += state.count;
    this.min = Math.min(this.min, state.min);
    this.max = Math.max(this.max, state.max);
    this.integers &&= state.integers;
    this.zeros += state.zeros ?? 0;
    const pos = state.positive ?? [];
    const neg = state.negative ?? [];
    for (let i = 0; i < pos.length; i += 2) addTo(this.positive, pos[i]!, pos[i + 1]!);
    for (let i = 0; i < neg.length; i += 2) addTo(this.negative, neg[i]!, neg[i + 1]!);
  }
}
