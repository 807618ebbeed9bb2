import { Command, CommanderError } from 'commander';
import { isModelError } from '@artos/model';
import { EXIT_BUG, EXIT_OK, EXIT_USAGE, isAbortError } from './cli-errors.js';
import type { CliIo } from './io.js';
import { isAwsProviderError } from '../providers/aws-errors.js';
import type { CommandContext } from './common-options.js';
import { specCommand } from './spec-command.js';
import { overviewCommand } from './overview-command.js';
import { cidrCommand } from './cidr-command.js';
import { flowlogsCommand } from './flowlogs-command.js';
import { doctorCommand } from './doctor-command.js';
import { uiCommand } from './ui-command.js';

export const VERSION = '0.1.0';

/** Builds the `artos-net` program. Later packages mount their commands here. */
export function createProgram(context: CommandContext): Command {
  const program = new Command('artos-net')
    .description('Artos networking toolkit: check, plan and troubleshoot the private VPC')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => context.io.out(s), writeErr: (s) => context.io.err(s) });
  program.addCommand(specCommand(context));
  program.addCommand(cidrCommand(context));
  program.addCommand(flowlogsCommand(context));
  program.addCommand(doctorCommand(context));
  program.addCommand(overviewCommand(context));
  program.addCommand(uiCommand(context), { isDefault: true });
  const output = { writeOut: (s: string) => context.io.out(s), writeErr: (s: string) => context.io.err(s) };
  const configure = (command: Command): void => {
    command.exitOverride().configureOutput(output).showHelpAfterError('(run with --help for usage)');
    command.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const context: CommandContext = { io, finish: (code) => (exitCode = code) };
  try {
    await createProgram(context).parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end "with an error" in commander's override mode; they are successes.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (isAbortError(error)) {
      io.err(`error: ${error.message}\n${error.nextStep ? `  next: ${error.nextStep}\n` : ''}`);
      return error.exitCode;
    }
    if (isAwsProviderError(error)) {
      // The account could not be read, or which VPC to read is ambiguous: the user fixes it.
      io.err(`error: ${error.message}\n  next: ${error.fix}\n`);
      return EXIT_USAGE;
    }
    if (isModelError(error)) {
      io.err(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.err(`internal error (a bug in artos-net, please report it): ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_BUG;
  }
}
