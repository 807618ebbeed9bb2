import type { Command } from 'commander';
import { PRESET_NAMES } from '@artos/model';
import type { CliIo } from './io.js';
import { DEFAULT_PRESET } from './spec-source.js';

/** What every command gets: where to write, and how to report its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  finish(exitCode: number): void;
}

/** `--spec FILE` or `--preset NAME`, shared by every command that reads a network. */
export function addSpecOptions(command: Command): Command {
  return command
    .option('--spec <file>', 'network spec file (JSON or YAML)')
    .option('--preset <name>', `one of the seed's configurations: ${PRESET_NAMES.join(', ')} (default: ${DEFAULT_PRESET})`);
}
