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
          values.sort((a, b) => a - b);
          const rank = Math.min(values.length, Math.max(1, Math.ceil((p / 100) * values.length)));
          return values[rank - 1]!;
        },
        state: () => values,
        merge: (s) => {
          for (const v of s as number[]) values.push(v);
        },
      };
    };
  },
};
