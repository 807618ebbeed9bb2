import { cidrContainsAddress, formatIpv4 } from '../ipv4.js';
import { tryCidr, type ModelIndex } from './model-index.js';
import type { ModelRoute, ModelRouteTable, RouteTarget } from './model-types.js';
import type { Hop, PlacedEnd } from './verdict-types.js';

export function targetText(target: RouteTarget): string {
  switch (target.kind) {
    case 'local':
      return 'local';
    case 'gateway-endpoint':
      return `gateway endpoint ${target.endpointId}`;
    case 'internet-gateway':
      return `internet gateway ${target.id}`;
    case 'egress-only-internet-gateway':
      return `egress-only internet gateway ${target.id}`;
    case 'nat-gateway':
      return `NAT gateway ${target.id}`;
    case 'transit-gateway':
      return `transit gateway ${target.id}`;
    case 'peering':
      return `peering connection ${target.id}`;
    case 'virtual-private-gateway':
      return `virtual private gateway ${target.id}`;
    case 'network-interface':
      return `network interface ${target.id}`;
    case 'other':
      return target.id;
  }
}

export function routeText(route: ModelRoute): string {
  const destination = route.destination.kind === 'cidr' ? route.destination.cidr : route.destination.prefixListId;
  return `${destination} → ${targetText(route.target)}${route.state === 'blackhole' ? ' (blackhole)' : ''}`;
}

interface RouteMatch {
  readonly route: ModelRoute;
  /** Prefix length of the matched destination: longest prefix wins. */
  readonly prefix: number;
}

/** The route a table uses for an end: longest prefix match over CIDR and prefix-list routes. */
export function matchRoute(index: ModelIndex, table: ModelRouteTable, end: PlacedEnd): RouteMatch | 'maybe' | undefined {
  let best: RouteMatch | undefined;
  let unsure = false;
  for (const route of table.routes) {
    if (route.destination.kind === 'cidr') {
      const block = tryCidr(route.destination.cidr);
      if (!block) continue;
      if (end.address === undefined) {
        if (block.prefix === 0 && (!best || best.prefix < 0)) best = { route, prefix: 0 };
        continue;
      }
      if (cidrContainsAddress(block, end.address) && (!best || block.prefix > best.prefix)) best = { route, prefix: block.prefix };
    } else {
      const listId = route.destination.prefixListId;
      if (end.prefixListIds.includes(listId)) {
        if (!best || best.prefix < 33) best = { route, prefix: 33 };
        continue;
      }
      const cidrs = index.prefixList(listId)?.cidrs;
      if (!cidrs) {
        if (end.address !== undefined && !end.inVpc) unsure = true;
        continue;
      }
      for (const c of cidrs) {
        const block = tryCidr(c);
        if (block && end.address !== undefined && cidrContainsAddress(block, end.address) && (!best || block.prefix > best.prefix))
          best = { route, prefix: block.prefix };
      }
    }
  }
  if (best) return best;
  return unsure ? 'maybe' : undefined;
}

function tableText(index: ModelIndex, table: ModelRouteTable, implicit: boolean): string {
  return `${table.id}${table.main ? ' (main)' : ''}${implicit ? ', used implicitly' : ''}`;
}

/**
 * The routing hop: the source subnet's route table (its association, else the main table),
 * longest prefix match. Traffic between two addresses of the VPC takes the local route. Traffic
 * from outside arrives by whatever carried it; the destination needs a route back.
 */
export function routeHop(index: ModelIndex, source: PlacedEnd, destination: PlacedEnd): Hop {
  const base = { step: 'route', fix: undefined } as const;
  if (source.inVpc && destination.inVpc) {
    return { ...base, status: 'pass', resourceId: undefined, rule: 'local', reason: 'both ends are inside the VPC: the local route carries it' };
  }
  // From outside: the answer must find its way back through the destination subnet's table.
  const from = source.inVpc ? source : destination;
  const to = source.inVpc ? destination : source;
  if (!from.subnet) {
    return { ...base, status: 'unknown', resourceId: undefined, rule: undefined, reason: `${from.label} is in no known subnet, so its route table is unknown` };
  }
  const used = index.routeTableOf(from.subnet.id);
  if (!used) {
    return {
      ...base,
      status: 'unknown',
      resourceId: undefined,
      rule: undefined,
      reason: `the route table of ${from.subnet.id} is not known (the route tables were not read, or the VPC has no main table in the model)`,
    };
  }
  const { table, implicit } = used;
  const match = matchRoute(index, table, to);
  const way = source.inVpc ? `to ${to.label}` : `back to ${to.label}`;
  if (match === 'maybe') {
    return {
      ...base,
      status: 'unknown',
      resourceId: table.id,
      rule: undefined,
      reason: `${tableText(index, table, implicit)} routes a prefix list whose addresses were not read; whether it holds ${to.label} is unknown`,
    };
  }
  if (!match) {
    const target = to.address !== undefined ? `${formatIpv4(to.address)}/32` : to.label;
    return {
      ...base,
      status: 'block',
      resourceId: table.id,
      rule: undefined,
      reason: `${tableText(index, table, implicit)} has no route ${way}: it holds ${table.routes.map(routeText).join(', ') || 'no routes'}`,
      fix: `add a route for ${target} (or its range) to ${table.id}, through a NAT gateway, transit gateway, peering connection or endpoint`,
    };
  }
  if (match.route.state === 'blackhole') {
    return {
      ...base,
      status: 'block',
      resourceId: table.id,
      rule: routeText(match.route),
      reason: `${tableText(index, table, implicit)} sends ${way} to a blackhole: ${routeText(match.route)}`,
      fix: `replace the blackhole route ${routeText(match.route)} in ${table.id} with a live target`,
    };
  }
  const beyond = match.route.target.kind === 'gateway-endpoint' ? '' : '; what lies beyond it is not in the model';
  return {
    ...base,
    status: 'pass',
    resourceId: table.id,
    rule: routeText(match.route),
    reason: `${tableText(index, table, implicit)} routes ${way} by ${routeText(match.route)}${beyond}`,
  };
}
