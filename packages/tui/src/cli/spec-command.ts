import { Command } from 'commander';
import { formatIssues, networkSpecJsonSchema } from '@artos/model';
import { EXIT_FINDINGS, EXIT_OK } from './cli-errors.js';
import { writeJson, type CliIo } from './io.js';
import { addSpecOptions, type CommandContext } from './common-options.js';
import { loadSpecSource, type SpecSourceOptions } from './spec-source.js';
import { printOverview } from './overview-command.js';

interface SpecCommandOptions extends SpecSourceOptions {
  readonly json?: boolean;
}

async function validate(io: CliIo, options: SpecCommandOptions): Promise<number> {
  const { source, result } = await loadSpecSource(options);
  const errors = result.issues.filter((i) => i.severity === 'error').length;
  const warnings = result.issues.length - errors;
  if (options.json) {
    writeJson(io, { source, ok: result.ok, errors, warnings, issues: result.issues });
  } else {
    if (result.issues.length > 0) io.out(`${formatIssues(result.issues)}\n`);
    io.out(`${source}: ${result.ok ? 'valid' : 'invalid'} (${errors} error(s), ${warnings} warning(s))\n`);
  }
  return result.ok ? EXIT_OK : EXIT_FINDINGS;
}

/** `artos-net spec show|validate|schema`. */
export function specCommand(context: CommandContext): Command {
  const spec = new Command('spec');
  addSpecOptions(spec.command('show').description('print the network a spec describes, with every default applied'))
    .option('--json', 'print the validated spec as JSON')
    .action(async (options: SpecCommandOptions) => context.finish(await printOverview(context, options)));
  addSpecOptions(spec.command('validate').description('check a spec; exit 1 when it has errors'))
    .option('--json', 'print the issues as JSON')
    .action(async (options: SpecCommandOptions) => context.finish(await validate(context.io, options)));
  spec
    .command('schema')
    .description('print the JSON Schema of spec files (for editors)')
    .action(() => {
      writeJson(context.io, networkSpecJsonSchema());
      context.finish(EXIT_OK);
    });
  return spec;
}
