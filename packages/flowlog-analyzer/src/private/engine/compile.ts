import type { Expr } from '../query/ast.js';
import { FlowLogError } from '../errors.js';
import { findFunction } from '../query/functions/catalog.js';
import { normalizeRegex } from '../query/regex.js';
import { fieldGetter, type Getter, type Row } from './row.js';
import { asNumber, compareValues, looseEquals, type Value } from './values.js';

/** A compiled expression: a closure over the row, built once per query. */
export function compileExpr(expr: Expr): Getter {
  switch (expr.kind) {
    case 'field':
      return fieldGetter(expr.name);
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'regex': {
      const source = expr.source;
      return () => source;
    }
    case 'unary': {
      const inner = compileExpr(expr.expr);
      if (expr.op === 'not') return (row) => !truthy(inner(row));
      return (row) => {
        const n = asNumber(inner(row));
        return n === undefined ? null : -n;
      };
    }
    case 'in': {
      const inner = compileExpr(expr.expr);
      const list = expr.list.map(compileExpr);
      const negated = expr.negated;
      return (row) => {
        const v = inner(row);
        if (v === null || v === undefined) return false;
        const found = list.some((item) => looseEquals(v, item(row)));
        return negated ? !found : found;
      };
    }
    case 'like': {
      const inner = compileExpr(expr.expr);
      const negated = expr.negated;
      const test = likeTest(expr.pattern);
      return (row) => {
        const v = inner(row);
        if (v === null || v === undefined) return false;
        const hit = test(String(v));
        return negated ? !hit : hit;
      };
    }
    case 'binary':
      return compileBinary(expr);
    case 'call':
      return compileCall(expr);
  }
}

function likeTest(pattern: Expr): (text: string) => boolean {
  if (pattern.kind === 'regex') {
    const re = new RegExp(pattern.source, pattern.flags);
    return (text) => re.test(text);
  }
  const needle = String((pattern as { value: unknown }).value);
  return (text) => text.includes(needle);
}

export function truthy(v: Value | undefined): boolean {
  return v !== null && v !== undefined && v !== false && v !== 0 && v !== '';
}

function compileBinary(expr: Extract<Expr, { kind: 'binary' }>): Getter {
  const left = compileExpr(expr.left);
  if (expr.op === '=~') {
    const normal = expr.right.kind === 'regex' ? expr.right : normalizeRegex(String((expr.right as { value: unknown }).value), '');
    const re = new RegExp(normal.source, normal.flags);
    return (row) => {
      const v = left(row);
      return v !== null && v !== undefined && re.test(String(v));
    };
  }
  const right = compileExpr(expr.right);
  switch (expr.op) {
    case 'and':
      return (row) => truthy(left(row)) && truthy(right(row));
    case 'or':
      return (row) => truthy(left(row)) || truthy(right(row));
    case '=':
      return (row) => looseEquals(left(row), right(row));
    case '!=':
      return (row) => {
        const a = left(row);
        const b = right(row);
        return a !== null && a !== undefined && b !== null && b !== undefined && !looseEquals(a, b);
      };
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const op = expr.op;
      return (row) => {
        const a = left(row);
        const b = right(row);
        if (a === null || a === undefined || b === null || b === undefined) return false;
        const c = compareValues(a, b);
        return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
      };
    }
    default: {
      const op = expr.op;
      return (row) => {
        const a = asNumber(left(row));
        const b = asNumber(right(row));
        if (a === undefined || b === undefined) return null;
        switch (op) {
          case '+':
            return a + b;
          case '-':
            return a - b;
          case '*':
            return a * b;
          case '/':
            return b === 0 ? null : a / b;
          case '^': {
            const p = a ** b;
            return Number.isFinite(p) ? p : null;
          }
          default:
            return b === 0 ? null : a % b;
        }
      };
    }
  }
}

/** A scalar call, compiled by its catalog entry; an aggregate outside stats is an error. */
function compileCall(expr: Extract<Expr, { kind: 'call' }>): Getter {
  const def = findFunction(expr.name);
  if (def?.kind === 'scalar') return def.compile(expr.args.map(compileExpr), expr);
  if (def?.kind === 'aggregate')
    throw new FlowLogError('query-syntax', `${expr.name}() is an aggregate: use it in stats`, { hint: `stats ${expr.name}(...) by ...` });
  throw new FlowLogError('query-unsupported', `${expr.name}() runs only in CloudWatch`, { hint: 'run this query in CloudWatch (--log-group)' });
}

export type { Row };
