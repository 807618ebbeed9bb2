import type { Command } from 'commander';
// The light entry: building a command's options must not load the spec's schema and YAML parser.
import { PRESET_NAMES } from '@artos/model/presets';
import type { CliIo } from './io.js';

/** The one preset every command reads when given neither --spec nor --preset: the seed's full network. */
export const DEFAULT_PRESET = 'production';

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
