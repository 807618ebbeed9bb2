// Public entry of @artos/tui: the CLI as a library, for embedding and tests.
export { runCli, createProgram, VERSION } from './cli/program.js';
export { EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_BUG, AbortError, isAbortError } from './cli/cli-errors.js';
export type { CliIo } from './cli/io.js';
export type { CommandContext } from './cli/common-options.js';
export { sanitizeForTerminal } from './private/sanitize.js';
export { renderOverviewText } from './render/overview-text.js';
