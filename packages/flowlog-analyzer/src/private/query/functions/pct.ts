import { asNumber } from '../../engine/values.js';
import type { AggregateFunction } from './function-def.js';

/** `pct(field, p)`: the value below which p percent of the values lie (nearest rank) (AWS, stats). */
export const pct: AggregateFunction = {
  kind: 'aggregate',
  name: 'pct',
  minArgs: 2,
  args: ['any', 'number-literal'],
  accumulator: ([arg], call) => {
    const p = Number((call.args[1] as { value: unknown }).value);
    return () => {
      const values: number[] = [];
      return {
        add: (row) => {
          const v = asNumber(arg!(row));
          if (v !== undefined) values.push(v);
        },
        result: () => {
          if (values.length === 0) return null;
          // A typed array sorts numerically in native code: several times faster than a comparator.
          const sorted = Float64Array.from(values).sort();
          const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
          return sorted[rank - 1]!;
        },
        state: () => values,
        merge: (s) => {
          for (const v of s as number[]) values.push(v);
        },
      };
    };
  },
};
