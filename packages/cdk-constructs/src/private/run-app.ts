import { createArtosApp, type ArtosAppOptions } from './app.js';
import { isArtosAppInputError } from './app-input-error.js';

/** Where `runArtosApp` writes and how it ends; tests inject both. */
export interface ArtosAppRunIo {
  /** @default - process.stderr */
  readonly stderr?: { write(text: string): unknown };
  /** @default - sets process.exitCode */
  readonly exit?: (code: number) => void;
}

/** Exit code for bad input (the toolkit's convention: 0 clean, 1 check failed, 2 usage or input error). */
export const INPUT_ERROR_EXIT_CODE = 2;

/**
 * What `bin/app.ts` (so `cdk synth` and `cdk deploy`) runs: builds the app and synthesizes it.
 * Bad input prints one line, `error: <input>: <problem>; <fix>`, and exits 2. Any other error is a
 * bug (or a failed check reported by aws-cdk-lib) and is rethrown with its stack.
 * @returns the exit code: 0, or 2 after an input error
 */
export async function runArtosApp(options: ArtosAppOptions = {}, io: ArtosAppRunIo = {}): Promise<number> {
  try {
    const { app } = await createArtosApp(options);
    app.synth();
    return 0;
  } catch (error) {
    if (!isArtosAppInputError(error)) throw error;
    (io.stderr ?? process.stderr).write(`error: ${error.message}\n`);
    (io.exit ?? ((code: number) => (process.exitCode = code)))(INPUT_ERROR_EXIT_CODE);
    return INPUT_ERROR_EXIT_CODE;
  }
}
