import type { NetworkSpec } from './spec-types.js';
import type { GroupRole, IpProtocol, RuleDirection, RulePeer, SecurityGroupDefinition, SecurityGroupRule } from './security-group-types.js';

/**
 * The seed's six security groups with every rule of its tables, as data. The CDK constructs,
 * the doctor checks, reachability and REJECT explanations all read this one catalog.
 */

const ANY_IPV4 = '0.0.0.0/0';
const ALL_PORTS = [0, 65535] as const;

function peerLabel(peer: RulePeer): string {
  switch (peer.kind) {
    case 'group':
      return peer.role;
    case 'self':
      return 'self';
    case 'vpc-cidr':
      return 'vpc-cidr';
    case 'cidr':
      return peer.cidr;
    case 'external-group':
      return `${peer.via}-${peer.groupId}`;
    case 'prefix-list':
      return `${peer.service}-prefix-list`;
  }
}

function portLabel(protocol: IpProtocol, fromPort: number, toPort: number): string {
  if (protocol === 'all') return 'all';
  if (fromPort === 0 && toPort === 65535) return `${protocol}-all`;
  return fromPort === toPort ? `${protocol}-${fromPort}` : `${protocol}-${fromPort}-${toPort}`;
}

function rule(
  group: GroupRole,
  direction: RuleDirection,
  protocol: IpProtocol,
  ports: readonly [number, number],
  peer: RulePeer,
  description: string,
): SecurityGroupRule {
  const [fromPort, toPort] = protocol === 'all' ? ALL_PORTS : ports;
  const preposition = direction === 'ingress' ? 'from' : 'to';
  return {
    id: `${group}/${direction}/${portLabel(protocol, fromPort, toPort)}-${preposition}-${peerLabel(peer)}`,
    group,
    direction,
    protocol,
    fromPort,
    toPort,
    peer,
    description,
  };
}

const port = (p: number): [number, number] => [p, p];

/** The description of the nodes' S3 egress rule: the one rule the seed's tables do not have. */
export const S3_EGRESS_DESCRIPTION = 'HTTPS to S3 via the gateway endpoint (ECR image layers; not in the seed)';

/** The six groups for a spec: VPC CIDR resolved, bastion and additional rules only when given. */
export function securityGroupCatalog(
  spec: Pick<NetworkSpec, 'vpcCidr' | 'bastionSecurityGroupId' | 'additionalSecurityGroupIds' | 'enableVpcEndpoints'>,
): readonly SecurityGroupDefinition[] {
  const vpc: RulePeer = { kind: 'vpc-cidr', cidr: spec.vpcCidr };
  const self: RulePeer = { kind: 'self' };
  const anyIpv4: RulePeer = { kind: 'cidr', cidr: ANY_IPV4 };
  const group = (role: GroupRole): RulePeer => ({ kind: 'group', role });
  const bastion = spec.bastionSecurityGroupId;
  const bastionPeer: RulePeer | undefined = bastion ? { kind: 'external-group', groupId: bastion, via: 'bastion' } : undefined;

  const eksCluster: SecurityGroupDefinition = {
    role: 'eks-cluster',
    title: 'EKS Cluster Security Group',
    attachedTo: 'EKS control plane',
    purpose: 'Controls access to the Kubernetes API server and enables control plane components to communicate.',
    homeTier: 'private',
    ingress: [
      rule('eks-cluster', 'ingress', 'tcp', port(443), group('eks-nodes'), 'HTTPS API server from nodes'),
      ...spec.additionalSecurityGroupIds.map((groupId) =>
        rule('eks-cluster', 'ingress', 'tcp', port(443), { kind: 'external-group', groupId, via: 'additional' }, 'HTTPS from bastion/other resources'),
      ),
      rule('eks-cluster', 'ingress', 'tcp', port(443), vpc, 'HTTPS from all VPC resources'),
      rule('eks-cluster', 'ingress', 'tcp', [2379, 2380], self, 'etcd client/server communication'),
      rule('eks-cluster', 'ingress', 'tcp', port(12379), self, 'etcd metrics'),
    ],
    egress: [rule('eks-cluster', 'egress', 'all', ALL_PORTS, anyIpv4, 'All traffic (required for cluster operations and AWS API calls)')],
    egressRationale: undefined,
  };

  const eksNodes: SecurityGroupDefinition = {
    role: 'eks-nodes',
    title: 'EKS Nodes Security Group',
    attachedTo: 'EKS worker nodes (EC2 instances)',
    purpose: 'Enables Kubernetes networking, pod-to-pod communication, and service exposure.',
    homeTier: 'private',
    ingress: [
      rule('eks-nodes', 'ingress', 'tcp', ALL_PORTS, self, 'Node-to-node communication'),
      rule('eks-nodes', 'ingress', 'tcp', ALL_PORTS, vpc, 'Communication from cluster'),
      rule('eks-nodes', 'ingress', 'tcp', [1025, 65535], self, 'Dynamic port range for services'),
      rule('eks-nodes', 'ingress', 'udp', ALL_PORTS, self, 'Pod-to-pod UDP traffic'),
      rule('eks-nodes', 'ingress', 'tcp', port(10250), vpc, 'kubelet API'),
      rule('eks-nodes', 'ingress', 'tcp', [30000, 32767], self, 'NodePort services'),
      rule('eks-nodes', 'ingress', 'tcp', port(443), vpc, 'HTTPS API access'),
      rule('eks-nodes', 'ingress', 'tcp', [2379, 2380], vpc, 'etcd communication'),
      rule('eks-nodes', 'ingress', 'tcp', port(12379), vpc, 'etcd metrics'),
    ],
    egress: [
      rule('eks-nodes', 'egress', 'all', ALL_PORTS, vpc, 'All traffic to VPC CIDR (allows communication within VPC)'),
      // The one deliberate change from the seed's table. Traffic through the S3 gateway endpoint
      // goes to S3's public addresses (the region's S3 prefix list), not to the VPC CIDR, so the
      // seed's "VPC CIDR only" egress blocks it; ECR serves image layers from S3.
      // AWS, "Gateway endpoints for Amazon S3": the security groups must allow traffic to S3.
      ...(spec.enableVpcEndpoints ? [rule('eks-nodes', 'egress', 'tcp', port(443), { kind: 'prefix-list', service: 's3' }, S3_EGRESS_DESCRIPTION)] : []),
    ],
    egressRationale: spec.enableVpcEndpoints
      ? 'The seed allows all traffic to the VPC CIDR only. Added: HTTPS to the S3 prefix list, without which the S3 gateway endpoint (and so ECR image layers) is unreachable.'
      : undefined,
  };

  const rds: SecurityGroupDefinition = {
    role: 'rds',
    title: 'RDS Security Group',
    attachedTo: 'RDS database instances',
    purpose: 'Restricts database access to only EKS worker nodes (application pods).',
    homeTier: 'database',
    ingress: [rule('rds', 'ingress', 'tcp', port(5432), group('eks-nodes'), 'PostgreSQL from application pods')],
    egress: [],
    egressRationale:
      'The seed lists no egress. Security groups are stateful, so replies to admitted connections pass without an egress rule; a database opens no connections of its own here. Least privilege: no egress at all.',
  };

  const albInternal: SecurityGroupDefinition = {
    role: 'alb-internal',
    title: 'ALB Security Group (Internal)',
    attachedTo: 'Internal Application Load Balancer',
    purpose: 'Controls access to the backend API load balancer.',
    homeTier: 'private',
    ingress: [
      rule('alb-internal', 'ingress', 'tcp', port(80), group('alb-frontend'), 'HTTP from frontend'),
      rule('alb-internal', 'ingress', 'tcp', port(443), group('alb-frontend'), 'HTTPS from frontend'),
      ...(bastionPeer ? [rule('alb-internal', 'ingress', 'tcp', port(443), bastionPeer, 'HTTPS from bastion (optional)')] : []),
    ],
    egress: [rule('alb-internal', 'egress', 'all', ALL_PORTS, anyIpv4, 'All traffic (ALB needs to reach target pods)')],
    egressRationale: undefined,
  };

  const albFrontend: SecurityGroupDefinition = {
    role: 'alb-frontend',
    title: 'Frontend ALB Security Group',
    attachedTo: 'Frontend Application Load Balancer',
    purpose: 'Controls access to the frontend application.',
    homeTier: 'private',
    ingress: [
      rule('alb-frontend', 'ingress', 'tcp', port(443), vpc, 'HTTPS from VPC resources'),
      ...(bastionPeer ? [rule('alb-frontend', 'ingress', 'tcp', port(443), bastionPeer, 'HTTPS from bastion (optional)')] : []),
    ],
    egress: [rule('alb-frontend', 'egress', 'all', ALL_PORTS, anyIpv4, 'All traffic (ALB needs to reach target pods)')],
    egressRationale: undefined,
  };

  const endpoints: SecurityGroupDefinition = {
    role: 'vpc-endpoints',
    title: 'VPC Endpoints Security Group',
    attachedTo: 'All VPC interface endpoints',
    purpose: 'Allows VPC resources to access AWS services via private endpoints.',
    homeTier: 'private',
    ingress: [rule('vpc-endpoints', 'ingress', 'tcp', port(443), vpc, 'HTTPS from all VPC resources')],
    egress: [],
    egressRationale:
      'The seed lists no egress. An interface endpoint only answers connections made to it, and replies pass a stateful group without egress rules. Least privilege: no egress at all.',
  };

  return [eksCluster, eksNodes, rds, albInternal, albFrontend, endpoints];
}

export function findGroup(catalog: readonly SecurityGroupDefinition[], role: GroupRole): SecurityGroupDefinition {
  const found = catalog.find((g) => g.role === role);
  if (!found) throw new RangeError(`no security group with role ${role} in the catalog`);
  return found;
}

/** Reads like the rule: `tcp 5432 from eks-nodes`, `all traffic to 0.0.0.0/0`. */
export function describeRule(r: SecurityGroupRule): string {
  const ports =
    r.protocol === 'all'
      ? 'all traffic'
      : r.fromPort === 0 && r.toPort === 65535
        ? `${r.protocol} all ports`
        : r.fromPort === r.toPort
          ? `${r.protocol} ${r.fromPort}`
          : `${r.protocol} ${r.fromPort}-${r.toPort}`;
  const preposition = r.direction === 'ingress' ? 'from' : 'to';
  return `${ports} ${preposition} ${describePeer(r.peer)}`;
}

export function describePeer(peer: RulePeer): string {
  switch (peer.kind) {
    case 'group':
      return `the ${peer.role} group`;
    case 'self':
      return 'its own members (self)';
    case 'vpc-cidr':
      return `the VPC CIDR ${peer.cidr}`;
    case 'cidr':
      return peer.cidr;
    case 'external-group':
      return `${peer.via === 'bastion' ? 'the bastion group' : 'additional group'} ${peer.groupId}`;
    case 'prefix-list':
      return `the ${peer.service.toUpperCase()} prefix list (com.amazonaws.<region>.${peer.service})`;
  }
}
