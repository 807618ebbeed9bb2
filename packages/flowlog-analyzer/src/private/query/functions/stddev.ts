import { asNumber } from '../../engine/values.js';
import type { AggregateFunction } from './function-def.js';

/**
 * `stddev(field)`: the standard deviation of the numeric values (AWS, stats). AWS does not say
 * which; this is the sample deviation (n - 1), as DuckDB's and SQL's `stddev`. Welford's running
 * mean, merged by Chan's formula so workers combine exactly.
 */
export const stddev: AggregateFunction = {
  kind: 'aggregate',
  name: 'stddev',
  minArgs: 1,
  accumulator:
    ([arg]) =>
    () => {
      let n = 0;
      let mean = 0;
      let m2 = 0;
      return {
        add: (row) => {
          const x = asNumber(arg!(row));
          if (x === undefined) return;
          n++;
          const d = x - mean;
          mean += d / n;
          m2 += d * (x - mean);
        },
        result: () => (n < 2 ? null : Math.sqrt(m2 / (n - 1))),
        state: () => [n, mean, m2],
        merge: (s) => {
          const [nb, meanB, m2b] = s as [number, number, number];
          if (nb === 0) return;
          const total = n + nb;
          const d = meanB - mean;
          m2 += m2b + (d * d * n * nb) / total;
          mean += (d * nb) / total;
          n = total;
        },
      };
    },
};
