import { Command, Option } from 'commander';
import { stringify } from 'yaml';
import {
  allocationFromSpec,
  checkAllocation,
  eksCapacity,
  isPlannerError,
  planAllocation,
  planToSpecFields,
  renderAddressMapSvg,
  renderAddressMapText,
  addressMap,
  type Finding,
  type TierRequest,
} from '@artos/cidr-planner';
import { INTERFACE_ENDPOINT_SERVICES, SEED_DEFAULTS, type NetworkSpecInput, type SpecIssue } from '@artos/model';
import { AbortError, EXIT_FINDINGS, EXIT_OK } from './cli-errors.js';
import { addSpecOptions, type CommandContext } from './common-options.js';
import { writeJson } from './io.js';
import { loadSpecSource, type SpecSourceOptions } from './spec-source.js';
import { readBlockPlan, readCorporateFile } from './input-files.js';
import { writeOutputFile } from './output-files.js';
import { wholeNumber } from './number-options.js';
import { sanitizeForTerminal } from '../private/sanitize.js';
import { renderCapacity, renderPlanSubnets } from '../render/cidr-text.js';

/** Text output lists at most this many findings of one code; --json has them all. */
const MAX_SHOWN_PER_CODE = 20;

function renderFindings(findings: readonly Finding[]): string {
  const lines: string[] = [];
  const shown = new Map<string, number>();
  for (const f of findings) {
    const count = (shown.get(f.code) ?? 0) + 1;
    shown.set(f.code, count);
    if (count > MAX_SHOWN_PER_CODE) continue;
    // With a path, the same line `spec validate` prints for the same problem.
    lines.push(`${f.severity.padEnd(7)} ${f.path ? `${f.path}: ` : ''}${f.message}`);
    if (f.fix) lines.push(`        fix: ${f.fix}`);
  }
  for (const [code, count] of shown)
    if (count > MAX_SHOWN_PER_CODE) lines.push(`… ${count - MAX_SHOWN_PER_CODE} more ${code} findings (use --json for every one)`);
  return sanitizeForTerminal(`${lines.join('\n')}\n`);
}

async function allocationFor(options: SpecSourceOptions & { corporate?: string; blockPlan?: string }) {
  const loaded = await loadSpecSource(options);
  const input = (loaded.input && typeof loaded.input === 'object' ? loaded.input : {}) as Partial<NetworkSpecInput>;
  const corporate = options.corporate ? await readCorporateFile(options.corporate) : undefined;
  const blockPlan = await readBlockPlan(options.blockPlan);
  const specErrors = loaded.result.issues.filter((i) => i.severity === 'error');
  const addressErrors = loaded.result.issues.filter((i) => i.severity === 'error' && UNREADABLE_BLOCKS.has(i.code));
  return {
    source: loaded.source,
    input,
    specErrors,
    addressErrors,
    allocation: { ...allocationFromSpec(input), ...(corporate ? { corporate } : {}), ...(blockPlan ? { blockPlan } : {}) },
  };
}

/**
 * The spec's errors the planner's report does not already hold. Both run the model's address
 * checks, so an address problem is the same finding (code, path, words) and is shown once; the
 * spec's other errors (a bad namePrefix, an id AWS would reject, …) are reported beside it.
 */
function otherSpecErrors(specErrors: readonly SpecIssue[], findings: readonly Finding[]): SpecIssue[] {
  const said = new Set(findings.map((f) => `${f.code}|${f.path}|${f.message}`));
  return specErrors.filter((i) => !said.has(`${i.code}|${i.path}|${i.message}`));
}

/** Interface endpoints the spec puts in each private subnet: one ENI, one address, each. */
function endpointsPerSubnet(input: Partial<NetworkSpecInput>): number {
  if (!(input.enableVpcEndpoints ?? SEED_DEFAULTS.enableVpcEndpoints)) return 0;
  return (input.interfaceEndpointServices ?? INTERFACE_ENDPOINT_SERVICES).length;
}

/** `--pods` alone (a /16) or `--pods /17`. */
function podRange(value: string): number {
  const match = /^\/?(\d+)$/.exec(value);
  if (!match) throw new AbortError(`--pods ${value}: expected a prefix such as /16`, 'e.g. --pods /16');
  return Number(match[1]);
}

/** Blocks the map and the capacity cannot be computed from: `cidr check` explains each one. */
const UNREADABLE_BLOCKS: ReadonlySet<SpecIssue['code']> = new Set(['invalid-cidr', 'cidr-host-bits', 'cidr-size']);

/** Stops `cidr map` and `cidr capacity` on blocks they cannot use, naming them (exit 1: the spec has errors). */
function requireUsableBlocks(source: string, addressErrors: readonly SpecIssue[]): void {
  if (addressErrors.length === 0) return;
  const shown = addressErrors.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
  throw new AbortError(
    `${source} has ${addressErrors.length} CIDR error(s):\n  ${shown.join('\n  ')}`,
    `fix them first; artos-net cidr check --spec … explains each one`,
    EXIT_FINDINGS,
  );
}

function parseTier(text: string): TierRequest {
  const match = /^([a-z][a-z0-9-]*):(\/?)(\d+)$/.exec(text);
  if (!match) throw new AbortError(`--tier ${text}: expected NAME:HOSTS or NAME:/PREFIX`, 'e.g. --tier private:500 --tier database:/24');
  return match[2] ? { name: match[1]!, prefix: Number(match[3]) } : { name: match[1]!, hosts: Number(match[3]) };
}

function wrapPlanner<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isPlannerError(error)) throw new AbortError(`${error.path ? `${error.path}: ` : ''}${error.message}`, error.hint);
    throw error;
  }
}

/** `artos-net cidr check|plan|map|capacity`. */
export function cidrCommand(context: CommandContext): Command {
  const { io } = context;
  const cidr = new Command('cidr');

  addSpecOptions(cidr.command('check').description("check the spec's allocation; exit 1 when errors are found"))
    .option('--corporate <file>', 'corporate or peer ranges the VPC must not overlap (one CIDR per line)')
    .option('--block-plan <seed|file>', "check the subnets against a declared block plan ('seed' = the seed's example allocation)")
    .option('--json', 'print the findings as JSON')
    .action(async (options: SpecSourceOptions & { corporate?: string; blockPlan?: string; json?: boolean }) => {
      const { source, allocation, specErrors: allSpecErrors } = await allocationFor(options);
      const report = checkAllocation(allocation);
      const specErrors = otherSpecErrors(allSpecErrors, report.findings);
      const errors = report.errors + specErrors.length;
      if (options.json) writeJson(io, { source, ...report, errors, specIssues: specErrors });
      else {
        io.out(renderFindings(report.findings));
        if (specErrors.length > 0)
          io.out(sanitizeForTerminal(`${specErrors.map((i) => `error   spec ${i.path || '(spec)'}: ${i.message}\n        fix: ${i.hint}`).join('\n')}\n`));
        io.out(`${source}: ${errors} error(s), ${report.warnings} warning(s)\n`);
      }
      context.finish(errors > 0 ? EXIT_FINDINGS : EXIT_OK);
    });

  cidr
    .command('plan')
    .description('propose aligned, non-overlapping subnets (largest first), with a growth reserve; exit 1 when the --vpc given overlaps --corporate ranges')
    .option('--vpc <cidr>', 'the VPC block (default: the lowest free block of --vpc-size in RFC 1918)')
    .addOption(
      new Option('--vpc-size <prefix>', 'VPC prefix length when --vpc is not given')
        .argParser(wholeNumber('--vpc-size', 16, 28, '20'))
        .default(16)
        .conflicts('vpc'),
    )
    .option(
      '--tier <name:hosts|name:/prefix>',
      'a tier and its size per subnet (repeatable)',
      (v: string, all: TierRequest[]) => [...all, parseTier(v)],
      [] as TierRequest[],
    )
    .option('--azs <n>', 'availability zones', wholeNumber('--azs', 1, 6), 3)
    .option('--reserve <n>', 'subnet slots kept free per tier for growth', wholeNumber('--reserve', 0, 6), 1)
    .option('--corporate <file>', 'ranges to avoid (one CIDR per line)')
    .option('--pods [/prefix]', 'EKS custom networking: a secondary block from 100.64.0.0/10 (default /16) and one pod subnet per AZ', podRange)
    .option(
      '--pod-subnet <prefix>',
      'with --pods: the size of each pod subnet (default: the largest that gives every AZ one)',
      wholeNumber('--pod-subnet', 16, 28),
    )
    .option('--name-prefix <prefix>', 'with --spec-out: the namePrefix of the spec written', 'artos-network')
    .option('--spec-out <file>', 'write a spec file (YAML) with the planned CIDRs')
    .option('--json', 'print the plan as JSON')
    .action(
      async (options: {
        vpc?: string;
        vpcSize: number;
        tier: TierRequest[];
        azs: number;
        reserve: number;
        corporate?: string;
        pods?: number | true;
        podSubnet?: number;
        namePrefix: string;
        specOut?: string;
        json?: boolean;
      }) => {
        const avoid = options.corporate ? await readCorporateFile(options.corporate) : undefined;
        const tiers =
          options.tier.length > 0
            ? options.tier
            : [
                { name: 'private', prefix: 24 },
                { name: 'database', prefix: 24 },
              ];
        if (options.podSubnet !== undefined && options.pods === undefined) throw new AbortError('--pod-subnet needs --pods', 'e.g. --pods /16 --pod-subnet 18');
        const pods =
          options.pods === undefined
            ? {}
            : {
                pods: {
                  ...(options.pods === true ? {} : { prefix: options.pods }),
                  ...(options.podSubnet !== undefined ? { subnetPrefix: options.podSubnet } : {}),
                },
              };
        const plan = wrapPlanner(() =>
          planAllocation({
            ...(options.vpc ? { vpcCidr: options.vpc } : { vpcPrefix: options.vpcSize }),
            tiers,
            azCount: options.azs,
            reserveAzs: options.reserve,
            avoid,
            ...pods,
          }),
        );
        const specFields = { namePrefix: options.namePrefix, ...planToSpecFields(plan) };
        if (options.specOut) await writeOutputFile(options.specOut, stringify(specFields), '--spec-out');
        if (options.json) writeJson(io, { plan, spec: specFields });
        else {
          io.out(`VPC ${plan.vpcCidr}\n`);
          for (const c of plan.secondaryCidrs) io.out(`secondary ${c} (EKS custom networking: pod subnets below, one ENIConfig per AZ)\n`);
          io.out(sanitizeForTerminal(renderPlanSubnets(plan)));
          io.out(`free: ${plan.free.slice(0, 6).join(', ')}${plan.free.length > 6 ? ', …' : ''}\n`);
          io.out(`\nspec fields:\n${stringify(specFields).trimEnd().replace(/^/gm, '  ')}\n`);
          if (options.specOut) io.out(`written to ${options.specOut}\n`);
          if (plan.findings.length > 0) io.out(`\n${renderFindings(plan.findings)}`);
        }
        context.finish(plan.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK);
      },
    );

  addSpecOptions(cidr.command('map').description('draw the address map (text tree, or SVG)'))
    .option('--block-plan <seed|file>', "draw the spec against a declared block plan ('seed' = the seed's example)")
    .addOption(new Option('--format <format>', 'text or svg').choices(['text', 'svg']).default('text'))
    .option('--out <file>', 'write the map to a file instead of stdout')
    .option('--json', 'print the map tree as JSON')
    .action(async (options: SpecSourceOptions & { blockPlan?: string; format: 'text' | 'svg'; out?: string; json?: boolean }) => {
      const { source, allocation, addressErrors } = await allocationFor(options);
      requireUsableBlocks(source, addressErrors);
      const render = () => (options.format === 'svg' ? renderAddressMapSvg(allocation) : renderAddressMapText(allocation));
      if (options.json) {
        writeJson(
          io,
          JSON.parse(
            JSON.stringify(
              wrapPlanner(() => addressMap(allocation)),
              (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v),
            ),
          ),
        );
      } else if (options.out) {
        await writeOutputFile(options.out, wrapPlanner(render), '--out');
        io.out(`map written to ${options.out}\n`);
      } else io.out(sanitizeForTerminal(wrapPlanner(render)));
      context.finish(EXIT_OK);
    });

  addSpecOptions(
    cidr.command('capacity').description("how many EKS nodes and pods fit in the private subnets (VPC CNI), after the interface endpoints' addresses"),
  )
    .addOption(new Option('--mode <mode>', 'how the VPC CNI assigns pod addresses').choices(['secondary-ip', 'prefix-delegation']).default('secondary-ip'))
    .option('--instance-type <type>', "the node instance type, from the planner's table (ENIs, IPv4 per ENI, vCPUs)", 'm5.large')
    .option('--enis <n>', 'ENIs per node, for a type not in the table', wholeNumber('--enis', 1, 100))
    .option('--ips-per-eni <n>', 'IPv4 addresses per ENI, for a type not in the table', wholeNumber('--ips-per-eni', 1, 100))
    .option('--vcpus <n>', 'vCPUs, for a type not in the table (chooses the 110 or 250 pod ceiling)', wholeNumber('--vcpus', 1, 1024))
    .option('--max-pods <n>', 'pods per node (kubelet maxPods), instead of the 110/250 ceiling the vCPUs choose', wholeNumber('--max-pods', 1, 1000))
    .option('--nodes <n>', 'a cluster size to check', wholeNumber('--nodes', 1, 1_000_000))
    .option('--pods <n>', 'a pod count to check', wholeNumber('--pods', 1, 100_000_000))
    .option('--json', 'print as JSON')
    .action(
      async (
        options: SpecSourceOptions & {
          mode: 'secondary-ip' | 'prefix-delegation';
          instanceType: string;
          enis?: number;
          ipsPerEni?: number;
          vcpus?: number;
          maxPods?: number;
          nodes?: number;
          pods?: number;
          json?: boolean;
        },
      ) => {
        const { source, input, allocation, addressErrors } = await allocationFor(options);
        requireUsableBlocks(source, addressErrors);
        const subnets = allocation.tiers.find((t) => t.name === 'private')?.cidrs ?? [];
        // Limits given by hand describe another type: the table's entry is not used then.
        const byHand = options.enis !== undefined || options.ipsPerEni !== undefined;
        const shape = byHand
          ? {
              ...(options.enis !== undefined ? { enisPerNode: options.enis } : {}),
              ...(options.ipsPerEni !== undefined ? { ipsPerEni: options.ipsPerEni } : {}),
            }
          : { instanceType: options.instanceType };
        const report = wrapPlanner(() =>
          eksCapacity({
            subnets,
            mode: options.mode,
            ...shape,
            ...(options.vcpus !== undefined ? { vCpus: options.vcpus } : {}),
            ...(options.maxPods !== undefined ? { maxPodsCap: options.maxPods } : {}),
            interfaceEndpointsPerSubnet: endpointsPerSubnet(input),
            cluster: { ...(options.nodes ? { nodes: options.nodes } : {}), ...(options.pods ? { pods: options.pods } : {}) },
          }),
        );
        if (options.json) writeJson(io, report);
        else {
          io.out(renderCapacity(report));
          if (report.findings.length > 0) io.out(renderFindings(report.findings));
        }
        context.finish(report.findings.some((f) => f.severity !== 'info') ? EXIT_FINDINGS : EXIT_OK);
      },
    );
  return cidr;
}
