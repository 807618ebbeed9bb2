import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { AbortError, EXIT_FINDINGS, EXIT_OK } from './cli-errors.js';
import { addSpecOptions, type CommandContext } from './common-options.js';
import { writeJson } from './io.js';
import { loadValidSpec, type SpecSourceOptions } from './spec-source.js';
import { reachQuestion } from './reach-options.js';
import { END_FORMS, resolveEnd } from '@artos/model';
import { buildDoctorContext, type ProviderOptions } from '../doctor/build-context.js';
import { runWorkflow, workflowStatus, type WorkflowReport } from '../doctor/run-workflow.js';
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
  return addSpecOptions(command)
    .option('--template <file>', 'check a synthesized CloudFormation template (cdk.out/STACK.template.json) instead of the spec alone')
    .option('--flow-logs <file>', 'local flow-log files or folders (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--live', 'read the deployed network from the AWS account (standard credential chain, AWS_ENDPOINT_URL honoured)')
    .option('--region <region>', 'AWS region (live)')
    .option('--profile <name>', 'AWS profile (live)')
    .option('--vpc-id <id>', 'the VPC (live; default: found by the artos:network tag)')
    .option('--since <time>', 'flow-log time range in live mode (30m, 6h, 2d, ISO)', '1h');
}

export function providerOptions(options: DoctorCliOptions): ProviderOptions {
  const reach = reachQuestion(options);
  if (options.live && options.template)
    throw new AbortError('--live and --template were both given', 'check the account (--live) or a planned template (--template), not both');
  // A missing file is a mistake in the command, not a failed check.
  const missing = options.flowLogs.find((f) => !existsSync(f));
  if (missing !== undefined) throw new AbortError(`cannot read --flow-logs ${missing}: no such file or folder`, 'check the path given to --flow-logs');
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

/** A workflow `doctor all` leaves out for this spec, and why. */
/** Runs the named workflows (or all that apply) and returns their reports. */
export async function runDoctor(which: string, options: DoctorCliOptions): Promise<{ reports: WorkflowReport[]; source: string }> {
  if (which !== 'all' && findWorkflow(which) === undefined)
    throw new AbortError(`unknown workflow "${which}"`, `use one of ${WORKFLOWS.map((w) => w.id).join(', ')}, or all`);
  const provider = providerOptions(options);
  const { spec, source } = await loadValidSpec(options);
  const workflows = which === 'all' ? WORKFLOWS : [findWorkflow(which)!];
  const context = await buildDoctorContext(spec, source, provider);
  // No VPC, or several that carry the tags: which network to read is the user's to fix (exit 2).
  const fatal = context.model.problems.find((p) => p.fatal);
  if (fatal) throw new AbortError(fatal.detail, fatal.fix);
  // A name the network does not know is a mistake in the command (exit 2), not a failed check.
  for (const [flag, text] of [
    ['--from', context.reach?.from],
    ['--to', context.reach?.to],
  ] as const) {
    if (text === undefined) continue;
    const end = resolveEnd(context.model, text);
    if (!end.ok) throw new AbortError(`${flag}: ${end.message}`, `give ${END_FORMS}`);
  }
  const reports: WorkflowReport[] = [];
  for (const w of workflows) reports.push(await runWorkflow(w, context));
  return { reports, source: `${source}${options.template ? `, template ${options.template}` : ''}${options.live ? ', live account' : ''}` };
}

/** `artos-net doctor [endpoints|rds|bastion|reach|flowlogs|all]`. */
export function doctorCommand(context: CommandContext): Command {
  return addProviderOptions(new Command('doctor'))
    .argument('[workflow]', `${WORKFLOWS.map((w) => w.id).join('|')}|all`, 'all')
    .option(
      '--from <party>',
      'reach: the source — an address, a group role (eks-nodes, rds, …), sg-…, a subnet id, private|database, eni-…; without it, who can reach --to',
    )
    .option('--to <party>', 'reach: the destination (the same forms, or s3)')
    .option('--port <n>', 'reach: destination port')
    .addOption(new Option('--protocol <p>', 'reach: protocol').choices(['tcp', 'udp', 'icmp']).default('tcp'))
    .option('--json', 'print every workflow with its steps as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  artos-net doctor rds --preset production --flow-logs traffic.log.gz\n  artos-net doctor all --template cdk.out/artos-production-network.template.json --json\n  artos-net doctor reach --from 10.0.10.50 --to rds --port 5432\n  artos-net doctor reach --to rds --port 5432            # who can reach rds\n  artos-net doctor drift --live --region eu-west-1       # deployed against the model\n  artos-net doctor endpoints --live --region eu-west-1\n\nExit: 0 clean, 1 a check failed or could not be decided, 2 usage or input error.\n',
    )
    .action(async (which: string, options: DoctorCliOptions) => {
      if (which === 'reach' && options.to === undefined && options.from === undefined && options.port === undefined)
        throw new AbortError(
          'doctor reach needs --to and --port',
          'e.g. artos-net doctor reach --from eks-nodes --to rds --port 5432 (without --from: who can reach rds)',
        );
      const { reports, source } = await runDoctor(which, options);
      const status = workflowStatus(reports.flatMap((r) => r.steps));
      const verdict = {
        pass: 'all checks passed',
        warn: 'all checks passed, with warnings',
        fail: 'a check failed',
        unknown: 'some checks could not be decided (??): not a clean bill',
        skipped: 'nothing was checked',
      }[status];
      if (options.json) writeJson(context.io, { source, status, workflows: reports });
      else context.io.out(`${renderDoctorText(reports)}${source}: ${verdict}\n`);
      // Unknown is not clean: the exit says so, as a failed check does.
      context.finish(status === 'pass' || status === 'warn' || status === 'skipped' ? EXIT_OK : EXIT_FINDINGS);
    });
}
