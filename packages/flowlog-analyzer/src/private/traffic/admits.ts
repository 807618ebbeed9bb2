import { evaluateFlow, modelFromSpec, plannedGroupId, type GroupRole, type NetworkModel, type NetworkSpec } from '@artos/model';
import type { Placement } from './workloads.js';

/**
 * The ONE place the traffic generator asks the model whether a flow is admitted: the model's
 * hop-by-hop evaluator over the sample's network (the spec's model with the placed ENIs added).
 * Replies are never asked about: security groups are stateful, so a reply to an admitted request
 * passes (AWS, "Security group rules": "responses to allowed inbound traffic are allowed to flow
 * out, regardless of outbound rules"); the evaluator checks the ACLs both ways for the request.
 */

/** One end of a flow as the generator knows it: an address (its ENI is in the model, or it is outside). */
export interface FlowEnd {
  readonly address: string;
}

export interface AdmitQuestion {
  readonly source: FlowEnd;
  readonly destination: FlowEnd;
  readonly port: number;
  /** IANA number: 6 TCP, 17 UDP. */
  readonly protocol: number;
}

/** Where a request stops: nowhere (admitted), leaving the source, at the route, or arriving. */
export type BlockedAt = 'egress' | 'route' | 'ingress' | undefined;

export interface AdmitAnswer {
  readonly admitted: boolean;
  /** The first hop that stops the request, when it is stopped. */
  readonly blockedAt: BlockedAt;
  /** The evaluator's one-sentence answer. */
  readonly reason: string;
}

export type Admits = (question: AdmitQuestion) => AdmitAnswer;

/**
 * S3's addresses as the sample's prefix list holds them (AWS ip-ranges.json, service S3,
 * us-east-1: 52.216.0.0/15). The region's list is read live; the plan does not know it.
 */
export const SAMPLE_S3_CIDR = '52.216.0.0/15';

/** A node launched without the eks-nodes group gets this group instead: no ingress, and the allow-all egress AWS gives every new group. */
export const STRAY_GROUP_ID = 'sg-0a11ca7e5a3b1e900';

/** The virtual private gateway the sample's VPN ranges arrive through. */
export const SAMPLE_VGW_ID = 'vgw-05a3b1e0c0ffee000';

/** The peering connection the sample's peered ranges arrive through. */
export const SAMPLE_PEERING_ID = 'pcx-05a3b1e0c0ffee000';

export interface SampleNetworkOptions {
  /**
   * The VPN's BGP session advertises a default route that route propagation puts into the
   * private route tables (the `default-route-over-vpn` incident): 0.0.0.0/0 → the VGW.
   * @default false
   */
  readonly propagatedDefaultRoute?: boolean;
}

/**
 * The network the sample runs on: the spec's model (or one read from a template or the account),
 * with the sample's ENIs and their addresses (pods as secondary addresses) as interfaces, the
 * stray node's group, and a route to each outside range through the connection it is declared
 * with (a VGW for `vpn`, a peering connection for `peering`): the spec's outside ranges are
 * "configured separately" (the seed), so the constructs' model has no route for them.
 */
export function sampleNetworkModel(
  spec: NetworkSpec,
  placement: Placement,
  base: NetworkModel = modelFromSpec(spec, { s3PrefixListCidrs: [SAMPLE_S3_CIDR] }),
  options: SampleNetworkOptions = {},
): NetworkModel {
  const secondaries = new Map<string, string[]>();
  for (const w of [...placement.pods, ...placement.strayPods]) secondaries.set(w.eni!.id, [...(secondaries.get(w.eni!.id) ?? []), w.address]);
  const groupId = (role: GroupRole) => base.securityGroups.find((g) => g.role === role)?.id ?? plannedGroupId(role);
  const subnetId = (cidr: string) => base.subnets.find((s) => s.cidr === cidr)?.id ?? cidr;
  const interfaces = placement.enis.map((eni) => ({
    id: eni.id,
    subnetId: subnetId(eni.subnetCidr),
    addresses: [eni.primary, ...(secondaries.get(eni.id) ?? [])],
    groupIds: eni.groups.length > 0 ? eni.groups.map(groupId) : [STRAY_GROUP_ID],
    description: `sample ${eni.role}`,
    planned: false,
  }));
  const stray = {
    id: STRAY_GROUP_ID,
    name: 'legacy-app-nodes',
    role: undefined,
    ingress: [],
    egress: [
      {
        catalogId: undefined,
        direction: 'egress' as const,
        protocol: -1 as const,
        fromPort: 0,
        toPort: 65535,
        peer: { kind: 'cidr' as const, cidr: '0.0.0.0/0' },
        description: 'Allow all outbound (the default of a new group)',
      },
    ],
  };
  const routed = new Set(base.routeTables.flatMap((t) => t.routes.flatMap((r) => (r.destination.kind === 'cidr' ? [r.destination.cidr] : []))));
  const vgw = { kind: 'virtual-private-gateway' as const, id: SAMPLE_VGW_ID };
  const outside = placement.outsideRanges
    .filter((r) => !routed.has(r.cidr))
    .map((r) => ({
      destination: { kind: 'cidr' as const, cidr: r.cidr },
      target: r.via === 'peering' ? { kind: 'peering' as const, id: SAMPLE_PEERING_ID } : vgw,
      state: 'active' as const,
    }));
  const propagated =
    options.propagatedDefaultRoute && !routed.has('0.0.0.0/0')
      ? [{ destination: { kind: 'cidr' as const, cidr: '0.0.0.0/0' }, target: vgw, state: 'active' as const }]
      : [];
  // Propagation reaches the tables it is enabled on: the private ones, where the seed's VPN routes
  // go ("Enterprise connectivity via VPC peering or VPN"); the database table keeps no other routes.
  const databaseSubnets = new Set(base.subnets.filter((s) => s.tier === 'database').map((s) => s.id));
  const databaseTables = new Set(base.routeTables.filter((t) => t.subnetIds.length > 0 && t.subnetIds.every((id) => databaseSubnets.has(id))).map((t) => t.id));
  const routeTables = base.routeTables.map((t) => ({ ...t, routes: [...t.routes, ...outside, ...(databaseTables.has(t.id) ? [] : propagated)] }));
  // A template names the S3 prefix list without its addresses (they are the region's, read live).
  const prefixLists = base.prefixLists.map((p) => (p.service === 's3' && p.cidrs === undefined ? { ...p, cidrs: [SAMPLE_S3_CIDR] } : p));
  return { ...base, routeTables, prefixLists, networkInterfaces: [...interfaces, ...base.networkInterfaces], securityGroups: [...base.securityGroups, stray] };
}

const EGRESS_STEPS = new Set(['source-security-group', 'source-nacl-outbound']);

/** An `Admits` function over a network model. */
export function admitsFor(model: NetworkModel): Admits {
  // Sample traffic asks the same few questions again and again: remember the answers.
  const memo = new Map<string, AdmitAnswer>();
  return (q) => {
    const key = `${q.source.address}|${q.destination.address}|${q.port}|${q.protocol}`;
    const known = memo.get(key);
    if (known) return known;
    const verdict = evaluateFlow(model, {
      source: { address: q.source.address },
      destination: { address: q.destination.address },
      port: q.port,
      protocol: q.protocol as never,
    });
    const first = verdict.blocking[0]?.step;
    const blockedAt: BlockedAt =
      verdict.decision === 'admitted'
        ? undefined
        : first === undefined
          ? 'route'
          : EGRESS_STEPS.has(first)
            ? 'egress'
            : first === 'route'
              ? 'route'
              : 'ingress';
    const answer = { admitted: verdict.decision === 'admitted', blockedAt, reason: verdict.summary };
    memo.set(key, answer);
    return answer;
  };
}
