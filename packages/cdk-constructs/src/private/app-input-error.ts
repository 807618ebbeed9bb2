/** What a user of the CDK app got wrong: the closed list the runner reports in one line. */
export type ArtosAppInputErrorCode = 'unknown-preset' | 'unreadable-spec' | 'invalid-spec' | 'invalid-context' | 'missing-cdk-nag';

/**
 * Bad input to the CDK app (`-c preset=`, `-c spec=`, an id given with `-c`): names the input and
 * the fix. `runArtosApp` prints it as one line and exits 2; anything else is a bug and keeps its stack.
 */
export class ArtosAppInputError extends Error {
  override readonly name = 'ArtosAppInputError';
  /** Which kind of bad input. */
  readonly code: ArtosAppInputErrorCode;
  /** The input as the user gave it, e.g. `-c spec=/nonexistent`. */
  readonly input: string;
  /** What to do about it. */
  readonly fix: string;

  constructor(code: ArtosAppInputErrorCode, input: string, problem: string, fix: string) {
    super(`${input}: ${problem}; ${fix}`);
    this.code = code;
    this.input = input;
    this.fix = fix;
  }
}

/** True for the CDK app's input errors (a script can tell them from bugs). */
export function isArtosAppInputError(value: unknown): value is ArtosAppInputError {
  return value instanceof ArtosAppInputError;
}
