import type { ModelNetworkInterface, ModelRule, ModelSubnet, ProtocolNumber } from './model-types.js';

/** One end of a flow, as a caller names it. */
export interface FlowEnd {
  /** An IPv4 address. Absent for a destination named only by a prefix list (S3 in a plan). */
  readonly address?: string;
  /**
   * The security groups of the end's interface, when the caller knows them better than the model
   * (a flow-log record's ENI, a hypothetical member). `[]` asserts "in no group".
   * @default - the groups of the model's interface that owns the address; unknown without one
   */
  readonly groupIds?: readonly string[];
  /** The managed prefix list the end belongs to (a destination such as S3). */
  readonly prefixListId?: string;
  /** How to name the end in answers. @default - the address */
  readonly label?: string;
}

export interface FlowQuestion {
  readonly source: FlowEnd;
  readonly destination: FlowEnd;
  /** IANA number (6 tcp, 17 udp, 1 icmp) or -1. */
  readonly protocol: ProtocolNumber;
  /** The packet's destination port (ignored without ports, e.g. ICMP). */
  readonly port: number;
  /** The packet's source port, when known (a flow-log record). */
  readonly sourcePort?: number;
  /**
   * A request opens a connection; a reply answers one (security groups are stateful and let it
   * pass; network ACLs are not). @default 'request'
   */
  readonly direction?: 'request' | 'reply';
}

/** A flow end placed in the model. */
export interface PlacedEnd {
  readonly label: string;
  readonly address: number | undefined;
  readonly inVpc: boolean;
  readonly subnet: ModelSubnet | undefined;
  readonly networkInterface: ModelNetworkInterface | undefined;
  /** undefined: membership unknown (no interface known at the address). */
  readonly groupIds: readonly string[] | undefined;
  /** Managed prefix lists that hold the end. */
  readonly prefixListIds: readonly string[];
}

export type HopStep =
  | 'unfiltered'
  | 'source-security-group'
  | 'source-nacl-outbound'
  | 'route'
  | 'destination-nacl-inbound'
  | 'destination-security-group'
  | 'return-nacl-outbound'
  | 'return-nacl-inbound';

export type HopStatus = 'pass' | 'block' | 'unknown' | 'not-applicable';

export interface Hop {
  readonly step: HopStep;
  readonly status: HopStatus;
  /** The group, ACL or route table that decided. */
  readonly resourceId: string | undefined;
  /** The rule, entry or route that decided, as text. */
  readonly rule: string | undefined;
  /** For a security-group hop that passes: every rule of the groups that admits the flow. */
  readonly admittedBy?: readonly ModelRule[];
  readonly reason: string;
  /** For a blocking hop: the smallest change that would admit the flow here. */
  readonly fix: string | undefined;
}

export interface FlowVerdict {
  /** admitted: every hop passes; blocked: at least one blocks; unknown: none blocks, some unknown. */
  readonly decision: 'admitted' | 'blocked' | 'unknown';
  /**
   * What security groups and network ACLs alone decide, which is what a flow log's `action`
   * records: ACCEPT, REJECT, or undefined when a filtering hop is unknown.
   */
  readonly action: 'ACCEPT' | 'REJECT' | undefined;
  readonly direction: 'request' | 'reply';
  /** The path hop by hop, in AWS's order. */
  readonly hops: readonly Hop[];
  /** Every hop that blocks (not only the first), each with its fix. */
  readonly blocking: readonly Hop[];
  /** `10.0.10.5 → 10.0.100.20 tcp 5432` */
  readonly flow: string;
  /** One sentence: admitted by which rules, or blocked where and why. */
  readonly summary: string;
}
