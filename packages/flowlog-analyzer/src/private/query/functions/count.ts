import type { AggregateFunction } from './function-def.js';

/** `count()`, `count(*)`: the events; `count(field)`: the events that have the field (AWS, stats). */
export const count: AggregateFunction = {
  kind: 'aggregate',
  name: 'count',
  minArgs: 0,
  maxArgs: 1,
  star: true,
  accumulator: ([arg], call) => {
    const all = !arg || call.star;
    return () => {
      let n = 0;
      return {
        add: (row) => {
          if (all) n++;
          else {
            const v = arg(row);
            if (v !== null && v !== undefined) n++;
          }
        },
        result: () => n,
        state: () => n,
        merge: (s) => void (n += s as number),
      };
    };
  },
};
