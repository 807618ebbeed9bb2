import { boundText, type SpecIssue, type SpecIssueCode } from '@artos/model';

/** What a planner check reports. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** The model's address-check codes (shared with `spec validate`) and the planner's own. */
export type FindingCode =
  SpecIssueCode | 'usable-addresses' | 'corporate-overlap' | 'eks-single-az' | 'growth' | 'tier-growth' | 'block-plan' | 'capacity' | 'check-crashed';

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
  /** Where in the spec, e.g. `privateSubnetCidrs[1]` (as `spec validate` says it); empty when not one place. */
  readonly path: string;
}

export function finding(check: string, severity: FindingSeverity, code: FindingCode, cidrs: readonly string[], message: string, fix = '', path = ''): Finding {
  return { severity, code, check, cidrs, message, fix, path };
}

/** A model address issue as a finding: same code, path, words and fix (quoted input kept short as `validateSpec` keeps it). */
export function findingOfIssue(check: string, issue: SpecIssue, cidrs: readonly string[]): Finding {
  return { severity: issue.severity, code: issue.code, check, cidrs, message: boundText(issue.message), fix: boundText(issue.hint), path: issue.path };
}
