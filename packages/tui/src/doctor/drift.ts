import { DEFAULT_NACL_ENTRIES, naclEntryText, portsText, routeText, type ModelRoute, type ModelRule, type NetworkModel } from '@artos/model';
import { result, type Check, type DoctorContext, type StepResult } from './types.js';

/** What `deployed` has that `planned` lacks, and the reverse, as text keys. */
export interface SetDrift {
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

export function setDrift(planned: Iterable<string>, deployed: Iterable<string>): SetDrift {
  const p = new Set(planned);
  const d = new Set(deployed);
  return { missing: [...p].filter((k) => !d.has(k)).sort(), extra: [...d].filter((k) => !p.has(k)).sort() };
}

/** A rule as text that means the same in two models: group peers by role, prefix lists by service. */
export function ruleKey(model: NetworkModel, rule: ModelRule): string {
  let peer: string;
  switch (rule.peer.kind) {
    case 'cidr':
      peer = rule.peer.cidr;
      break;
    case 'group': {
      const id = rule.peer.groupId;
      peer = `group ${model.securityGroups.find((g) => g.id === id)?.role ?? id}`;
      break;
    }
    case 'prefix-list': {
      const id = rule.peer.prefixListId;
      const list = model.prefixLists.find((p) => p.id === id);
      peer = `prefix list ${list?.service ?? id}`;
      break;
    }
  }
  return `${rule.direction} ${portsText(rule.protocol, rule.fromPort, rule.toPort)} ${rule.direction === 'ingress' ? 'from' : 'to'} ${peer}`;
}

/** A route as text that means the same in two models: prefix lists by service, targets by kind. */
export function routeKey(model: NetworkModel, route: ModelRoute): string {
  const destination =
    route.destination.kind === 'cidr'
      ? route.destination.cidr
      : `prefix list ${model.prefixLists.find((p) => p.id === (route.destination as { prefixListId: string }).prefixListId)?.service ?? route.destination.prefixListId}`;
  if (route.target.kind === 'gateway-endpoint') {
    const endpointId = route.target.endpointId;
    return `${destination} → gateway endpoint ${model.endpoints.find((e) => e.id === endpointId)?.service ?? endpointId}`;
  }
  return route.target.kind === 'local' ? `${destination} → local` : `${destination} → ${routeText(route).split(' → ')[1]}`;
}

/** The non-local routes the subnets of a tier use, as keys. */
export function tierRouteKeys(model: NetworkModel, tier: 'private' | 'database'): string[] {
  const keys = new Set<string>();
  for (const subnet of model.subnets.filter((s) => s.tier === tier)) {
    const table = model.routeTables.find((t) => t.subnetIds.includes(subnet.id)) ?? model.routeTables.find((t) => t.main);
    for (const r of table?.routes ?? []) if (r.target.kind !== 'local') keys.add(routeKey(model, r));
  }
  return [...keys];
}

/** ACL entries of our subnets that differ from AWS's default ACL (the constructs create none). */
export function naclKeys(model: NetworkModel): string[] {
  const defaults = new Set(DEFAULT_NACL_ENTRIES.map(naclEntryText));
  const ours = new Set(model.subnets.filter((s) => s.tier).map((s) => s.id));
  const acls = model.networkAcls.filter(
    (a) =>
      a.subnetIds.some((id) => ours.has(id)) ||
      (a.isDefault && model.subnets.some((s) => ours.has(s.id) && !model.networkAcls.some((x) => x.subnetIds.includes(s.id)))),
  );
  return acls.flatMap((a) =>
    a.entries
      .map(naclEntryText)
      .filter((t) => !defaults.has(t))
      .map((t) => `${a.id}: ${t}`),
  );
}

/** Drift is a question about a deployed network (template or account). */
export function driftApplies(ctx: DoctorContext): boolean {
  return ctx.model.source !== 'spec';
}

/**
 * Drift compares prefix lists by service (`prefix list s3`); a list the provider could not read is
 * known by id only and would show as drift. Then the answer is *unknown*, naming the failed call.
 */
export function unnamedPrefixLists(check: Pick<Check, 'id' | 'title'>, ctx: DoctorContext): StepResult | undefined {
  const unread = ctx.model.problems.filter((p) => p.part === 'prefix-lists');
  if (unread.length === 0) return undefined;
  const named = new Set(ctx.model.prefixLists.map((p) => p.id));
  const referenced = [
    ...ctx.model.securityGroups.flatMap((g) => [...g.ingress, ...g.egress]).flatMap((r) => (r.peer.kind === 'prefix-list' ? [r.peer.prefixListId] : [])),
    ...ctx.model.routeTables.flatMap((t) => t.routes).flatMap((r) => (r.destination.kind === 'prefix-list' ? [r.destination.prefixListId] : [])),
  ];
  const unnamed = [...new Set(referenced.filter((id) => !named.has(id)))];
  if (unnamed.length === 0) return undefined;
  return result(check, 'unknown', [`${unnamed.join(', ')}: the prefix list's service is not known`, ...unread.map((p) => `${p.action}: ${p.detail}`)], {
    change: unread[0]!.fix,
  });
}
