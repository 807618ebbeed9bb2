/** What a planner check reports. */
export type FindingSeverity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'invalid-cidr'
  | 'not-rfc1918'
  | 'vpc-size'
  | 'subnet-size'
  | 'subnet-unaligned'
  | 'subnet-outside-vpc'
  | 'subnet-overlap'
  | 'usable-addresses'
  | 'az-spread'
  | 'empty-tier'
  | 'database-single-az'
  | 'corporate-overlap'
  | 'growth'
  | 'tier-growth'
  | 'block-plan'
  | 'capacity'
  | 'check-crashed';

export interface Finding {
  readonly severity: FindingSeverity;
  readonly code: FindingCode;
  /** The check that produced it (its file name). */
  readonly check: string;
  /** The CIDRs involved, canonical where they parse. */
  readonly cidrs: readonly string[];
  readonly message: string;
  /** What to do; empty for purely informative findings. */
  readonly fix: string;
}

export function finding(check: string, severity: FindingSeverity, code: FindingCode, cidrs: readonly string[], message: string, fix = ''): Finding {
  return { severity, code, check, cidrs, message, fix };
}
