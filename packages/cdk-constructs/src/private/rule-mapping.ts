import { Peer, Port, type IPeer, type ISecurityGroup } from 'aws-cdk-lib/aws-ec2';
import type { GroupRole, SecurityGroupRule } from '@artos/model';

/** The catalog's ports as a CDK `Port`; reads like the seed's tables ("443", "2379-2380", "All"). */
export function portOf(rule: SecurityGroupRule): Port {
  switch (rule.protocol) {
    case 'all':
      return Port.allTraffic();
    case 'icmp':
      return Port.allIcmp();
    case 'tcp':
      if (rule.fromPort === 0 && rule.toPort === 65535) return Port.allTcp();
      return rule.fromPort === rule.toPort ? Port.tcp(rule.fromPort) : Port.tcpRange(rule.fromPort, rule.toPort);
    case 'udp':
      if (rule.fromPort === 0 && rule.toPort === 65535) return Port.allUdp();
      return rule.fromPort === rule.toPort ? Port.udp(rule.fromPort) : Port.udpRange(rule.fromPort, rule.toPort);
  }
}

/**
 * The catalog's peer as a CDK `IPeer`. CIDR peers stay literals (never the VPC's CidrBlock token):
 * cdk-nag's EC23 cannot evaluate a token, and the model knows the CIDR.
 */
export function peerOf(rule: SecurityGroupRule, groups: ReadonlyMap<GroupRole, ISecurityGroup>, prefixListId: (service: 's3') => string): IPeer {
  const peer = rule.peer;
  switch (peer.kind) {
    case 'self':
      return groups.get(rule.group)!;
    case 'group':
      return groups.get(peer.role)!;
    case 'vpc-cidr':
    case 'cidr':
      return Peer.ipv4(peer.cidr);
    case 'external-group':
      return Peer.securityGroupId(peer.groupId);
    case 'prefix-list':
      return Peer.prefixList(prefixListId(peer.service));
  }
}
