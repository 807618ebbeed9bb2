import { parseIpv4Cidr } from '@artos/model/records';
import type { Command, Expr, Query } from './ast.js';

/**
 * A test on one record field that the query's leading filters imply: a record whose field has a
 * value (not `-`) that fails it cannot pass those filters, so the parser may count it and not hand
 * it over (`RecordParserOptions.recordTests`). A record that passes, or whose field is `-`, still
 * goes through the real filter: the tests only ever drop what the filter would drop.
 */
export type RecordTest =
  /** `field = v`, `field in [...]` (negated: `!=`, `not in`): numbers for number fields, words for the action and log status. */
  | { readonly kind: 'one-of'; readonly field: string; readonly values: readonly (number | string)[]; readonly negated: boolean }
  /** `ispresent(field)`: fails on `-`, the only test that does. */
  | { readonly kind: 'present'; readonly field: string }
  /** `isIpv4InSubnet(field, "cidr")` (and `isIpInSubnet` with an IPv4 CIDR), as mask and base. */
  | { readonly kind: 'ipv4-in'; readonly field: string; readonly mask: number; readonly base: number };

/** The conjuncts of `and` chains. */
function conjuncts(expr: Expr): Expr[] {
  return expr.kind === 'binary' && expr.op === 'and' ? [...conjuncts(expr.left), ...conjuncts(expr.right)] : [expr];
}

function literalOf(expr: Expr): number | string | undefined {
  return expr.kind === 'literal' && (typeof expr.value === 'number' || typeof expr.value === 'string') ? expr.value : undefined;
}

/** The record field a test reads: a plain field name, not a system (@) field. */
function fieldOf(expr: Expr): string | undefined {
  return expr.kind === 'field' && !expr.name.startsWith('@') ? expr.name : undefined;
}

/** The test one conjunct implies, or undefined when it is not one of the simple shapes. */
function testOf(expr: Expr): RecordTest | undefined {
  if (expr.kind === 'binary' && (expr.op === '=' || expr.op === '!=')) {
    const [field, value] = fieldOf(expr.left) !== undefined ? [fieldOf(expr.left), literalOf(expr.right)] : [fieldOf(expr.right), literalOf(expr.left)];
    if (field === undefined || value === undefined) return undefined;
    return { kind: 'one-of', field, values: [value], negated: expr.op === '!=' };
  }
  if (expr.kind === 'in') {
    const field = fieldOf(expr.expr);
    const values = expr.list.map(literalOf);
    if (field === undefined || values.some((v) => v === undefined)) return undefined;
    return { kind: 'one-of', field, values: values as (number | string)[], negated: expr.negated };
  }
  if (expr.kind === 'call' && !expr.star) {
    const name = expr.name.toLowerCase();
    const field = expr.args[0] ? fieldOf(expr.args[0]) : undefined;
    if (field === undefined) return undefined;
    if (name === 'ispresent' && expr.args.length === 1) return { kind: 'present', field };
    if ((name === 'isipv4insubnet' || name === 'isipinsubnet') && expr.args.length === 2) {
      const cidr = literalOf(expr.args[1]!);
      const parsed = typeof cidr === 'string' ? parseIpv4Cidr(cidr.includes('/') ? cidr : `${cidr}/32`) : undefined;
      if (!parsed?.ok) return undefined;
      const mask = parsed.cidr.prefix === 0 ? 0 : (0xffffffff << (32 - parsed.cidr.prefix)) | 0;
      return { kind: 'ipv4-in', field, mask, base: parsed.cidr.base };
    }
  }
  return undefined;
}

/** `fields a, b` naming plain fields only: every name still means the record's field after it. */
function keepsFieldNames(command: Command): boolean {
  return command.kind === 'fields' && command.items.every((item) => item.expr.kind === 'field' && item.expr.name === item.name);
}

/**
 * The tests the query's leading filters imply on every record: its first commands, while they are
 * filters (or `fields` of plain field names, which change no name's meaning). After any other
 * command a name may be a computed field (`fields bytes / packets as dstPort`), and counting may
 * start (stats, dedup, limit).
 */
export function recordTests(query: Query): readonly RecordTest[] {
  const tests: RecordTest[] = [];
  for (const command of query.commands) {
    if (keepsFieldNames(command)) continue;
    if (command.kind !== 'filter') break;
    for (const part of conjuncts(command.expr)) {
      const test = testOf(part);
      if (test) tests.push(test);
    }
  }
  return tests;
}
