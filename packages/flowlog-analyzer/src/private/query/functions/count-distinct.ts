import { formatValue } from '../../engine/values.js';
import type { AggregateFunction } from './function-def.js';

/** `count_distinct(field)`: the number of different values (exact here; AWS may approximate at high cardinality). */
export const countDistinct: AggregateFunction = {
  kind: 'aggregate',
  name: 'count_distinct',
  minArgs: 1,
  accumulator:
    ([arg]) =>
    () => {
      const seen = new Set<string>();
      return {
        add: (row) => {
          const v = formatValue(arg!(row));
          if (v !== undefined) seen.add(v);
        },
        result: () => seen.size,
        state: () => [...seen],
        merge: (s) => (s as string[]).forEach((v) => seen.add(v)),
      };
    },
};
