import type { NetworkGraph } from '@artos/model';
import { diagramLabel } from './graph-labels.js';

/** The graph as lines for a terminal (and the TUI's graph screen): each group, who may reach it, where it may send. */
export function renderGraphText(graph: NetworkGraph): string[] {
  const label = new Map(graph.nodes.map((n) => [n.key, diagramLabel(n.label)]));
  const lines: string[] = [`Security groups of ${diagramLabel(graph.title)}:`];
  for (const group of graph.nodes.filter((n) => n.kind === 'group')) {
    const subnets = graph.memberships.filter((m) => m.group === group.key).map((m) => label.get(m.subnet) ?? m.subnet);
    lines.push('', `${label.get(group.key)}${subnets.length > 0 ? `  — in ${subnets.join(', ')}` : ''}`);
    for (const e of graph.edges.filter((x) => x.to === group.key && x.direction === 'ingress')) lines.push(`  ← ${label.get(e.from)}: ${e.label}`);
    for (const e of graph.edges.filter((x) => x.from === group.key && x.direction === 'egress')) lines.push(`  → ${label.get(e.to)}: ${e.label}`);
  }
  return lines;
}
