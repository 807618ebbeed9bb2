import type { Expr, Query } from './ast.js';

/**
 * The fields a query reads. Undefined when the query shows whole records (no fields, display or
 * stats) or reads @message: then every field counts (unless `always`, which lists the names anyway).
 */
export function referencedFields(query: Query, always = false): Set<string> | undefined {
  const names = new Set<string>(['startTime']);
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case 'field':
        names.add(e.name);
        break;
      case 'unary':
        visit(e.expr);
        break;
      case 'binary':
        visit(e.left);
        visit(e.right);
        break;
      case 'in':
        visit(e.expr);
        e.list.forEach(visit);
        break;
      case 'like':
        visit(e.expr);
        break;
      case 'call':
        e.args.forEach(visit);
        break;
      default:
        break;
    }
  };
  let shows = false;
  for (const c of query.commands) {
    switch (c.kind) {
      case 'fields':
        shows = true;
        c.items.forEach((i) => visit(i.expr));
        break;
      case 'stats':
        shows = true;
        [...c.aggregates, ...c.by].forEach((i) => visit(i.expr));
        break;
      case 'display':
        shows = true;
        c.names.forEach((n) => names.add(n));
        break;
      case 'filter':
        visit(c.expr);
        break;
      case 'sort':
        c.keys.forEach((k) => names.add(k.name));
        break;
      case 'dedup':
        c.names.forEach((n) => names.add(n));
        break;
      case 'parse':
        names.add(c.field);
        break;
      default:
        break;
    }
  }
  // @logStream is rebuilt from the interface (see row.ts).
  if (names.has('@logStream')) names.add('interfaceId');
  if (!always && (!shows || names.has('@message'))) return undefined;
  return names;
}
