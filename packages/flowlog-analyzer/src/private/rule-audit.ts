import {
  cidr,
  cidrContainsAddress,
  describeRule,
  parseIpv4,
  parseIpv4Cidr,
  securityGroupCatalog,
  tierOfAddress,
  policyContext,
  IANA_PROTOCOL_NUMBERS,
  type NetworkSpec,
  type SecurityGroupDefinition,
  type SecurityGroupRule,
} from '@artos/model';

/** An accepted flow, aggregated: how many records, and when last seen. */
export interface AcceptedFlow {
  readonly srcAddr: string;
  readonly dstAddr: string;
  readonly dstPort: number;
  readonly protocol: number;
  readonly flows: number;
  /** Unix seconds of the last record. */
  readonly last?: number;
}

export interface RuleUsage {
  readonly rule: SecurityGroupRule;
  readonly text: string;
  /** Accepted records this rule could have admitted. */
  readonly flows: number;
  readonly lastSeen: number | undefined;
}

export interface RuleAudit {
  readonly rules: readonly RuleUsage[];
  readonly unused: readonly RuleUsage[];
  readonly flowsConsidered: number;
}

/**
 * The seed's "regular audit of unused rules": for each rule of the catalog, the accepted traffic
 * it could have admitted, judged by port, protocol and the peer's tier (the flow log does not say
 * which group an interface carries, so a group peer stands for its home tier). Rules with no
 * traffic in the range are candidates for removal.
 */
export function auditRules(spec: NetworkSpec, flows: Iterable<AcceptedFlow>): RuleAudit {
  const catalog = securityGroupCatalog(spec);
  const context = policyContext(spec);
  const vpc = parseIpv4Cidr(spec.vpcCidr);
  const homeOf = new Map(catalog.map((g) => [g.role, g.homeTier]));
  const usage = new Map<string, { flows: number; last: number | undefined }>();
  const all = catalog.flatMap((g) => [...g.ingress, ...g.egress].map((rule) => ({ rule, group: g })));
  for (const { rule } of all) usage.set(rule.id, { flows: 0, last: undefined });

  const peerMatches = (rule: SecurityGroupRule, group: SecurityGroupDefinition, address: string): boolean => {
    const value = parseIpv4(address);
    switch (rule.peer.kind) {
      case 'vpc-cidr':
      case 'cidr': {
        // The catalog's CIDRs are valid and few: parsed once (memoized by the model).
        return value !== undefined && cidrContainsAddress(cidr(rule.peer.cidr), value);
      }
      case 'self':
        return tierOfAddress(context, address) === group.homeTier;
      case 'group':
        return tierOfAddress(context, address) === homeOf.get(rule.peer.role);
      case 'external-group':
        // Bastions and other added groups live in the private subnets.
        return tierOfAddress(context, address) === 'private';
    }
  };
  const serviceMatches = (rule: SecurityGroupRule, protocol: number, port: number) =>
    rule.protocol === 'all' || (IANA_PROTOCOL_NUMBERS[rule.protocol] === protocol && (rule.protocol === 'icmp' || (port >= rule.fromPort && port <= rule.toPort)));

  let considered = 0;
  for (const flow of flows) {
    considered += flow.flows;
    const srcTier = tierOfAddress(context, flow.srcAddr);
    const dstTier = tierOfAddress(context, flow.dstAddr);
    const dstValue = parseIpv4(flow.dstAddr);
    const dstInVpc = dstValue !== undefined && vpc.ok && cidrContainsAddress(vpc.cidr, dstValue);
    for (const { rule, group } of all) {
      if (!serviceMatches(rule, flow.protocol, flow.dstPort)) continue;
      const applies =
        rule.direction === 'ingress'
          ? dstTier === group.homeTier && peerMatches(rule, group, flow.srcAddr)
          : srcTier === group.homeTier && (dstInVpc || rule.peer.kind === 'cidr') && peerMatches(rule, group, flow.dstAddr);
      if (!applies) continue;
      const entry = usage.get(rule.id)!;
      entry.flows += flow.flows;
      if (flow.last !== undefined && (entry.last === undefined || flow.last > entry.last)) entry.last = flow.last;
    }
  }
  const rules = all.map(({ rule }) => ({ rule, text: `${rule.group}: ${describeRule(rule)} — "${rule.description}"`, flows: usage.get(rule.id)!.flows, lastSeen: usage.get(rule.id)!.last }));
  return { rules, unused: rules.filter((r) => r.flows === 0), flowsConsidered: considered };
}

/** Accepted-flow rows of the `accepted-flows` canned query, as audit input. */
export function acceptedFlowsFromRows(rows: readonly Record<string, string>[]): AcceptedFlow[] {
  return rows.flatMap((r) =>
    r['srcAddr'] && r['dstAddr'] && r['dstPort'] && r['protocol']
      ? [{ srcAddr: r['srcAddr'], dstAddr: r['dstAddr'], dstPort: Number(r['dstPort']), protocol: Number(r['protocol']), flows: Number(r['flows'] ?? 1), ...(r['last'] ? { last: Number(r['last']) } : {}) }]
      : [],
  );
}
