import type { Expr, Projection } from '../query/ast.js';
import { compileExpr } from './compile.js';
import type { Getter, Row } from './row.js';
import { asNumber, compareValues, type Value } from './values.js';

/** One aggregate's running state for one group; `state`/`merge` combine partial runs (workers). */
export interface Accumulator {
  add(row: Row): void;
  result(): Value;
  state(): unknown;
  merge(state: unknown): void;
}

export type AccumulatorFactory = () => Accumulator;

/** Builds the accumulator of `count()`, `sum(bytes)`, `pct(bytes, 95)`, ... */
export function accumulatorFor(projection: Projection): AccumulatorFactory {
  const call = projection.expr as Extract<Expr, { kind: 'call' }>;
  const arg: Getter | undefined = call.args[0] ? compileExpr(call.args[0]) : undefined;
  switch (call.name) {
    case 'count':
      if (!arg || call.star) {
        return () => {
          let n = 0;
          return { add: () => void n++, result: () => n, state: () => n, merge: (s) => void (n += s as number) };
        };
      }
      return () => {
        let n = 0;
        return {
          add: (row) => {
            const v = arg(row);
            if (v !== null && v !== undefined) n++;
          },
          result: () => n,
          state: () => n,
          merge: (s) => void (n += s as number),
        };
      };
    case 'count_distinct':
      return () => {
        const seen = new Set<string>();
        return {
          add: (row) => {
            const v = arg!(row);
            if (v !== null && v !== undefined) seen.add(String(v));
          },
          result: () => seen.size,
          state: () => [...seen],
          merge: (s) => (s as string[]).forEach((v) => seen.add(v)),
        };
      };
    case 'sum':
    case 'avg':
      return () => {
        let sum = 0;
        let n = 0;
        const avg = call.name === 'avg';
        return {
          add: (row) => {
            const v = asNumber(arg!(row));
            if (v !== undefined) {
              sum += v;
              n++;
            }
          },
          result: () => (n === 0 ? null : avg ? sum / n : sum),
          state: () => [sum, n],
          merge: (s) => {
            const [otherSum, otherN] = s as [number, number];
            sum += otherSum;
            n += otherN;
          },
        };
      };
    case 'min':
    case 'max':
      return () => {
        let best: Value | undefined;
        const sign = call.name === 'min' ? -1 : 1;
        const offer = (v: Value | undefined) => {
          if (v === null || v === undefined) return;
          if (best === undefined || compareValues(v, best) * sign > 0) best = v;
        };
        return {
          add: (row) => offer(arg!(row)),
          result: () => best ?? null,
          state: () => best ?? null,
          merge: (s) => offer(s as Value),
        };
      };
    case 'pct': {
      const p = Number((call.args[1] as { value: unknown }).value);
      return () => {
        const values: number[] = [];
        return {
          add: (row) => {
            const v = asNumber(arg!(row));
            if (v !== undefined) values.push(v);
          },
          // Nearest rank.
          result: () => {
            if (values.length === 0) return null;
            values.sort((a, b) => a - b);
            const rank = Math.max(1, Math.ceil((p / 100) * values.length));
            return values[rank - 1]!;
          },
          state: () => values,
          merge: (s) => void values.push(...(s as number[])),
        };
      };
    }
    default:
      throw new TypeError(`not an aggregate: ${call.name}`);
  }
}
