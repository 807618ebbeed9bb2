import { asNumber } from '../../engine/values.js';
import type { AggregateFunction } from './function-def.js';

/** `sum` and `avg` of the numeric values; null for a group without any (AWS, stats). */
export function sumOrAvg(name: 'sum' | 'avg'): AggregateFunction {
  const avg = name === 'avg';
  return {
    kind: 'aggregate',
    name,
    minArgs: 1,
    accumulator:
      ([arg]) =>
      () => {
        let sum = 0;
        let n = 0;
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
      },
  };
}
