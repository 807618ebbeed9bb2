import { Command, Option } from 'commander';
import { networkGraph } from '@artos/model';
import { EXIT_OK } from './cli-errors.js';
import type { CommandContext } from './common-options.js';
import { addProviderOptions, providerOptions, type DoctorCliOptions } from './doctor-command.js';
import { loadValidSpec } from './spec-source.js';
import { writeOutputFile } from './output-files.js';
import { buildDoctorContext } from '../doctor/build-context.js';
import { renderGraphMermaid } from '../render/graph-mermaid.js';
import { renderGraphDot } from '../render/graph-dot.js';
import { renderGraphSvg } from '../render/graph-svg.js';
import { renderGraphText } from '../render/graph-text.js';
import { sanitizeForTerminal } from '../private/sanitize.js';

type GraphFormat = 'text' | 'mermaid' | 'dot' | 'svg';

interface GraphOptions extends DoctorCliOptions {
  readonly format: GraphFormat;
  readonly out?: string;
}

/** `artos-net graph`: the security groups, their rules and the subnets of any provider's network. */
export function graphCommand(context: CommandContext): Command {
  return addProviderOptions(new Command('graph'))
    .addOption(new Option('--format <format>', 'text, mermaid, dot (Graphviz) or svg').choices(['text', 'mermaid', 'dot', 'svg']).default('text'))
    .option('--out <file>', 'write the picture to a file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  artos-net graph --preset production\n  artos-net graph --format mermaid --template cdk.out/artos-production-network.template.json\n  artos-net graph --format svg --out network.svg --live --region eu-west-1\n',
    )
    .action(async (options: GraphOptions) => {
      const { spec, source } = await loadValidSpec(options);
      const { model } = await buildDoctorContext(spec, source, { ...providerOptions(options), flowLogs: [] });
      const graph = networkGraph(model);
      const text =
        options.format === 'mermaid'
          ? renderGraphMermaid(graph)
          : options.format === 'dot'
            ? renderGraphDot(graph)
            : options.format === 'svg'
              ? renderGraphSvg(graph)
              : `${renderGraphText(graph).join('\n')}\n`;
      if (options.out) {
        await writeOutputFile(options.out, text, '--out');
        context.io.err(`wrote ${options.format} graph of ${graph.nodes.length} nodes and ${graph.edges.length} edges to ${sanitizeForTerminal(options.out)}\n`);
      } else context.io.out(options.format === 'text' ? sanitizeForTerminal(text) : text);
      context.finish(EXIT_OK);
    });
}
