import { evaluateFlow, policyContext, type GroupMembership, type GroupRole, type NetworkSpec } from '@artos/model';

/**
 * The ONE place the traffic generator asks the model whether a flow is admitted. Today it reads
 * `evaluateFlow` over `policyContext`; when the model's network evaluator lands, only this file
 * changes. Replies are never asked about: security groups are stateful, so a reply to an
 * admitted request passes (AWS, "Security group rules": "responses to allowed inbound traffic
 * are allowed to flow out, regardless of outbound rules").
 */

/** One end of a flow as the generator knows it: an address and the groups of its ENI. */
export interface FlowEnd {
  readonly address: string;
  /** Catalog roles of the ENI's groups; `undefined` for an address outside the VPC. */
  readonly groups: readonly GroupRole[] | undefined;
}

export interface AdmitQuestion {
  readonly source: FlowEnd;
  readonly destination: FlowEnd;
  readonly port: number;
  /** IANA number: 6 TCP, 17 UDP. */
  readonly protocol: number;
}

/** Where a request stops: nowhere (admitted), at the source's egress, the route, or the destination's ingress. */
export type BlockedAt = 'egress' | 'route' | 'ingress' | undefined;

export interface AdmitAnswer {
  readonly admitted: boolean;
  /** The hop that stops the request, when it is stopped. */
  readonly blockedAt: BlockedAt;
  /** The evaluator's one-sentence reason. */
  readonly reason: string;
}

export type Admits = (question: AdmitQuestion) => AdmitAnswer;

function membership(groups: readonly GroupRole[] | undefined): GroupMembership[] | undefined {
  return groups?.map((role) => ({ role }));
}

/** An `Admits` function over a spec's network. */
export function admitsFor(spec: NetworkSpec): Admits {
  const ctx = policyContext(spec);
  // Sample traffic asks the same few questions again and again: remember the answers.
  const memo = new Map<string, AdmitAnswer>();
  return (q) => {
    const key = `${q.source.address}|${q.source.groups?.join(',')}|${q.destination.address}|${q.destination.groups?.join(',')}|${q.port}|${q.protocol}`;
    const known = memo.get(key);
    if (known) return known;
    const groups = membership(q.source.groups);
    const destGroups = membership(q.destination.groups);
    const verdict = evaluateFlow(ctx, {
      source: { kind: 'address', address: q.source.address, ...(groups ? { groups } : {}) },
      destination: { kind: 'address', address: q.destination.address, ...(destGroups ? { groups: destGroups } : {}) },
      port: q.port,
      protocol: q.protocol,
    });
    const blockedAt: BlockedAt = verdict.admitted ? undefined : verdict.egress.decision === 'denied' ? 'egress' : verdict.route.decision === 'no-route' ? 'route' : 'ingress';
    const answer = { admitted: verdict.admitted, blockedAt, reason: verdict.summary };
    memo.set(key, answer);
    return answer;
  };
}
