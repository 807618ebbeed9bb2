import type { Value } from './values.js';
import type { Row } from './row.js';

/** One aggregate's running state for one group; `state`/`merge` combine partial runs (workers). */
export interface Accumulator {
  add(row: Row): void;
  result(): Value;
  state(): unknown;
  merge(state: unknown): void;
}

export type AccumulatorFactory = () => Accumulator;
