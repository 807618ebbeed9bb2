import type { NetworkGraph } from '@artos/model';
import { diagramLabel } from './graph-labels.js';

function quoted(text: string): string {
  return `"${diagramLabel(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const SHAPE: Readonly<Record<string, string>> = {
  group: 'box, style=rounded',
  'external-group': 'box, style="rounded,dashed"',
  cidr: 'hexagon',
  'prefix-list': 'cylinder',
  subnet: 'folder',
};

/** Graphviz DOT: the same graph as the Mermaid output, for `dot -Tsvg`. */
export function renderGraphDot(graph: NetworkGraph): string {
  const lines = [
    'digraph network {',
    '  rankdir=LR;',
    `  label=${quoted(graph.title)};`,
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const tiers = [...new Set(graph.nodes.filter((n) => n.kind === 'subnet').map((n) => n.tier ?? 'other'))];
  for (const tier of tiers) {
    lines.push(`  subgraph cluster_${tier.replace(/[^A-Za-z0-9]/g, '_')} {`, `    label=${quoted(`${tier} subnets`)};`);
    for (const n of graph.nodes.filter((x) => x.kind === 'subnet' && (x.tier ?? 'other') === tier))
      lines.push(`    ${n.key} [label=${quoted(n.label)}, shape=${SHAPE['subnet']}];`);
    lines.push('  }');
  }
  for (const n of graph.nodes.filter((x) => x.kind !== 'subnet')) lines.push(`  ${n.key} [label=${quoted(n.label)}, shape=${SHAPE[n.kind]}];`);
  for (const e of graph.edges)
    lines.push(
      `  ${e.from} -> ${e.to} [label=${quoted(e.direction === 'ingress' ? e.label : `out: ${e.label}`)}${e.direction === 'egress' ? ', style=dashed' : ''}];`,
    );
  for (const m of graph.memberships) lines.push(`  ${m.group} -> ${m.subnet} [arrowhead=none, style=dotted, color=gray];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
