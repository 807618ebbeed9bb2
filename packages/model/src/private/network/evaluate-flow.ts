import { formatIpv4, parseIpv4 } from '../ipv4.js';
import { indexOf, type ModelIndex } from './model-index.js';
import type { NetworkModel } from './model-types.js';
import { LINUX_EPHEMERAL_PORTS, naclHop, type PortRange } from './nacl-hop.js';
import { hasPorts, serviceText } from './protocols.js';
import { matchRoute, routeHop } from './route-hop.js';
import { securityGroupHop } from './security-group-hop.js';
import { unfilteredService } from './unfiltered.js';
import type { FlowEnd, FlowQuestion, FlowVerdict, Hop, PlacedEnd } from './verdict-types.js';

/** Puts a flow end into the model: its subnet, interface, groups and prefix lists. */
export function placeEnd(index: ModelIndex, end: FlowEnd): PlacedEnd {
  const address = end.address === undefined ? undefined : parseIpv4(end.address);
  const subnet = address === undefined ? undefined : index.subnetOf(address);
  const networkInterface = address === undefined ? undefined : index.interfaceOf(address);
  const inVpc = address !== undefined && index.inVpc(address);
  const prefixListIds = [...(end.prefixListId ? [end.prefixListId] : [])];
  const label = end.label ?? (address !== undefined ? formatIpv4(address) : (end.address ?? end.prefixListId ?? '?'));
  // A planned interface stands for members named by group; an address read from data does not
  // become that member just because the plan put a placeholder there.
  const known = networkInterface && !networkInterface.planned ? networkInterface : undefined;
  return { label, address, inVpc, subnet, networkInterface: known, groupIds: end.groupIds ?? known?.groupIds, prefixListIds };
}

const FILTERING = new Set([
  'source-security-group',
  'source-nacl-outbound',
  'destination-nacl-inbound',
  'destination-security-group',
  'return-nacl-outbound',
  'return-nacl-inbound',
]);

function sameSubnet(a: PlacedEnd, b: PlacedEnd): boolean {
  return a.subnet !== undefined && a.subnet.id === b.subnet?.id;
}

function notApplicable(step: Hop['step'], reason: string): Hop {
  return { step, status: 'not-applicable', resourceId: undefined, rule: undefined, reason, fix: undefined };
}

/**
 * Is this flow admitted, hop by hop, as AWS evaluates it: source security group (egress), source
 * subnet's network ACL (outbound), the route, destination subnet's ACL (inbound), destination
 * security group (ingress); for a request, the ACLs must also let the reply back on its port.
 * Every hop is evaluated, so a blocked flow lists every hop that blocks it, each with its fix.
 *
 * Modelled: stateful groups; stateless ACLs with rule order and the final deny; routes by longest
 * prefix (local, prefix lists, gateways, blackholes); group, CIDR and prefix-list peers; traffic
 * AWS never filters. Not modelled: what lies beyond a gateway, ICMP type/code, IPv6, middlebox
 * routing, load-balancer and NAT address translation.
 */
export function evaluateFlow(model: NetworkModel, question: FlowQuestion): FlowVerdict {
  const index = indexOf(model);
  const source = placeEnd(index, question.source);
  const destination = placeEnd(index, question.destination);
  const direction = question.direction ?? 'request';
  const reply = direction === 'reply';
  const { protocol, port } = question;
  const flow = `${source.label} → ${destination.label} ${serviceText(protocol, port)}${reply ? ' (reply)' : ''}`;

  const unfiltered = unfilteredService(index, destination.address) ?? unfilteredService(index, source.address);
  if (unfiltered) {
    const hop: Hop = {
      step: 'unfiltered',
      status: 'pass',
      resourceId: undefined,
      rule: undefined,
      reason: `traffic to and from ${unfiltered} is never filtered by security groups or network ACLs`,
      fix: undefined,
    };
    return { decision: 'admitted', action: 'ACCEPT', direction, hops: [hop], blocking: [], flow, summary: `${flow} admitted: ${hop.reason}` };
  }

  const packetPorts: PortRange = { from: port, to: port };
  const crossing = !sameSubnet(source, destination);
  const hops: Hop[] = [securityGroupHop(index, 'egress', source, destination, protocol, port, reply)];
  hops.push(
    crossing && source.subnet
      ? naclHop(index, 'source-nacl-outbound', source.subnet, true, destination, protocol, packetPorts)
      : notApplicable(
          'source-nacl-outbound',
          source.subnet
            ? 'both ends are in the same subnet: network ACLs filter only traffic that enters or leaves a subnet'
            : `${source.label} is in no subnet of the VPC`,
        ),
  );
  hops.push(routeHop(index, source, destination));
  hops.push(
    crossing && destination.subnet
      ? naclHop(index, 'destination-nacl-inbound', destination.subnet, false, source, protocol, packetPorts)
      : notApplicable('destination-nacl-inbound', destination.subnet ? 'both ends are in the same subnet' : `${destination.label} is in no subnet of the VPC`),
  );
  hops.push(securityGroupHop(index, 'ingress', destination, source, protocol, port, reply));
  if (!reply && hasPorts(protocol) && crossing) {
    // ACLs are stateless: the reply comes back to the client's ephemeral port and needs its own entries.
    const back: PortRange = question.sourcePort !== undefined ? { from: question.sourcePort, to: question.sourcePort } : LINUX_EPHEMERAL_PORTS;
    const note = question.sourcePort !== undefined ? ' (the reply)' : " (the reply, to Linux's ephemeral ports)";
    if (destination.subnet) hops.push(naclHop(index, 'return-nacl-outbound', destination.subnet, true, source, protocol, back, note));
    if (source.subnet) hops.push(naclHop(index, 'return-nacl-inbound', source.subnet, false, destination, protocol, back, note));
  }

  const blocking = hops.filter((h) => h.status === 'block');
  const unknown = hops.filter((h) => h.status === 'unknown');
  const filtering = hops.filter((h) => FILTERING.has(h.step));
  const action = filtering.some((h) => h.status === 'block') ? 'REJECT' : filtering.some((h) => h.status === 'unknown') ? undefined : 'ACCEPT';
  const decision = blocking.length > 0 ? 'blocked' : unknown.length > 0 ? 'unknown' : 'admitted';
  let summary: string;
  if (decision === 'admitted') {
    const by = hops.filter((h) => h.status === 'pass' && (h.step === 'destination-security-group' || h.step === 'source-security-group')).map((h) => h.reason);
    summary = `${flow} admitted: ${by.at(-1) ?? hops.find((h) => h.status === 'pass')?.reason ?? 'every hop passes'}`;
  } else if (decision === 'blocked') {
    summary = `${flow} blocked at ${blocking.length} hop${blocking.length === 1 ? '' : 's'}: ${blocking.map((h) => h.reason).join('; ')}`;
  } else {
    summary = `${flow} cannot be decided: ${unknown.map((h) => h.reason).join('; ')}`;
  }
  return { decision, action, direction, hops, blocking, flow, summary };
}

/** Whether a table routes an end, for checks that ask about a route alone. */
export function routesTo(model: NetworkModel, tableId: string, end: FlowEnd): boolean {
  const index = indexOf(model);
  const table = model.routeTables.find((t) => t.id === tableId);
  if (!table) return false;
  const match = matchRoute(index, table, placeEnd(index, end));
  return match !== undefined && match !== 'maybe' && match.route.state === 'active';
}
