import { sanitizeForTerminal } from '../private/sanitize.js';

/** Where a command writes. Tests pass a capturing implementation. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (drives progress and colour). */
  readonly isTty: boolean;
}

export function processIo(): CliIo {
  return {
    // On a terminal everything printed is made safe; into a pipe, data (JSON, CSV, records) stays as it is.
    out: (text) => process.stdout.write(process.stdout.isTTY ? sanitizeForTerminal(text) : text),
    err: (text) => process.stderr.write(sanitizeForTerminal(text)),
    isTty: Boolean(process.stdout.isTTY),
  };
}

/** Writes JSON for scripts: one document, newline-terminated. */
export function writeJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
