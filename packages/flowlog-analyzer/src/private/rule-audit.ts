import { admittingRules, groupText, ruleText, type ModelRule, type NetworkModel } from '@artos/model';

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
  readonly groupId: string;
  readonly rule: ModelRule;
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
 * The seed's "regular audit of unused rules": for each security-group rule of the model, the
 * accepted traffic it could have admitted, as the evaluator judges it (`admittingRules`: an address
 * without a known interface may carry any group of its subnet). Rules no accepted flow fits are
 * candidates for removal. Replies are not flows to count: feed the request side (the canned
 * `accepted-flows` query groups by destination port).
 */
export function auditRules(model: NetworkModel, flows: Iterable<AcceptedFlow>): RuleAudit {
  const usage = new Map<ModelRule, { groupId: string; flows: number; last: number | undefined }>();
  for (const group of model.securityGroups)
    for (const rule of [...group.ingress, ...group.egress]) usage.set(rule, { groupId: group.id, flows: 0, last: undefined });
  let considered = 0;
  for (const flow of flows) {
    considered += flow.flows;
    for (const { rule } of admittingRules(model, flow)) {
      const entry = usage.get(rule);
      if (!entry) continue;
      entry.flows += flow.flows;
      if (flow.last !== undefined && (entry.last === undefined || flow.last > entry.last)) entry.last = flow.last;
    }
  }
  const groupById = new Map(model.securityGroups.map((g) => [g.id, g]));
  const rules = [...usage].map(([rule, u]) => ({
    groupId: u.groupId,
    rule,
    text: `${groupText(groupById.get(u.groupId), u.groupId)}: ${ruleText(undefined, rule)}`,
    flows: u.flows,
    lastSeen: u.last,
  }));
  return { rules, unused: rules.filter((r) => r.flows === 0), flowsConsidered: considered };
}

/** Accepted-flow rows of the `accepted-flows` canned query, as audit input. */
export function acceptedFlowsFromRows(rows: readonly Record<string, string>[]): AcceptedFlow[] {
  return rows.flatMap((r) =>
    r['srcAddr'] && r['dstAddr'] && r['dstPort'] && r['protocol']
      ? [
          {
            srcAddr: r['srcAddr'],
            dstAddr: r['dstAddr'],
            dstPort: Number(r['dstPort']),
            protocol: Number(r['protocol']),
            flows: Number(r['flows'] ?? 1),
            ...(r['last'] ? { last: Number(r['last']) } : {}),
          },
        ]
      : [],
  );
}
