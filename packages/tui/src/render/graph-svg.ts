import type { GraphNode, NetworkGraph } from '@artos/model';
import { diagramLabel } from './graph-labels.js';

function escape(text: string): string {
  return diagramLabel(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const COLUMN: Readonly<Record<GraphNode['kind'], number>> = { cidr: 0, 'prefix-list': 0, 'external-group': 0, group: 1, subnet: 2 };
const FILL: Readonly<Record<GraphNode['kind'], string>> = {
  cidr: '#fff4d6',
  'prefix-list': '#e6f0ff',
  'external-group': '#f2f2f2',
  group: '#e8f7ea',
  subnet: '#f5f5f5',
};
const WIDTH = 250;
const HEIGHT = 34;
const GAP_X = 170;
const GAP_Y = 18;

/**
 * A self-contained SVG, laid out in three columns (peers, groups, subnets) so no graph tool is
 * needed: ingress rules as solid arrows into a group, egress as dashed arrows out of it.
 */
export function renderGraphSvg(graph: NetworkGraph): string {
  const position = new Map<string, { x: number; y: number }>();
  const columns: GraphNode[][] = [[], [], []];
  for (const n of graph.nodes) columns[COLUMN[n.kind]]!.push(n);
  columns.forEach((nodes, c) => nodes.forEach((n, i) => position.set(n.key, { x: 20 + c * (WIDTH + GAP_X), y: 60 + i * (HEIGHT + GAP_Y) })));
  const height = 80 + Math.max(...columns.map((c) => c.length)) * (HEIGHT + GAP_Y);
  const width = 40 + 3 * WIDTH + 2 * GAP_X;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
    `<text x="20" y="30" font-size="14" font-weight="bold">${escape(graph.title)}</text>`,
    `<text x="20" y="48" fill="#666">peers (CIDRs, prefix lists, outside groups) · security groups · subnets — solid: ingress rule, dashed: egress rule</text>`,
  ];
  for (const e of graph.edges) {
    const a = position.get(e.from);
    const b = position.get(e.to);
    if (!a || !b) continue;
    const [x1, y1] = [a.x + (b.x >= a.x ? WIDTH : 0), a.y + HEIGHT / 2];
    const [x2, y2] = [b.x + (b.x >= a.x ? 0 : WIDTH), b.y + HEIGHT / 2];
    const self = e.from === e.to;
    const path = self
      ? `M ${a.x + WIDTH} ${a.y + 8} C ${a.x + WIDTH + 60} ${a.y - 20}, ${a.x + WIDTH + 60} ${a.y + HEIGHT + 20}, ${a.x + WIDTH} ${a.y + HEIGHT - 8}`
      : `M ${x1} ${y1} C ${(x1 + x2) / 2} ${y1}, ${(x1 + x2) / 2} ${y2}, ${x2} ${y2}`;
    out.push(
      `<path d="${path}" fill="none" stroke="#555" stroke-width="1"${e.direction === 'egress' ? ' stroke-dasharray="5 3"' : ''} marker-end="url(#arrow)"><title>${escape(`${e.direction}: ${e.label}`)}</title></path>`,
    );
    const [lx, ly] = self ? [a.x + WIDTH + 30, a.y + HEIGHT / 2] : [(x1 + x2) / 2, (y1 + y2) / 2 - 3];
    out.push(`<text x="${lx}" y="${ly}" text-anchor="middle" fill="#333" font-size="9">${escape(e.label)}</text>`);
  }
  for (const m of graph.memberships) {
    const a = position.get(m.group);
    const b = position.get(m.subnet);
    if (a && b) out.push(`<line x1="${a.x + WIDTH}" y1="${a.y + HEIGHT / 2}" x2="${b.x}" y2="${b.y + HEIGHT / 2}" stroke="#bbb" stroke-dasharray="2 2"/>`);
  }
  for (const n of graph.nodes) {
    const p = position.get(n.key)!;
    out.push(
      `<g><rect x="${p.x}" y="${p.y}" width="${WIDTH}" height="${HEIGHT}" rx="${n.kind === 'group' ? 10 : 3}" fill="${FILL[n.kind]}" stroke="#888"/><text x="${p.x + 8}" y="${p.y + 21}">${escape(diagramLabel(n.label, 40))}</text></g>`,
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
