/** Every problem the analyzer reports has one of these codes. */
export type FlowLogErrorCode =
  | 'field-count'
  | 'bad-number'
  | 'bad-address'
  | 'bad-value'
  | 'bad-format'
  | 'truncated-gzip'
  | 'read-error'
  | 'query-syntax'
  | 'query-unsupported'
  | 'query-field'
  | 'bad-input'
  | 'insights-failed'
  | 'insights-timeout'
  | 'insights-cancelled'
  | 'aws-access-denied'
  | 'aws-error';

/** The analyzer's one error type, with where it happened. */
export class FlowLogError extends Error {
  override readonly name = 'FlowLogError';
  constructor(
    readonly code: FlowLogErrorCode,
    message: string,
    readonly context: { readonly source?: string; readonly line?: number; readonly column?: number; readonly raw?: string; readonly hint?: string } = {},
  ) {
    super(message);
  }
}

export function isFlowLogError(value: unknown): value is FlowLogError {
  return value instanceof FlowLogError;
}
