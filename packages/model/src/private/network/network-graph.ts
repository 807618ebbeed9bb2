import { groupText, portsText } from './describe-model.js';
import type { ModelPeer, NetworkModel } from './model-types.js';

export type GraphNodeKind = 'group' | 'cidr' | 'prefix-list' | 'external-group' | 'subnet';

export interface GraphNode {
  /** Stable, safe for every output format: letters, digits and underscores. */
  readonly key: string;
  readonly kind: GraphNodeKind;
  readonly label: string;
  /** For a subnet: its tier; for a group: the tier of its interfaces, when known. */
  readonly tier: string | undefined;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** `tcp 5432`, `all traffic`. */
  readonly label: string;
  /** The rule's direction: an ingress rule of `to`, or an egress rule of `from`. */
  readonly direction: 'ingress' | 'egress';
}

/** A group's members sit in these subnets (its interfaces'), for drawing groups inside tiers. */
export interface GraphMembership {
  readonly group: string;
  readonly subnet: string;
}

export interface NetworkGraph {
  readonly title: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly memberships: readonly GraphMembership[];
}

function keyOf(kind: string, id: string): string {
  return `${kind}_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/**
 * Security groups, their rules and the subnets, as a graph any provider's model yields: an edge
 * per rule from the peer that may send to the group that admits (ingress), or from the group to
 * the peer it may send to (egress). Parallel rules between the same two nodes share one edge.
 */
export function networkGraph(model: NetworkModel): NetworkGraph {
  const nodes = new Map<string, GraphNode>();
  const add = (node: GraphNode) => {
    if (!nodes.has(node.key)) nodes.set(node.key, node);
    return node.key;
  };
  const tierOfGroup = new Map<string, string | undefined>();
  const memberships: GraphMembership[] = [];
  for (const eni of model.networkInterfaces) {
    const subnet = model.subnets.find((s) => s.id === eni.subnetId);
    for (const groupId of eni.groupIds) {
      if (!tierOfGroup.has(groupId)) tierOfGroup.set(groupId, subnet?.tier);
      if (subnet && !memberships.some((m) => m.group === keyOf('sg', groupId) && m.subnet === keyOf('subnet', subnet.id)))
        memberships.push({ group: keyOf('sg', groupId), subnet: keyOf('subnet', subnet.id) });
    }
  }
  for (const subnet of model.subnets)
    add({ key: keyOf('subnet', subnet.id), kind: 'subnet', label: `${subnet.id}${subnet.cidr ? ` ${subnet.cidr}` : ''}`, tier: subnet.tier });
  for (const group of model.securityGroups)
    add({ key: keyOf('sg', group.id), kind: 'group', label: groupText(group, group.id), tier: tierOfGroup.get(group.id) });
  const peerNode = (peer: ModelPeer): string => {
    switch (peer.kind) {
      case 'cidr':
        return add({ key: keyOf('cidr', peer.cidr), kind: 'cidr', label: peer.cidr, tier: undefined });
      case 'group': {
        const known = model.securityGroups.some((g) => g.id === peer.groupId);
        return add({ key: keyOf('sg', peer.groupId), kind: known ? 'group' : 'external-group', label: peer.groupId, tier: tierOfGroup.get(peer.groupId) });
      }
      case 'prefix-list': {
        const list = model.prefixLists.find((p) => p.id === peer.prefixListId);
        return add({
          key: keyOf('pl', peer.prefixListId),
          kind: 'prefix-list',
          label: list?.service ? `${list.service.toUpperCase()} prefix list` : peer.prefixListId,
          tier: undefined,
        });
      }
    }
  };
  const edges = new Map<string, { from: string; to: string; labels: string[]; direction: 'ingress' | 'egress' }>();
  for (const group of model.securityGroups) {
    const self = keyOf('sg', group.id);
    for (const rule of [...group.ingress, ...group.egress]) {
      const peer = peerNode(rule.peer);
      const [from, to] = rule.direction === 'ingress' ? [peer, self] : [self, peer];
      const id = `${rule.direction}:${from}:${to}`;
      const label = portsText(rule.protocol, rule.fromPort, rule.toPort);
      const edge = edges.get(id) ?? { from, to, labels: [], direction: rule.direction };
      if (!edge.labels.includes(label)) edge.labels.push(label);
      edges.set(id, edge);
    }
  }
  return {
    title: model.description,
    nodes: [...nodes.values()],
    edges: [...edges.values()].map((e) => ({ from: e.from, to: e.to, direction: e.direction, label: e.labels.join(', ') })),
    memberships,
  };
}
