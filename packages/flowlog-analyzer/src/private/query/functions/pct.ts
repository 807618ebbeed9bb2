import { asNumber } from '../../engine/values.js';
import { PercentileSummary, type PercentileState } from '../../engine/percentile-summary.js';
import type { AggregateFunction } from './function-def.js';

/**
 * `pct(field, p)`: the value below which p percent of the values lie (nearest rank) (AWS, stats).
 * Memory is bounded per group: exact up to 4,096 distinct values, then within 0.5 % (1 % once
 * rounded for integer fields) of the exact value (`percentile-summary.ts`).
 */
export const pct: AggregateFunction = {
  kind: 'aggregate',
  name: 'pct',
  minArgs: 2,
  args: ['any', 'number-literal'],
  accumulator: ([arg], call) => {
    const p = Number((call.args[1] as { value: unknown }).value);
    return () => {
      const summary = new PercentileSummary();
      return {
        add: (row) => {
          const v = asNumber(arg!(row));
          if (v !== undefined) summary.add(v);
        },
        result: () => summary.result(p),
        state: () => summary.state(),
        merge: (s) => summary.merge(s as PercentileState),
      };
    };
  },
};
