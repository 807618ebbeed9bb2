/** Exit codes of every artos-net command. */
export const EXIT_OK = 0;
/** A check failed or the spec has errors. */
export const EXIT_FINDINGS = 1;
/** Usage or input error: a flag, a file, a preset name. */
export const EXIT_USAGE = 2;
/** A bug in artos-net itself. */
export const EXIT_BUG = 3;

/** An error the user can fix: printed as a message and a next step, never as a stack trace. */
export class AbortError extends Error {
  override readonly name = 'AbortError';
  constructor(
    message: string,
    readonly nextStep: string | undefined = undefined,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}

export function isAbortError(value: unknown): value is AbortError {
  return value instanceof AbortError;
}
