import { describe, expect, it } from 'vitest';
import { securityGroupCatalog, findGroup, describeRule } from './security-group-catalog.js';
import type { GroupRole, SecurityGroupRule } from './security-group-types.js';

const BASTION = 'sg-0123456789abcdef0';
const OTHER = 'sg-0fedcba9876543210';
const catalog = securityGroupCatalog({
  vpcCidr: '10.0.0.0/16',
  bastionSecurityGroupId: BASTION,
  additionalSecurityGroupIds: [BASTION, OTHER],
  enableVpcEndpoints: true,
});

/** A rule as the seed's tables write it: port, protocol, source/destination, description. */
type SeedRow = readonly [ports: string, protocol: 'TCP' | 'UDP' | 'All', peer: string, description: string];

/**
 * The one rule the catalog adds to the seed's tables: nodes' HTTPS to the S3 prefix list. AWS,
 * "Gateway endpoints for Amazon S3" (VPC PrivateLink guide): "The security group must allow
 * outbound traffic to Amazon S3 … you can reference the ID of the prefix list for Amazon S3".
 */
const S3_ADDITION: SeedRow = ['443', 'TCP', 'S3 prefix list', 'HTTPS to S3 via the gateway endpoint'];

// Copied by hand from the seed's tables. "Additional SGs" expands to one row per given group.
const SEED_INGRESS: Record<GroupRole, readonly SeedRow[]> = {
  'eks-cluster': [
    ['443', 'TCP', 'EKS Nodes SG', 'HTTPS API server from nodes'],
    ['443', 'TCP', `Additional SG ${BASTION}`, 'HTTPS from bastion/other resources'],
    ['443', 'TCP', `Additional SG ${OTHER}`, 'HTTPS from bastion/other resources'],
    ['443', 'TCP', 'VPC CIDR', 'HTTPS from all VPC resources'],
    ['2379-2380', 'TCP', 'Self', 'etcd client/server communication'],
    ['12379', 'TCP', 'Self', 'etcd metrics'],
  ],
  'eks-nodes': [
    ['All', 'TCP', 'Self', 'Node-to-node communication'],
    ['All', 'TCP', 'VPC CIDR', 'Communication from cluster'],
    ['1025-65535', 'TCP', 'Self', 'Dynamic port range for services'],
    ['All', 'UDP', 'Self', 'Pod-to-pod UDP traffic'],
    ['10250', 'TCP', 'VPC CIDR', 'kubelet API'],
    ['30000-32767', 'TCP', 'Self', 'NodePort services'],
    ['443', 'TCP', 'VPC CIDR', 'HTTPS API access'],
    ['2379-2380', 'TCP', 'VPC CIDR', 'etcd communication'],
    ['12379', 'TCP', 'VPC CIDR', 'etcd metrics'],
  ],
  rds: [['5432', 'TCP', 'EKS Nodes SG', 'PostgreSQL from application pods']],
  'alb-internal': [
    ['80', 'TCP', 'Frontend ALB SG', 'HTTP from frontend'],
    ['443', 'TCP', 'Frontend ALB SG', 'HTTPS from frontend'],
    ['443', 'TCP', 'Bastion SG', 'HTTPS from bastion (optional)'],
  ],
  'alb-frontend': [
    ['443', 'TCP', 'VPC CIDR', 'HTTPS from VPC resources'],
    ['443', 'TCP', 'Bastion SG', 'HTTPS from bastion (optional)'],
  ],
  'vpc-endpoints': [['443', 'TCP', 'VPC CIDR', 'HTTPS from all VPC resources']],
};

// The seed's egress lines; RDS and VPC endpoints leave egress blank: least privilege, none.
const SEED_EGRESS: Record<GroupRole, readonly SeedRow[]> = {
  'eks-cluster': [['All', 'All', '0.0.0.0/0', 'required for cluster operations and AWS API calls']],
  'eks-nodes': [['All', 'All', 'VPC CIDR', 'allows communication within VPC'], S3_ADDITION],
  rds: [],
  'alb-internal': [['All', 'All', '0.0.0.0/0', 'ALB needs to reach target pods']],
  'alb-frontend': [['All', 'All', '0.0.0.0/0', 'ALB needs to reach target pods']],
  'vpc-endpoints': [],
};

function asSeedRow(rule: SecurityGroupRule): SeedRow {
  const ports =
    rule.protocol === 'all' || (rule.fromPort === 0 && rule.toPort === 65535)
      ? 'All'
      : rule.fromPort === rule.toPort
        ? String(rule.fromPort)
        : `${rule.fromPort}-${rule.toPort}`;
  const protocol = rule.protocol === 'all' ? 'All' : (rule.protocol.toUpperCase() as 'TCP' | 'UDP');
  const peer = (() => {
    switch (rule.peer.kind) {
      case 'self':
        return 'Self';
      case 'vpc-cidr':
        return 'VPC CIDR';
      case 'cidr':
        return rule.peer.cidr;
      case 'group':
        return rule.peer.role === 'eks-nodes' ? 'EKS Nodes SG' : rule.peer.role === 'alb-frontend' ? 'Frontend ALB SG' : rule.peer.role;
      case 'external-group':
        return rule.peer.via === 'bastion' ? 'Bastion SG' : `Additional SG ${rule.peer.groupId}`;
      case 'prefix-list':
        return `${rule.peer.service.toUpperCase()} prefix list`;
    }
  })();
  return [ports, protocol, peer, rule.description];
}

describe('security-group catalog', () => {
  it('holds the six groups of the seed', () => {
    expect(catalog.map((g) => g.role)).toEqual(['eks-cluster', 'eks-nodes', 'rds', 'alb-internal', 'alb-frontend', 'vpc-endpoints']);
  });

  describe.each(Object.keys(SEED_INGRESS) as GroupRole[])('%s', (role) => {
    const group = findGroup(catalog, role);
    it('has exactly the ingress rules of the seed table, in order', () => {
      expect(group.ingress.map(asSeedRow)).toEqual(SEED_INGRESS[role]);
    });
    it('has exactly the egress of the seed', () => {
      const rows = group.egress.map(asSeedRow);
      expect(rows.map((r) => r.slice(0, 3))).toEqual(SEED_EGRESS[role].map((r) => r.slice(0, 3)));
      rows.forEach((row, i) => expect(row[3]).toContain(SEED_EGRESS[role][i]![3]));
    });
    it('carries the VPC CIDR as a literal and never admits 0.0.0.0/0 inbound', () => {
      for (const r of group.ingress) {
        if (r.peer.kind === 'vpc-cidr') expect(r.peer.cidr).toBe('10.0.0.0/16');
        if (r.peer.kind === 'cidr') expect(r.peer.cidr).not.toBe('0.0.0.0/0');
      }
    });
    it('has unique rule ids', () => {
      const ids = [...group.ingress, ...group.egress].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  it('explains blank egress for RDS and VPC endpoints', () => {
    expect(findGroup(catalog, 'rds').egressRationale).toMatch(/stateful/);
    expect(findGroup(catalog, 'vpc-endpoints').egressRationale).toMatch(/stateful/);
  });

  it('leaves out bastion and additional rules when no ids are given', () => {
    const bare = securityGroupCatalog({ vpcCidr: '10.1.0.0/16', bastionSecurityGroupId: undefined, additionalSecurityGroupIds: [], enableVpcEndpoints: true });
    const external = bare.flatMap((g) => g.ingress).filter((r) => r.peer.kind === 'external-group');
    expect(external).toEqual([]);
    expect(findGroup(bare, 'eks-cluster').ingress).toHaveLength(4);
    expect(findGroup(bare, 'alb-internal').ingress).toHaveLength(2);
    expect(findGroup(bare, 'alb-frontend').ingress).toHaveLength(1);
  });

  it('adds the S3 egress only with the S3 gateway endpoint, and says why', () => {
    const without = securityGroupCatalog({
      vpcCidr: '10.0.0.0/16',
      bastionSecurityGroupId: undefined,
      additionalSecurityGroupIds: [],
      enableVpcEndpoints: false,
    });
    expect(
      findGroup(without, 'eks-nodes')
        .egress.map(asSeedRow)
        .map((r) => r.slice(0, 3)),
    ).toEqual([SEED_EGRESS['eks-nodes'][0]!.slice(0, 3)]);
    expect(findGroup(catalog, 'eks-nodes').egressRationale).toMatch(/S3/);
  });

  it('reads rules like the seed', () => {
    expect(describeRule(findGroup(catalog, 'rds').ingress[0]!)).toBe('tcp 5432 from the eks-nodes group');
    expect(describeRule(findGroup(catalog, 'eks-cluster').egress[0]!)).toBe('all traffic to 0.0.0.0/0');
  });
});
