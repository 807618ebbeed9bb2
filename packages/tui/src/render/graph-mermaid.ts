import type { NetworkGraph } from '@artos/model';
import { diagramLabel } from './graph-labels.js';

/** Mermaid's quoted labels: `"` and the characters Mermaid reads as markup become entities. */
function quoted(text: string): string {
  return `"${diagramLabel(text).replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')}"`;
}

/**
 * A Mermaid flowchart: subnets grouped by tier, security groups, the peers their rules name;
 * ingress rules as solid arrows into the group, egress rules as dotted arrows out of it.
 */
export function renderGraphMermaid(graph: NetworkGraph): string {
  const lines = ['flowchart LR', `  %% ${diagramLabel(graph.title).replace(/[<>%]/g, ' ')}`];
  const tiers = [...new Set(graph.nodes.filter((n) => n.kind === 'subnet').map((n) => n.tier ?? 'other'))];
  for (const tier of tiers) {
    lines.push(`  subgraph tier_${tier.replace(/[^A-Za-z0-9]/g, '_')}[${quoted(`${tier} subnets`)}]`);
    for (const n of graph.nodes.filter((x) => x.kind === 'subnet' && (x.tier ?? 'other') === tier)) lines.push(`    ${n.key}[${quoted(n.label)}]`);
    lines.push('  end');
  }
  for (const n of graph.nodes) {
    if (n.kind === 'group') lines.push(`  ${n.key}([${quoted(n.label)}])`);
    else if (n.kind === 'external-group') lines.push(`  ${n.key}([${quoted(`${n.label} (outside the model)`)}])`);
    else if (n.kind === 'cidr') lines.push(`  ${n.key}{{${quoted(n.label)}}}`);
    else if (n.kind === 'prefix-list') lines.push(`  ${n.key}[(${quoted(n.label)})]`);
  }
  for (const e of graph.edges)
    lines.push(e.direction === 'ingress' ? `  ${e.from} -->|${quoted(e.label)}| ${e.to}` : `  ${e.from} -.->|${quoted(`out: ${e.label}`)}| ${e.to}`);
  for (const m of graph.memberships) lines.push(`  ${m.group} --- ${m.subnet}`);
  return `${lines.join('\n')}\n`;
}
