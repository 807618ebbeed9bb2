import type { ModelIndex } from './model-index.js';
import type { ModelNaclEntry, ModelPeer, ModelRule, ModelSecurityGroup, NetworkModel } from './model-types.js';
import { hasPorts, protocolNameOf } from './protocols.js';

/** `all traffic`, `tcp 443`, `tcp 1025-65535`, `udp all ports`. */
export function portsText(protocol: number, fromPort: number, toPort: number): string {
  if (protocol === -1) return 'all traffic';
  if (!hasPorts(protocol)) return protocolNameOf(protocol);
  if (fromPort === 0 && toPort === 65535) return `${protocolNameOf(protocol)} all ports`;
  return fromPort === toPort ? `${protocolNameOf(protocol)} ${fromPort}` : `${protocolNameOf(protocol)} ${fromPort}-${toPort}`;
}

/** A group as people know it: `eks-nodes (sg-0abc)`. */
export function groupText(group: ModelSecurityGroup | undefined, id: string): string {
  if (!group) return id;
  return group.role ? `${group.role} (${id})` : group.name && group.name !== id ? `${group.name} (${id})` : id;
}

export function peerText(index: ModelIndex | undefined, peer: ModelPeer): string {
  switch (peer.kind) {
    case 'cidr':
      return peer.cidr;
    case 'group':
      return `group ${groupText(index?.group(peer.groupId), peer.groupId)}`;
    case 'prefix-list': {
      const list = index?.prefixList(peer.prefixListId);
      return `prefix list ${list ? `${list.name} (${list.id})` : peer.prefixListId}`;
    }
  }
}

/** Reads like the rule: `tcp 5432 from group eks-nodes (sg-1) ("PostgreSQL from application pods")`. */
export function ruleText(index: ModelIndex | undefined, rule: ModelRule): string {
  const preposition = rule.direction === 'ingress' ? 'from' : 'to';
  const description = rule.description ? ` ("${rule.description}")` : '';
  return `${portsText(rule.protocol, rule.fromPort, rule.toPort)} ${preposition} ${peerText(index, rule.peer)}${description}`;
}

export function naclEntryText(entry: ModelNaclEntry): string {
  const number = entry.ruleNumber >= 32767 ? '*' : String(entry.ruleNumber);
  const ports = entry.ports ? portsText(entry.protocol, entry.ports.from, entry.ports.to) : portsText(entry.protocol, 0, 65535);
  return `rule ${number} ${entry.action} ${ports} ${entry.egress ? 'to' : 'from'} ${entry.cidr}`;
}

/** The groups of a model by catalog role, for checks that look a group up by what it is for. */
export function groupsWithRole(model: NetworkModel, role: string): readonly ModelSecurityGroup[] {
  return model.securityGroups.filter((g) => g.role === role);
}
