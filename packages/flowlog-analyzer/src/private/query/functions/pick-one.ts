import type { Value } from '../../engine/values.js';
import type { Getter } from '../../engine/row.js';
import type { AggregateFunction } from './function-def.js';

/**
 * An aggregate that keeps one value of a group, the one that wins `better(candidate, kept)`, with
 * an optional rank (the event time for earliest/latest). Missing values never win.
 */
export function pickOne(
  name: string,
  better: (a: { value: Value; rank: number }, b: { value: Value; rank: number }) => boolean,
  rankOf?: Getter,
): AggregateFunction {
  return {
    kind: 'aggregate',
    name,
    minArgs: 1,
    accumulator:
      ([arg]) =>
      () => {
        let best: { value: Value; rank: number } | undefined;
        const offer = (c: { value: Value; rank: number } | null) => {
          if (c && (best === undefined || better(c, best))) best = c;
        };
        return {
          add: (row) => {
            const value = arg!(row);
            if (value === null || value === undefined) return;
            const rank = rankOf ? rankOf(row) : 0;
            offer({ value, rank: typeof rank === 'number' ? rank : 0 });
          },
          result: () => best?.value ?? null,
          state: () => best ?? null,
          merge: (s) => offer(s as { value: Value; rank: number } | null),
        };
      },
  };
}
