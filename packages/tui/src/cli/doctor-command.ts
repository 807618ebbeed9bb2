import { Command, Option } from 'commander';
import { AbortError, EXIT_FINDINGS, EXIT_OK } from './cli-errors.js';
import { addSpecOptions, type CommandContext } from './common-options.js';
import { writeJson } from './io.js';
import { loadValidSpec, type SpecSourceOptions } from './spec-source.js';
import { buildDoctorContext, type ProviderOptions } from '../doctor/build-context.js';
import { runWorkflow, type WorkflowReport } from '../doctor/run-workflow.js';
import { WORKFLOWS, findWorkflow } from '../doctor/workflows.js';
import { renderDoctorText } from '../render/doctor-text.js';
import { createAwsClients } from '../providers/aws-clients.js';
import { assertProfileExists } from './aws-profile.js';

export interface DoctorCliOptions extends SpecSourceOptions {
  readonly template?: string;
  readonly flowLogs: string[];
  readonly live?: boolean;
  readonly region?: string;
  readonly profile?: string;
  readonly vpcId?: string;
  readonly since: string;
  readonly from?: string;
  readonly to?: string;
  readonly port?: string;
  readonly protocol: 'tcp' | 'udp' | 'icmp';
  readonly json?: boolean;
}

/** The provider options every doctor-like command shares (doctor and the TUI). */
export function addProviderOptions(command: Command): Command {
  return addSpecOptions(command, 'production')
    .option('--template <file>', 'check a synthesized CloudFormation template (cdk.out/STACK.template.json) instead of the spec alone')
    .option('--flow-logs <file>', 'local flow-log files or folders (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--live', 'read the deployed network from the AWS account (standard credential chain, AWS_ENDPOINT_URL honoured)')
    .option('--region <region>', 'AWS region (live)')
    .option('--profile <name>', 'AWS profile (live)')
    .option('--vpc-id <id>', 'the VPC (live; default: found by the artos:network tag)')
    .option('--since <time>', 'flow-log time range in live mode (30m, 6h, 2d, ISO)', '1h');
}

export function providerOptions(options: DoctorCliOptions): ProviderOptions {
  const reach =
    options.from && options.to && options.port
      ? { from: options.from, to: options.to, port: Number(options.port), protocol: options.protocol }
      : undefined;
  if (options.live && options.template) throw new AbortError('--live and --template were both given', 'check the account (--live) or a planned template (--template), not both');
  if (options.live) assertProfileExists(options.profile);
  const awsTarget = { ...(options.region ? { region: options.region } : {}), ...(options.profile ? { profile: options.profile } : {}) };
  return {
    ...(options.template ? { template: options.template } : {}),
    flowLogs: options.flowLogs,
    ...(options.live ? { live: true } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.vpcId ? { vpcId: options.vpcId } : {}),
    since: options.since,
    ...(reach ? { reach } : {}),
    // Made here, not by the doctor, so that every live call has connect and request timeouts.
    ...(options.live ? { clients: createAwsClients(awsTarget) } : {}),
  };
}

/** Runs the named workflows (or all) and returns their reports. */
export async function runDoctor(which: string, options: DoctorCliOptions): Promise<{ reports: WorkflowReport[]; source: string }> {
  const workflows = which === 'all' ? WORKFLOWS : [findWorkflow(which)].filter((w) => w !== undefined);
  if (workflows.length === 0) throw new AbortError(`unknown workflow "${which}"`, `use one of ${WORKFLOWS.map((w) => w.id).join(', ')}, or all`);
  const { spec, source } = await loadValidSpec(options, 'production');
  const context = await buildDoctorContext(spec, source, providerOptions(options));
  const reports: WorkflowReport[] = [];
  for (const w of workflows) reports.push(await runWorkflow(w, context));
  return { reports, source: `${source}${options.template ? `, template ${options.template}` : ''}${options.live ? ', live account' : ''}` };
}

/** `artos-net doctor [endpoints|rds|bastion|reach|flowlogs|all]`. */
export function doctorCommand(context: CommandContext): Command {
  return addProviderOptions(new Command('doctor').description("walk the seed's troubleshooting workflows; exit 1 when a check fails"))
    .argument('[workflow]', `${WORKFLOWS.map((w) => w.id).join('|')}|all`, 'all')
    .option('--from <party>', 'reach: an address, private|database, or a group (eks-nodes, rds, …)')
    .option('--to <party>', 'reach: the destination')
    .option('--port <n>', 'reach: destination port')
    .addOption(new Option('--protocol <p>', 'reach: protocol').choices(['tcp', 'udp', 'icmp']).default('tcp'))
    .option('--json', 'print every workflow with its steps as JSON')
    .addHelpText('after', '\nExamples:\n  artos-net doctor rds --preset production --flow-logs traffic.log.gz\n  artos-net doctor all --template cdk.out/artos-production-network.template.json --json\n  artos-net doctor reach --from 10.0.10.50 --to rds --port 5432\n  artos-net doctor endpoints --live --region eu-west-1\n')
    .action(async (which: string, options: DoctorCliOptions) => {
      const { reports, source } = await runDoctor(which, options);
      const failed = reports.some((r) => r.status === 'fail');
      if (options.json) writeJson(context.io, { source, status: failed ? 'fail' : 'pass', workflows: reports });
      else context.io.out(`${renderDoctorText(reports)}${source}: ${failed ? 'a check failed' : 'all checks passed'}\n`);
      context.finish(failed ? EXIT_FINDINGS : EXIT_OK);
    });
}
