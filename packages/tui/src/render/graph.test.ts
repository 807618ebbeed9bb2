import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertValidSpec, modelFromSpec, modelFromTemplate, networkGraph, preset, type CloudFormationTemplate } from '@artos/model';
import { renderGraphMermaid } from './graph-mermaid.js';
import { renderGraphDot } from './graph-dot.js';
import { renderGraphSvg } from './graph-svg.js';
import { renderGraphText } from './graph-text.js';

const spec = assertValidSpec(preset('production'));
const template = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../test/fixtures/production.template.json', import.meta.url)), 'utf8'),
) as CloudFormationTemplate;

describe('network graph', () => {
  it("draws the seed's rules: nodes → RDS on 5432 (ingress), nodes → S3 prefix list on 443 (egress)", () => {
    const graph = networkGraph(modelFromSpec(spec));
    const label = (key: string) => graph.nodes.find((n) => n.key === key)!.label;
    const edges = graph.edges.map((e) => `${label(e.from)} ${e.direction === 'ingress' ? '->' : '=>'} ${label(e.to)}: ${e.label}`);
    expect(edges).toContain('eks-nodes (planned-eks-nodes-sg) -> rds (planned-rds-sg): tcp 5432');
    expect(edges).toContain('eks-nodes (planned-eks-nodes-sg) => S3 prefix list: tcp 443');
    expect(edges.filter((e) => e.includes('-> rds'))).toHaveLength(1);
  });

  it('draws the network it was given: a template without the 5432 rule has no edge into RDS', () => {
    const resources = Object.fromEntries(
      Object.entries(template.Resources!).filter(([, r]) => !(r.Type === 'AWS::EC2::SecurityGroupIngress' && r.Properties?.['FromPort'] === 5432)),
    );
    const graph = networkGraph(modelFromTemplate({ Resources: resources }, { spec }));
    const rds = graph.nodes.find((n) => n.label.startsWith('rds'))!;
    expect(graph.edges.filter((e) => e.to === rds.key && e.direction === 'ingress')).toEqual([]);
    expect(networkGraph(modelFromTemplate(template, { spec })).edges.filter((e) => e.to === rds.key && e.direction === 'ingress')).toHaveLength(1);
  });

  it('renders every format with labels from AWS escaped, never as markup or escape sequences', () => {
    const evil = 'x"]; <script>alert(1)</script> \u001b[2J';
    const model = modelFromSpec(spec);
    const hostile = {
      ...model,
      description: evil,
      securityGroups: model.securityGroups.map((g) => (g.role === 'rds' ? { ...g, role: undefined, name: evil } : g)),
    };
    const graph = networkGraph(hostile);
    const svg = renderGraphSvg(graph);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg.match(/<svg /g)).toHaveLength(1);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    const mermaid = renderGraphMermaid(graph);
    expect(mermaid).not.toContain('<script>');
    expect(mermaid).not.toContain(String.fromCharCode(27));
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    const dot = renderGraphDot(graph);
    expect(dot).toContain('\\"]; ');
    expect(dot).not.toContain(String.fromCharCode(27));
    expect(renderGraphText(graph).join('\n')).not.toContain(String.fromCharCode(27));
  });
});
