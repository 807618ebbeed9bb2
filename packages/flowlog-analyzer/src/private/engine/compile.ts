import { cidrContainsAddress, parseIpv4, parseIpv4Cidr } from '@artos/model';
import type { Expr } from '../query/ast.js';
import { FlowLogError } from '../errors.js';
import { fieldGetter, type Getter, type Row } from './row.js';
import { asNumber, compareValues, formatTimestamp, looseEquals, periodMs, type Value } from './values.js';

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
    const re = expr.right.kind === 'regex' ? new RegExp(expr.right.source, expr.right.flags) : new RegExp(String((expr.right as { value: unknown }).value));
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
          default:
            return b === 0 ? null : a % b;
        }
      };
    }
  }
}

function compileCall(expr: Extract<Expr, { kind: 'call' }>): Getter {
  const args = expr.args.map(compileExpr);
  switch (expr.name) {
    case 'isIpv4InSubnet':
    case 'isIpInSubnet': {
      const cidrText = expr.args[1]?.kind === 'literal' ? String(expr.args[1].value) : undefined;
      const parsed = cidrText ? parseIpv4Cidr(cidrText) : undefined;
      if (!parsed || !parsed.ok) throw new FlowLogError('query-syntax', `${expr.name}() takes a field and an IPv4 CIDR literal, e.g. ${expr.name}(srcAddr, "10.0.0.0/16")`);
      const block = parsed.cidr;
      const address = args[0]!;
      return (row) => {
        const v = address(row);
        const n = typeof v === 'string' ? parseIpv4(v) : undefined;
        return n !== undefined && cidrContainsAddress(block, n);
      };
    }
    case 'bin': {
      const period = periodMs((expr.args[0] as { name: string }).name);
      if (period === undefined) throw new FlowLogError('query-unsupported', `bin(${(expr.args[0] as { name: string }).name}): calendar periods are not supported locally; use ms, s, m, h, d or w`);
      const ts = fieldGetter('@timestamp');
      return (row) => {
        const t = asNumber(ts(row));
        return t === undefined ? null : formatTimestamp(Math.floor(t / period) * period);
      };
    }
    case 'abs':
    case 'floor':
    case 'ceil': {
      const fn = Math[expr.name];
      return (row) => {
        const n = asNumber(args[0]?.(row));
        return n === undefined ? null : fn(n);
      };
    }
    case 'strlen':
      return (row) => {
        const v = args[0]?.(row);
        return v === null || v === undefined ? null : String(v).length;
      };
    case 'tolower':
    case 'toupper': {
      const upper = expr.name === 'toupper';
      return (row) => {
        const v = args[0]?.(row);
        return v === null || v === undefined ? null : upper ? String(v).toUpperCase() : String(v).toLowerCase();
      };
    }
    case 'concat':
      return (row) => args.map((a) => a(row) ?? '').join('');
    case 'ispresent':
      return (row) => {
        const v = args[0]?.(row);
        return v !== null && v !== undefined;
      };
    case 'isempty':
      return (row) => {
        const v = args[0]?.(row);
        return v === null || v === undefined || v === '';
      };
    case 'coalesce':
      return (row) => {
        for (const a of args) {
          const v = a(row);
          if (v !== null && v !== undefined) return v;
        }
        return null;
      };
    default:
      throw new FlowLogError('query-syntax', `${expr.name}() is an aggregate: use it in stats`, { hint: `stats ${expr.name}(...) by ...` });
  }
}

export type { Row };
