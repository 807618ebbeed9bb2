import { Command } from 'commander';
import { EXIT_OK } from './cli-errors.js';
import { addSpecOptions, type CommandContext } from './common-options.js';
import { writeJson } from './io.js';
import { loadValidSpec, type SpecSourceOptions } from './spec-source.js';
import { renderOverviewText } from '../render/overview-text.js';

/** Prints the network a spec describes, with every default applied (text or JSON). */
export async function printOverview(context: CommandContext, options: SpecSourceOptions & { json?: boolean }): Promise<number> {
  const { spec, source, result } = await loadValidSpec(options);
  if (options.json) writeJson(context.io, { source, spec, issues: result.issues });
  else context.io.out(renderOverviewText(spec, source, result.issues));
  return EXIT_OK;
}

/** `artos-net overview`: the network at a glance (the default command). */
export function overviewCommand(context: CommandContext): Command {
  return addSpecOptions(new Command('overview'))
    .option('--json', 'print as JSON')
    .action(async (options: SpecSourceOptions & { json?: boolean }) => context.finish(await printOverview(context, options)));
}
