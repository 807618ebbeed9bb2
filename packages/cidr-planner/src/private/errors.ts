export type PlannerErrorCode = 'bad-request' | 'no-space' | 'bad-input';

/** The planner's one error type, for requests it cannot satisfy or input it cannot read. */
export class PlannerError extends Error {
  override readonly name = 'PlannerError';
  constructor(
    readonly code: PlannerErrorCode,
    message: string,
    /** What to change, for the CLI's "next:" line. */
    readonly hint: string,
    /** Where in the input, e.g. `tiers[1].hosts` or `corporate.txt:12`. */
    readonly path = '',
  ) {
    super(message);
  }
}

export function isPlannerError(value: unknown): value is PlannerError {
  return value instanceof PlannerError;
}
