import { cidrContains, parseIpv4Cidr, type GroupRole } from '@artos/model';
import type { NetworkView, ViewGroup, ViewRule } from '../providers/network-view.js';

export function group(view: NetworkView, role: GroupRole): ViewGroup | undefined {
  return view.groups.find((g) => g.role === role);
}

/** The rules of a group that admit `protocol port` from (ingress) or to (egress) `peer`. */
export function rulesFor(g: ViewGroup | undefined, direction: 'ingress' | 'egress', protocol: 'tcp' | 'udp', port: number, peer: (p: string) => boolean): ViewRule[] {
  return (g?.rules ?? []).filter((r) => r.direction === direction && (r.protocol === 'all' || (r.protocol === protocol && port >= r.fromPort && port <= r.toPort)) && peer(r.peer));
}

/** A rule peer CIDR that contains `cidr`. */
export function coversCidr(cidr: string): (peer: string) => boolean {
  const inner = parseIpv4Cidr(cidr);
  return (peer) => {
    const outer = parseIpv4Cidr(peer);
    return inner.ok && outer.ok && cidrContains(outer.cidr, inner.cidr);
  };
}

export function describeViewRule(r: ViewRule): string {
  const ports = r.protocol === 'all' ? 'all traffic' : r.fromPort === r.toPort ? `${r.protocol} ${r.fromPort}` : `${r.protocol} ${r.fromPort}-${r.toPort}`;
  return `${ports} ${r.direction === 'ingress' ? 'from' : 'to'} ${r.peer}${r.description ? ` ("${r.description}")` : ''}`;
}
