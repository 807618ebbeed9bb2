import type { Command } from 'commander';
import type { CommandContext } from './common-options.js';

/** One top-level command: what `--help` lists, and how to load it when it runs. */
export interface CommandEntry {
  readonly name: string;
  readonly description: string;
  /** Loaded only when this command runs (or shows its own help): each brings its own dependencies. */
  readonly load: () => Promise<(context: CommandContext) => Command>;
}

/**
 * The commands of artos-net. `--version` and `--help` read only this list, so they start without
 * loading Ink, React, the AWS SDK or the packages a command needs.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'spec', description: 'show, validate and describe network specs', load: async () => (await import('./spec-command.js')).specCommand },
  {
    name: 'cidr',
    description: 'check an address allocation, propose one, draw its map, size EKS capacity',
    load: async () => (await import('./cidr-command.js')).cidrCommand,
  },
  {
    name: 'flowlogs',
    description: 'read VPC flow logs: Logs Insights queries locally or in CloudWatch, detectors, sample traffic',
    load: async () => (await import('./flowlogs-command.js')).flowlogsCommand,
  },
  {
    name: 'doctor',
    description: "walk the seed's troubleshooting workflows; exit 1 when a check fails",
    load: async () => (await import('./doctor-command.js')).doctorCommand,
  },
  {
    name: 'graph',
    description: 'draw the security groups, their rules and the subnets (text, mermaid, dot, svg)',
    load: async () => (await import('./graph-command.js')).graphCommand,
  },
  { name: 'overview', description: 'print the network at a glance', load: async () => (await import('./overview-command.js')).overviewCommand },
  {
    name: 'ui',
    description: 'the terminal UI (default command); without a terminal, prints the overview and the doctor report',
    load: async () => (await import('./ui-command.js')).uiCommand,
  },
];

/** The command run when none is named. */
export const DEFAULT_COMMAND = 'ui';

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);
