import type { Template } from 'aws-cdk-lib/assertions';

/** A security-group rule read back from a synthesized template, in the seed's vocabulary. */
export interface TemplateRule {
  readonly group: string;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: string;
  readonly ports: string;
  readonly peer: string;
  readonly description: string;
}

type Json = Record<string, unknown>;

function portsOf(p: Json): string {
  if (p['IpProtocol'] === '-1') return 'All';
  const from = p['FromPort'] as number;
  const to = p['ToPort'] as number;
  if (from === 0 && to === 65535) return 'All';
  return from === to ? String(from) : `${from}-${to}`;
}

function peerOf(p: Json, groupByLogicalId: ReadonlyMap<string, string>, self: string): string {
  if (typeof p['CidrIp'] === 'string') return p['CidrIp'];
  // The nodes' S3 egress: the prefix-list id comes from the deploy-time lookup (a custom resource).
  const list = p['DestinationPrefixListId'] ?? p['SourcePrefixListId'];
  if (list !== undefined) return JSON.stringify(list).includes('S3PrefixListLookup') ? 'prefix list s3' : `prefix list ${JSON.stringify(list)}`;
  const ref = (p['SourceSecurityGroupId'] ?? p['DestinationSecurityGroupId']) as unknown;
  if (typeof ref === 'string') return `external ${ref}`;
  const logicalId = ((ref as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'] ?? [])[0]!;
  const role = groupByLogicalId.get(logicalId) ?? logicalId;
  return role === self ? 'self' : `group ${role}`;
}

/**
 * Every rule of every security group, inline or as a separate ingress/egress resource. CDK's
 * placeholder egress (255.255.255.255/32, ICMP 252-86, which matches nothing) reads as no rule.
 */
export function rulesFromTemplate(template: Template, groupByLogicalId: ReadonlyMap<string, string>): TemplateRule[] {
  const out: TemplateRule[] = [];
  const protocol = (p: Json) => (p['IpProtocol'] === '-1' ? 'All' : String(p['IpProtocol']).toUpperCase());
  for (const [logicalId, resource] of Object.entries(template.findResources('AWS::EC2::SecurityGroup'))) {
    const group = groupByLogicalId.get(logicalId) ?? logicalId;
    const props = (resource as { Properties: Json }).Properties;
    for (const [key, direction] of [
      ['SecurityGroupIngress', 'ingress'],
      ['SecurityGroupEgress', 'egress'],
    ] as const) {
      for (const p of (props[key] as Json[] | undefined) ?? []) {
        if (p['CidrIp'] === '255.255.255.255/32' && p['IpProtocol'] === 'icmp') continue;
        out.push({
          group,
          direction,
          protocol: protocol(p),
          ports: portsOf(p),
          peer: peerOf(p, groupByLogicalId, group),
          description: String(p['Description']),
        });
      }
    }
  }
  for (const [type, direction] of [
    ['AWS::EC2::SecurityGroupIngress', 'ingress'],
    ['AWS::EC2::SecurityGroupEgress', 'egress'],
  ] as const) {
    for (const resource of Object.values(template.findResources(type))) {
      const props = (resource as { Properties: Json }).Properties;
      const owner = ((props['GroupId'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'] ?? [])[0]!;
      const group = groupByLogicalId.get(owner) ?? owner;
      out.push({
        group,
        direction,
        protocol: protocol(props),
        ports: portsOf(props),
        peer: peerOf(props, groupByLogicalId, group),
        description: String(props['Description']),
      });
    }
  }
  return out;
}
