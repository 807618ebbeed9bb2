/** Every problem the model reports has one of these codes. */
export type SpecIssueCode =
  | 'parse-error'
  | 'unknown-key'
  | 'wrong-type'
  | 'missing-required'
  | 'invalid-cidr'
  | 'cidr-host-bits'
  | 'cidr-size'
  | 'cidr-reserved'
  | 'not-rfc1918'
  | 'secondary-cidr'
  | 'outside-range'
  | 'subnet-outside-vpc'
  | 'subnet-overlap'
  | 'invalid-name-prefix'
  | 'invalid-aws-id'
  | 'placeholder-id'
  | 'vpc-cidr-required'
  | 'subnet-ids-need-vpc'
  | 'subnet-ids-cidrs-mismatch'
  | 'empty-tier'
  | 'az-count'
  | 'az-coverage'
  | 'az-ids'
  | 'az-names'
  | 'single-az-database'
  | 'unknown-endpoint-service'
  | 'duplicate-value'
  | 'invalid-tag'
  | 'invalid-flow-log-setting'
  | 'unknown-preset';

export type SpecIssueSeverity = 'error' | 'warning';

/** One problem in a spec: where (`databaseSubnetCidrs[1]`), what, and how to fix it. */
export interface SpecIssue {
  readonly severity: SpecIssueSeverity;
  readonly code: SpecIssueCode;
  /** Path in the spec, e.g. `databaseSubnetCidrs[1]`; empty for the whole spec. */
  readonly path: string;
  readonly message: string;
  readonly hint: string;
}

/** The model's one error type: thrown only where a caller asked for a valid spec and got none. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  readonly code: SpecIssueCode;
  readonly issues: readonly SpecIssue[];
  /** Where the input came from (a file name or a preset), when known. */
  readonly source: string | undefined;

  constructor(code: SpecIssueCode, message: string, issues: readonly SpecIssue[] = [], source?: string) {
    super(message);
    this.code = code;
    this.issues = issues;
    this.source = source;
  }
}

export function isModelError(value: unknown): value is ModelError {
  return value instanceof ModelError;
}

/** Formats issues one per line: `error databaseSubnetCidrs[1]: message (hint)`. */
export function formatIssues(issues: readonly SpecIssue[]): string {
  return issues.map((i) => `${i.severity} ${i.path || '(spec)'}: ${i.message}${i.hint ? `\n    fix: ${i.hint}` : ''}`).join('\n');
}
