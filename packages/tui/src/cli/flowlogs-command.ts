import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Command, Option } from 'commander';
import { stringify as toCsv } from 'csv-stringify/sync';
// Light entries only at load time: `flowlogs query` must not wait for the detectors, the sample
// generator and the network model (0.19 s to start against 0.36 s); the other subcommands load
// them when they run (analyzer(), network()).
import {
  DEFAULT_INSIGHTS_LIMITS,
  RecordFormat,
  isFlowLogError,
  parseQuery,
  runFlowLogQuery,
  type FlowLogSource,
  type ParseInfo,
  type QueryProgress,
  type QueryResult,
  type ResultRow,
} from '@artos/flowlog-analyzer/query';
import { INCIDENT_IDS, type IncidentId } from '@artos/flowlog-analyzer/incidents';
import type { NetworkSpec } from '@artos/model';
import type { CloudWatchOptions } from './cloudwatch-options.js';
import { addFlowLogsCloudWatchOptions as addCloudWatchOptions, runFlowLogsInCloudWatch } from './flowlogs-cloudwatch.js';
import { AbortError, EXIT_OK } from './cli-errors.js';
import { addSpecOptions, type CommandContext } from './common-options.js';
import { writeJson, type CliIo } from './io.js';
import type { LoadedValidSpec, SpecSourceOptions } from './spec-source.js';
import { MAX_PORT, wholeNumber } from './number-options.js';
import { textTable } from '../render/text-table.js';
import { sanitizeForTerminal } from '../private/sanitize.js';
import { renderHistogram } from '../render/histogram-text.js';

/** The analyzer's full entry (detectors, sample traffic, explanations), loaded by the subcommands that use it. */
const analyzer = () => import('@artos/flowlog-analyzer');
/** The network model and the spec reader, loaded by the subcommands that read a spec. */
const network = () => import('@artos/model');
async function loadValidSpec(options: SpecSourceOptions): Promise<LoadedValidSpec> {
  return (await import('./spec-source.js')).loadValidSpec(options);
}

function describeMalformed(info: ParseInfo): string {
  const parts = Object.entries(info.malformed).map(
    ([code, e]) => `${code} ${e!.count} (line ${e!.firstLines.join(', ')}${e!.count > e!.firstLines.length ? ', …' : ''})`,
  );
  return parts.length === 0 ? 'none' : parts.join('; ');
}

/** The statistics line, as Insights reports them: records and bytes scanned, records matched. */
export function statisticsLine(result: QueryResult, seconds: number): string {
  const s = result.statistics;
  if (s.source === 'cloudwatch') {
    const queries = s.queries ?? 1;
    return `scanned ${s.recordsScanned.toLocaleString('en-US')} records (${(s.bytesScanned / 2 ** 20).toFixed(1)} MiB) in ${queries} quer${queries === 1 ? 'y' : 'ies'} of CloudWatch Logs Insights, ${seconds.toFixed(2)} s; matched ${s.recordsMatched.toLocaleString('en-US')}; returned ${result.rows.length}${result.truncated ? ' (incomplete)' : ''}`;
  }
  return `scanned ${s.recordsScanned.toLocaleString('en-US')} records (${(s.bytesScanned / 2 ** 20).toFixed(1)} MiB) in ${s.files} file(s), ${seconds.toFixed(2)} s; matched ${s.recordsMatched.toLocaleString('en-US')}; returned ${result.rows.length}${result.truncated ? ' (truncated by the row limit)' : ''}; malformed lines: ${describeMalformed(s.info)}`;
}

export function renderResult(io: CliIo, result: QueryResult, output: 'table' | 'json' | 'csv', seconds: number, statistics?: string): void {
  if (output === 'json') {
    writeJson(io, {
      columns: result.columns,
      rows: result.rows,
      truncated: result.truncated,
      warnings: result.warnings,
      statistics: { ...result.statistics, seconds },
    });
    return;
  }
  if (output === 'csv') {
    io.out(
      toCsv(
        result.rows.map((r) => result.columns.map((c) => r[c] ?? '')),
        { header: true, columns: [...result.columns] },
      ),
    );
  } else if (result.rows.length === 0) {
    io.out('(no rows)\n');
  } else {
    io.out(`${sanitizeForTerminal(textTable([result.columns.map(String), ...result.rows.map((r) => result.columns.map((c) => r[c] ?? '-'))]))}\n`);
  }
  for (const w of result.warnings) io.err(`warning: ${w}\n`);
  io.err(`${statistics ?? statisticsLine(result, seconds)}\n`);
}

async function* stdinChunks(): AsyncGenerator<Uint8Array> {
  for await (const chunk of process.stdin) yield chunk as Uint8Array;
}

interface QueryOptions extends Partial<CloudWatchOptions> {
  readonly file: string[];
  readonly format?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly strict?: boolean;
}

/** Runs a query over local files (or stdin), with progress on stderr when it is a terminal. */
/**
 * Parses query text typed by the user. The parser reports its own errors; a regular expression
 * that JavaScript rejects (`parse @message /(?<a>[/`) surfaces as a SyntaxError, also bad input.
 */
export function parseQueryText(queryText: string): ReturnType<typeof parseQuery> {
  try {
    return parseQuery(queryText);
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new AbortError(
        `the query has a bad regular expression: ${error.message}`,
        'fix the pattern; Logs Insights uses the same regular-expression syntax',
      );
    throw error;
  }
}

export async function runLocalFlowQuery(io: CliIo, queryText: string, options: QueryOptions, rowLimit?: number): Promise<QueryResult> {
  parseQueryText(queryText);
  const format = options.format ? RecordFormat.fromFormatString(options.format) : undefined;
  const useStdin = options.file.length === 0 || options.file.includes('-');
  if (useStdin && process.stdin.isTTY && options.file.length === 0) {
    throw new AbortError(
      'no flow-log input: give --file FILE (repeatable, folders and .gz welcome) or pipe records into stdin',
      'e.g. artos-net flowlogs sample | artos-net flowlogs query "stats count() by action"',
    );
  }
  const progress = process.stderr.isTTY === true;
  const localOptions = {
    ...(format ? { format } : {}),
    ...(rowLimit ? { rowLimit } : {}),
    strict: options.strict ?? false,
    ...(progress
      ? {
          onProgress: (p: QueryProgress) =>
            process.stderr.write(
              `\r${p.recordsScanned.toLocaleString('en-US')} records, ${(p.bytesScanned / 2 ** 20).toFixed(0)} MiB — ${sanitizeForTerminal(p.where)}\u001b[K`,
            ),
        }
      : {}),
  };
  const source: FlowLogSource = { kind: 'files', paths: options.file.filter((f) => f !== '-'), ...(useStdin ? { stdin: stdinChunks() } : {}) };
  return runFlowLogQuery(queryText, source, localOptions).finally(() => {
    if (progress) process.stderr.write('\r\u001b[K');
  });
}

function wrapFlowErrors<T>(fn: () => Promise<T>): Promise<T> {
  return fn().catch((error: unknown) => {
    if (isFlowLogError(error))
      throw new AbortError(
        error.message,
        error.context.hint ?? (error.code.startsWith('query') ? 'see the Logs Insights query syntax; run with --help for examples' : 'check the input'),
      );
    // A record whose start or end lies past JavaScript's date range (±8.64e15 ms) cannot be shown
    // as a timestamp; the engine throws on it. Bad data, not a bug in the command: say so.
    // (The engine should count such records as malformed instead; reported to its owner.)
    if (error instanceof RangeError && error.message === 'Invalid time value') {
      throw new AbortError(
        'a flow-log record has a start or end time outside the range of dates (after the year 275,760)',
        'check the start and end fields of the records, or filter the bad ones out',
      );
    }
    throw error;
  });
}

/** Rows of a query from local files/stdin, or from CloudWatch when --log-group is given. */
export async function queryAnywhere(
  io: CliIo,
  queryText: string,
  options: QueryOptions,
  limit?: number,
): Promise<{ columns: string[]; rows: ResultRow[]; warnings: string[]; result: QueryResult }> {
  let result: QueryResult;
  if (options.logGroup && options.logGroup.length > 0) {
    parseQueryText(queryText); // the same text must be valid locally too: fail fast, before billing
    // A custom format (--format, else the flow log's LogFormat) gets the parse @message that names its fields: Insights does not discover them.
    result = await runFlowLogsInCloudWatch(io, queryText, options as CloudWatchOptions & { format?: string }, limit);
  } else result = await runLocalFlowQuery(io, queryText, options, limit);
  return { columns: [...result.columns], rows: [...result.rows], warnings: [...result.warnings], result };
}

/** Each row explained by the evaluator: from its columns, or from the record in `@message` (in --format, else AWS's default). */
async function explainRows(spec: NetworkSpec, rows: ResultRow[], format?: string): Promise<ResultRow[]> {
  const [{ createAnnotator, explainRow }, { modelFromSpec }] = await Promise.all([analyzer(), network()]);
  const annotator = createAnnotator(modelFromSpec(spec));
  const recordFormat = format ? RecordFormat.fromFormatString(format) : undefined;
  return rows.map((r) => ({ ...r, explanation: explainRow(annotator, r, recordFormat) }));
}

/** The query: the argument, or the text of --query-file (exactly one of them). */
async function queryTextOf(argument: string | undefined, file: string | undefined): Promise<string> {
  if (argument !== undefined && file !== undefined) throw new AbortError('give the query as the argument or with --query-file, not both', 'drop one of them');
  if (file === undefined) {
    if (argument === undefined)
      throw new AbortError(
        'no query: give the query text as the argument, or --query-file FILE',
        "e.g. artos-net flowlogs query 'stats count() by action' --file logs/",
      );
    return argument;
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new AbortError(
      `cannot read the query file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      'check the path given to --query-file',
    );
  }
}

/** `--file` (repeatable), shared by the commands that read flow logs. */
function addFileOption(command: Command, description = 'flow-log files or folders (repeatable; - for stdin)'): Command {
  // Local files or CloudWatch: one source per run, so a flag of each is a mistake worth naming.
  return command.addOption(
    new Option('--file <path>', description)
      .argParser((v: string, all: string[]) => [...all, v])
      .default([] as string[], 'none')
      .conflicts('logGroup'),
  );
}

/** `artos-net flowlogs query|sample`. */
export function flowlogsCommand(context: CommandContext): Command {
  const { io } = context;
  const flowlogs = new Command('flowlogs');

  addFileOption(
    addSpecOptions(
      addCloudWatchOptions(
        flowlogs.command('query').description('run a Logs Insights query over local flow-log files (plain or gzip), stdin, or in CloudWatch (--log-group)'),
      ),
    ),
    'a file or folder of flow-log records (repeatable; - for stdin)',
  )
    .option('--explain', 'add an explanation of each row from the model (needs srcAddr, dstAddr, dstPort)')
    .argument('[query]', 'the query text, e.g. \'filter action = "REJECT" | stats count() by srcAddr, dstPort\'')
    .option('--query-file <file>', 'read the query text from this file (long queries), instead of the argument')
    .option(
      '--format <format>',
      'custom record format as AWS writes it, e.g. "${version} ${srcaddr} ${dstaddr}" (default: the file header, else the default format)',
    )
    .option('--strict', 'stop at the first malformed line (exit 2)')
    .option('--json', 'print the result and statistics as JSON')
    .addOption(new Option('--csv', 'print the result as CSV').conflicts('json'))
    .option('--histogram', 'also draw accepted and rejected records over time (with SKIPDATA gaps and NODATA marked), as the CloudWatch console does')
    .addHelpText(
      'after',
      "\nExamples:\n  artos-net flowlogs query 'filter action = \"REJECT\" | stats count() as n by srcAddr, dstPort | sort n desc | limit 20' --file logs/\n  artos-net flowlogs sample --records 100000 | artos-net flowlogs query 'stats sum(bytes) by action'\n",
    )
    .action(
      async (queryArgument: string | undefined, given: QueryOptions & SpecSourceOptions & { explain?: boolean; histogram?: boolean; queryFile?: string }) => {
        // The histogram reads the input a second time: piped records are kept for it.
        const input = given.histogram ? await readableOnce(given) : { options: given, cleanup: () => {} };
        const options = input.options;
        const started = performance.now();
        const queryText = await queryTextOf(queryArgument, options.queryFile);
        const out = await wrapFlowErrors(() => queryAnywhere(io, queryText, options));
        const spec = options.explain ? (await loadValidSpec(options)).spec : undefined;
        const rows = spec ? await explainRows(spec, out.rows, options.format) : out.rows;
        const columns = spec ? [...out.columns, 'explanation'] : out.columns;
        const seconds = (performance.now() - started) / 1000;
        renderResult(io, { ...out.result, columns, rows }, options.json ? 'json' : options.csv ? 'csv' : 'table', seconds);
        try {
          if (options.histogram) await printHistogram(io, options);
        } finally {
          input.cleanup();
        }
        context.finish(EXIT_OK);
      },
    );

  addFileOption(
    addSpecOptions(
      addCloudWatchOptions(
        flowlogs
          .command('detect')
          .description(
            "run the detectors (the seed's four threats, and readers of tcp-flags, pkt-srcaddr, log-status, traffic-path, reject-reason); exit 1 when one fires",
          ),
      ),
    ),
  )
    .option('--format <format>', 'custom record format as AWS writes it (default: the file header, else the default format)')
    .option('--json', 'print the findings as JSON')
    .action(async (options: QueryOptions & SpecSourceOptions) => {
      const { spec } = await loadValidSpec(options);
      const { runDetectors, detectorParameters } = await analyzer();
      const input = await readableOnce(options);
      try {
        let first: QueryResult | undefined;
        const runs = await runDetectors(
          async (text: string) => {
            const out = await wrapFlowErrors(() => queryAnywhere(io, text, input.options, DEFAULT_INSIGHTS_LIMITS.maxResultRows));
            first ??= out.result;
            return out.rows;
          },
          detectorParameters(spec),
          undefined,
          input.options.format ? { availableFields: new Set(RecordFormat.fromFormatString(input.options.format).fields.map((f) => f.insights)) } : {},
        );
        const incomplete = inputProblems(first, 'the detectors');
        const findings = runs.flatMap((r) => r.findings);
        if (options.json) writeJson(io, { runs, ...(incomplete ? { incomplete } : {}) });
        else {
          for (const r of runs) {
            io.out(
              sanitizeForTerminal(
                `${r.detector}: ${r.error ? `could not run (${r.error})` : r.findings.length === 0 ? 'nothing found' : `${r.findings.length} finding(s)`}\n`,
              ),
            );
            for (const f of r.findings)
              io.out(sanitizeForTerminal(`  [${f.severity}] ${f.title}\n    when: ${f.window.start ?? '?'} – ${f.window.end ?? '?'}\n    do: ${f.action}\n`));
          }
        }
        if (incomplete) io.err(sanitizeForTerminal(`warning: ${incomplete}\n`));
        // Nothing found on incomplete input is no clean bill: exit 2 says the input is the problem.
        context.finish(findings.length > 0 || runs.some((r) => r.error) ? 1 : incomplete ? 2 : EXIT_OK);
      } finally {
        input.cleanup();
      }
    });

  addFileOption(
    addSpecOptions(addCloudWatchOptions(flowlogs.command('explain').description('explain REJECT records with the model: which group and rule decided'))),
  )
    .option('--port <n>', 'only this destination port (e.g. 5432)', wholeNumber('--port', 0, MAX_PORT, '5432'))
    .option(
      '--limit <n>',
      `rejected flows to explain (at most ${DEFAULT_INSIGHTS_LIMITS.maxResultRows.toLocaleString('en-US')}, Logs Insights' limit)`,
      wholeNumber('--limit', 1, DEFAULT_INSIGHTS_LIMITS.maxResultRows, '20'),
      20,
    )
    .option('--json', 'print as JSON')
    .action(async (options: QueryOptions & SpecSourceOptions & { port?: number; limit: number }) => {
      const { spec } = await loadValidSpec(options);
      const portFilter = options.port !== undefined ? ` and dstPort = ${options.port}` : '';
      const text = `filter action = "REJECT"${portFilter} | stats count() as records by srcAddr, dstAddr, dstPort, protocol, action | sort records desc | limit ${options.limit}`;
      const out = await wrapFlowErrors(() => queryAnywhere(io, text, options));
      const rows = await explainRows(spec, out.rows, options.format);
      if (options.json) writeJson(io, { query: text, rows });
      else if (rows.length === 0) io.out('no REJECT records in the input\n');
      else for (const r of rows) io.out(sanitizeForTerminal(`${r['records']}× ${r['explanation']}\n`));
      context.finish(EXIT_OK);
    });

  addFileOption(
    addSpecOptions(
      addCloudWatchOptions(flowlogs.command('audit').description('security-group rules that no accepted traffic used in the range (candidates to remove)')),
    ),
  )
    .option('--json', 'print the audit as JSON')
    .action(async (options: QueryOptions & SpecSourceOptions) => {
      const { spec } = await loadValidSpec(options);
      const [{ findCannedQuery, auditRules, acceptedFlowsFromRows }, { modelFromSpec }] = await Promise.all([analyzer(), network()]);
      const out = await wrapFlowErrors(() => queryAnywhere(io, findCannedQuery('accepted-flows')!.text(), options, DEFAULT_INSIGHTS_LIMITS.maxResultRows));
      // "Unused" read from damaged input would be a false clean-up list: empty input is exit 2, a damaged one is said and exit 2.
      const incomplete = inputProblems(out.result, 'the rule audit');
      const audit = auditRules(modelFromSpec(spec), acceptedFlowsFromRows(out.rows));
      if (options.json)
        writeJson(io, {
          flowsConsidered: audit.flowsConsidered,
          rules: audit.rules.map((r) => ({ id: r.rule.catalogId ?? r.groupId, group: r.groupId, rule: r.text, flows: r.flows, lastSeen: r.lastSeen })),
          ...(incomplete ? { incomplete } : {}),
        });
      else {
        io.out(
          `${audit.flowsConsidered.toLocaleString('en-US')} accepted records considered; ${audit.unused.length} of ${audit.rules.length} rules saw no traffic${incomplete ? ' in what could be read' : ''}:\n`,
        );
        for (const u of audit.unused) io.out(`  unused  ${u.text}\n`);
        for (const w of out.warnings) io.err(`warning: ${w}\n`);
      }
      if (incomplete) io.err(sanitizeForTerminal(`warning: ${incomplete}: a rule listed unused may have been used in what was lost\n`));
      context.finish(incomplete ? 2 : EXIT_OK);
    });

  addSpecOptions(
    flowlogs.command('canned').description("list the canned queries (the seed's flow-log analysis and the rich-field readers) with their text for the spec"),
  )
    .option('--json', 'print as JSON')
    .action(async (options: SpecSourceOptions & { json?: boolean }) => {
      const { spec } = await loadValidSpec(options);
      const { detectorParameters, endpointUsageFilter, CANNED_QUERIES } = await analyzer();
      // Offline, the spec knows the subnets that hold the endpoint ENIs, not their addresses.
      const parameters = { ...detectorParameters(spec), endpointFilter: endpointUsageFilter({ subnetCidrs: spec.privateSubnetCidrs }) };
      if (options.json)
        writeJson(
          io,
          CANNED_QUERIES.map((q) => ({ id: q.id, title: q.title, description: q.description, parameters: q.parameters, query: q.text(parameters) })),
        );
      else for (const q of CANNED_QUERIES) io.out(`${q.id}: ${q.title}\n  ${q.description}\n  ${q.text(parameters)}\n\n`);
      context.finish(EXIT_OK);
    });

  addSpecOptions(
    flowlogs.command('sample').description("write deterministic sample traffic: what the spec's network would log, with the incidents it can produce"),
  )
    .option('--records <n>', 'records to write, exactly (incidents and NODATA/SKIPDATA included)', '10000')
    .option('--seed <n>', 'random seed', '1')
    .option('--start <unix-seconds>', 'time of the first record', '1700000000')
    .option('--duration <seconds>', 'how long the traffic runs', '3600')
    .option(
      '--format <format>',
      'custom record format as AWS writes it, e.g. "${version} ${srcaddr} ${tcp-flags} ${pkt-srcaddr} ${flow-direction}"; "rich" for every field the detectors read',
    )
    .option('--clean', 'no incidents')
    .option('--incidents <ids>', `only these incidents, comma-separated (${INCIDENT_IDS.join(', ')})`)
    .option('--no-node-ports', 'no NodePort traffic')
    .option('--header', 'write the S3-style header line of field names first')
    .option('--out <file>', 'write to a file (gzip when it ends in .gz) instead of stdout')
    .option('--gzip', 'gzip the output (stdout or --out)')
    .option('--template <file>', "judge the traffic on the network a synthesized template declares (cdk.out/STACK.template.json) instead of the spec's")
    .action(async (options: SpecSourceOptions & SampleCliOptions) => {
      const [{ planSampleTraffic, generateSampleTraffic, RICH_SAMPLE_FORMAT_FIELDS }, { modelFromTemplate }, { readTemplate }] = await Promise.all([
        analyzer(),
        network(),
        import('../providers/read-template.js'),
      ]);
      const base = sampleOptions(options, RICH_SAMPLE_FORMAT_FIELDS);
      const { spec } = await loadValidSpec(options);
      const sample = options.template
        ? { ...base, model: modelFromTemplate(await readTemplate(options.template), { description: `template ${options.template}`, spec }) }
        : base;
      const plan = await wrapFlowErrors(async () => planSampleTraffic(spec, sample));
      if (plan.outsideRangesSource === 'assumed') {
        const assumed = plan.placement.outsideRanges.map((r) => `${r.name} ${r.cidr} over ${r.via}`).join(', ');
        io.err(sanitizeForTerminal(`outside ranges: the spec declares none (outsideRanges), so the sample assumes ${assumed || 'none'}\n`));
      }
      for (const i of plan.incidents) io.err(sanitizeForTerminal(`incident ${i.id}: ${i.summary}\n`));
      for (const i of plan.skipped) io.err(sanitizeForTerminal(`incident ${i.id} left out: ${i.reason}\n`));
      const lines = generateSampleTraffic(spec, sample);
      const gzip = options.gzip === true || (options.out?.endsWith('.gz') ?? false);
      const text = (async function* () {
        for (const line of lines) yield `${line}\n`;
      })();
      const target = options.out ? createWriteStream(options.out) : process.stdout;
      // pipeline waits for the data to be flushed (and, on stdout, does not close it).
      await (gzip ? pipeline(text, createGzip(), target) : pipeline(text, target));
      if (options.out) io.err(`wrote ${sample.records.toLocaleString('en-US')} records to ${sanitizeForTerminal(options.out)}\n`);
      context.finish(EXIT_OK);
    });
  return flowlogs;
}

interface SampleCliOptions {
  readonly records: string;
  readonly seed: string;
  readonly start: string;
  readonly duration: string;
  readonly format?: string;
  readonly clean?: boolean;
  readonly incidents?: string;
  readonly nodePorts: boolean;
  readonly header?: boolean;
  readonly out?: string;
  readonly gzip?: boolean;
  readonly template?: string;
}

/** The sample options from the command line, each validated (exit 2 on bad input); `richFormat` is what `--format rich` means. */
export function sampleOptions(
  options: SampleCliOptions,
  richFormat: readonly string[],
): {
  records: number;
  seed: number;
  start: number;
  durationSeconds: number;
  format: readonly string[] | undefined;
  incidents: readonly IncidentId[] | false;
  nodePorts: boolean;
  header: boolean;
} {
  const records = wholeNumber('--records', 1, 2 ** 31, '100000')(options.records);
  const seed = wholeNumber('--seed', 0, 2 ** 32 - 1, '7')(options.seed);
  const start = wholeNumber('--start', 0, 2 ** 32, '1700000000')(options.start);
  const durationSeconds = wholeNumber('--duration', 60, 366 * 86_400, '3600')(options.duration);
  let format: readonly string[] | undefined;
  if (options.format === 'rich') format = richFormat;
  else if (options.format !== undefined) {
    try {
      format = RecordFormat.fromFormatString(options.format).fields.map((f) => f.name);
    } catch (error) {
      if (isFlowLogError(error))
        throw new AbortError(`--format: ${error.message}`, error.context.hint ?? 'e.g. --format "${version} ${srcaddr} ${dstaddr} ${tcp-flags}"');
      throw error;
    }
  }
  let incidents: readonly IncidentId[] | false = options.clean ? false : INCIDENT_IDS;
  if (options.incidents !== undefined) {
    if (options.clean) throw new AbortError('--clean and --incidents contradict each other', 'give one of them');
    const ids = options.incidents
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const unknown = ids.filter((id) => !(INCIDENT_IDS as readonly string[]).includes(id));
    if (unknown.length > 0)
      throw new AbortError(`--incidents: unknown incident ${unknown.map((u) => JSON.stringify(u)).join(', ')}`, `choose from ${INCIDENT_IDS.join(', ')}`);
    incidents = ids as IncidentId[];
  }
  return { records, seed, start, durationSeconds, format, incidents, nodePorts: options.nodePorts, header: options.header ?? false };
}

/**
 * Empty input is an input error (exit 2): a detector or an audit over no records would read as a
 * clean bill. Damaged input (malformed lines, a truncated gzip) is returned as a sentence.
 */
export function inputProblems(result: QueryResult | undefined, who: string): string | undefined {
  if (!result) return undefined;
  const info = result.statistics.info;
  if (info.records === 0) {
    throw new AbortError(
      `no flow-log records in the input (${info.lines.toLocaleString('en-US')} line(s) read${info.skipped > 0 ? `; malformed: ${describeMalformed(info)}` : ''}): ${who} cannot say anything`,
      'check the --file paths or the piped input; give --format when the records are in a custom format without a header line',
    );
  }
  return info.skipped > 0
    ? `the input is incomplete: ${info.skipped.toLocaleString('en-US')} line(s) could not be read (${describeMalformed(info)})`
    : undefined;
}

/**
 * Commands that run several queries read their input several times: piped records are spooled
 * to a temporary file first, so every query sees all of them.
 */
async function readableOnce<T extends QueryOptions>(options: T): Promise<{ options: T; cleanup: () => void }> {
  const useStdin = !options.logGroup?.length && (options.file.length === 0 || options.file.includes('-'));
  if (!useStdin) return { options, cleanup: () => {} };
  if (process.stdin.isTTY && options.file.length === 0) {
    throw new AbortError(
      'no flow-log input: give --file FILE (repeatable, folders and .gz welcome) or pipe records into stdin',
      'e.g. artos-net flowlogs sample --format rich | artos-net flowlogs detect',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'artos-stdin-'));
  const file = join(dir, 'stdin.log');
  await pipeline(process.stdin, createWriteStream(file));
  return { options: { ...options, file: [...options.file.filter((f) => f !== '-'), file] }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `query --histogram`: accepted and rejected records per time bucket of the same input. */
async function printHistogram(io: CliIo, options: QueryOptions): Promise<void> {
  const { HISTOGRAM_RANGE_QUERY, histogramBucketMs, histogramQuery, buildHistogram } = await analyzer();
  const range = await wrapFlowErrors(() => queryAnywhere(io, HISTOGRAM_RANGE_QUERY, options));
  const bucket = histogramBucketMs(range.rows);
  const rows = (await wrapFlowErrors(() => queryAnywhere(io, histogramQuery(bucket), options, DEFAULT_INSIGHTS_LIMITS.maxResultRows))).rows;
  const width = process.stdout.columns ?? 100;
  // After a JSON or CSV result the histogram goes to stderr, so stdout stays machine-readable.
  const write = options.json || options.csv ? io.err : io.out;
  write(sanitizeForTerminal(`\n${renderHistogram(buildHistogram(rows, bucket), width).join('\n')}\n`));
}
