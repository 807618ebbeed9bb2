import type { Expr } from '../ast.js';
import type { Accumulator } from '../../engine/aggregates.js';
import type { Getter } from '../../engine/row.js';

/**
 * What an argument must be, checked by the parser: any expression; a `5m`-style period; a
 * literal string or number written in the query (a CIDR, a percentile).
 */
export type ArgKind = 'any' | 'period' | 'string-literal' | 'number-literal';

export type CallExpr = Extract<Expr, { kind: 'call' }>;

export interface FunctionBase {
  /** The name as AWS's pages spell it; calls match it case-insensitively. */
  readonly name: string;
  readonly minArgs: number;
  /** @default - minArgs */
  readonly maxArgs?: number;
  /** Kinds by position; the last one repeats. @default - any */
  readonly args?: readonly ArgKind[];
  /** `count(*)`. @default false */
  readonly star?: boolean;
}

/** A function evaluated per row, in filter, fields, stats by, and as an argument. */
export interface ScalarFunction extends FunctionBase {
  readonly kind: 'scalar';
  compile(args: readonly Getter[], call: CallExpr): Getter;
}

/** A function of `stats`, folding the rows of a group. */
export interface AggregateFunction extends FunctionBase {
  readonly kind: 'aggregate';
  accumulator(args: readonly Getter[], call: CallExpr): () => Accumulator;
}

/** A function AWS documents that the local engine does not run: a clear "runs only in CloudWatch". */
export interface CloudOnlyFunction {
  readonly kind: 'cloud-only';
  readonly name: string;
}

export type FunctionDef = ScalarFunction | AggregateFunction | CloudOnlyFunction;

/** A scalar of one value that yields null for a missing value. */
export function unary(name: string, fn: (v: NonNullable<ReturnType<Getter>>) => ReturnType<Getter>): ScalarFunction {
  return {
    kind: 'scalar',
    name,
    minArgs: 1,
    compile:
      ([arg]) =>
      (row) => {
        const v = arg!(row);
        return v === null || v === undefined ? null : fn(v);
      },
  };
}
