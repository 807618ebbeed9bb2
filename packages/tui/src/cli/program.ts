import { Command, CommanderError } from 'commander';
import { EXIT_BUG, EXIT_OK, EXIT_USAGE, isAbortError, AbortError } from './cli-errors.js';
import type { CliIo } from './io.js';
import { isAwsProviderError } from '../providers/aws-errors.js';
import type { CommandContext } from './common-options.js';
import { COMMANDS, COMMAND_NAMES, DEFAULT_COMMAND } from './command-registry.js';

export const VERSION = '0.1.0';

const HELP_OR_VERSION = new Set(['-h', '--help', '-V', '--version']);

/**
 * Which command `argv` runs: the first word if it names one (`help X` shows X's help), the default
 * command when there is no word and no top-level --help/--version, else none.
 */
export function commandToLoad(argv: readonly string[]): string | undefined {
  const first = argv[0];
  if (first === 'help') return argv[1] !== undefined && COMMAND_NAMES.includes(argv[1]) ? argv[1] : undefined;
  if (first !== undefined && COMMAND_NAMES.includes(first)) return first;
  if (first !== undefined && !first.startsWith('-')) return undefined; // an unknown command: runCli says so
  return argv.some((a) => HELP_OR_VERSION.has(a)) ? undefined : DEFAULT_COMMAND;
}

/**
 * Builds the `artos-net` program. Only the command `argv` runs is loaded (all of them without
 * `argv`); the others are listed by name and description for `--help`.
 */
export async function createProgram(context: CommandContext, argv?: readonly string[]): Promise<Command> {
  const output = { writeOut: (s: string) => context.io.out(s), writeErr: (s: string) => context.io.err(s) };
  const program = new Command('artos-net')
    .description('Artos networking toolkit: check, plan and troubleshoot the private VPC')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput(output);
  const wanted = argv ? commandToLoad(argv) : undefined;
  for (const entry of COMMANDS) {
    const command = argv === undefined || entry.name === wanted ? (await entry.load())(context) : new Command(entry.name);
    command.description(entry.description);
    program.addCommand(command, entry.name === DEFAULT_COMMAND ? { isDefault: true } : {});
  }
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
    // `artos-net frobnicate` would otherwise reach the default command as an argument.
    const named = argv[0] === 'help' ? argv[1] : argv[0];
    if (named !== undefined && !named.startsWith('-') && named !== 'help' && !COMMAND_NAMES.includes(named)) {
      throw new AbortError(`unknown command '${named}'`, `the commands are ${COMMAND_NAMES.join(', ')} (artos-net --help describes them)`);
    }
    await (await createProgram(context, argv)).parseAsync([...argv], { from: 'user' });
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
    // The model's error, told by name: importing @artos/model here would load it for --version too.
    if (error instanceof Error && error.name === 'ModelError') {
      io.err(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.err(`internal error (a bug in artos-net, please report it): ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_BUG;
  }
}
