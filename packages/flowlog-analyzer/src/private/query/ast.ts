/** The parsed form of a Logs Insights query (the subset flow-log work uses). */
export type Expr =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'regex'; readonly source: string; readonly flags: string }
  | { readonly kind: 'unary'; readonly op: 'not' | '-'; readonly expr: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'in'; readonly expr: Expr; readonly list: readonly Expr[]; readonly negated: boolean }
  | { readonly kind: 'like'; readonly expr: Expr; readonly pattern: Expr; readonly negated: boolean }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly star: boolean };

export type BinaryOp = 'and' | 'or' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%' | '^' | '=~';

export interface Projection {
  readonly expr: Expr;
  /** The result column: the alias, else the expression as written. */
  readonly name: string;
}

export type Command =
  | { readonly kind: 'fields'; readonly items: readonly Projection[] }
  | { readonly kind: 'display'; readonly names: readonly string[] }
  | { readonly kind: 'filter'; readonly expr: Expr }
  | { readonly kind: 'stats'; readonly aggregates: readonly Projection[]; readonly by: readonly Projection[] }
  | { readonly kind: 'sort'; readonly keys: ReadonlyArray<{ readonly name: string; readonly desc: boolean }> }
  | { readonly kind: 'limit'; readonly count: number }
  | { readonly kind: 'dedup'; readonly names: readonly string[] }
  | { readonly kind: 'parse'; readonly field: string; readonly pattern: RegExp; readonly names: readonly string[] };

export interface Query {
  readonly text: string;
  readonly commands: readonly Command[];
}
