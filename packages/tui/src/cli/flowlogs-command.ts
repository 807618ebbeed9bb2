import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { Command, Option } from 'commander';
import { stringify as toCsv } from 'csv-stringify/sync';
import {
  CANNED_QUERIES,
  DEFAULT_INSIGHTS_LIMITS,
  auditRules,
  acceptedFlowsFromRows,
  createAnnotator,
  findCannedQuery,
  runDetectors,
  RecordFormat,
  generateSampleTraffic,
  isFlowLogError,
  parseQuery,
  runFlowLogQuery,
  type FlowLogSource,
  type ParseInfo,
  type QueryProgress,
  type QueryResult,
  type ResultRow,
} from '@artos/flowlog-analyzer';
import { modelFromSpec, type NetworkSpec } from '@artos/model';
import { addCloudWatchOptions, runInCloudWatch, type CloudWatchOptions } from './cloudwatch-options.js';
import { AbortError, EXIT_OK } from './cli-errors.js';
import { addSpecOptions, type CommandContext } from './common-options.js';
import { writeJson, type CliIo } from './io.js';
import { loadValidSpec, type SpecSourceOptions } from './spec-source.js';
import { MAX_PORT, wholeNumber } from './number-options.js';
import { textTable } from '../render/text-table.js';
import { sanitizeForTerminal } from '../private/sanitize.js';

function describeMalformed(info: ParseInfo): string {
  const parts = Object.entries(info.malformed).map(([code, e]) => `${code} ${e!.count} (line ${e!.firstLines.join(', ')}${e!.count > e!.firstLines.length ? ', …' : ''})`);
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
    writeJson(io, { columns: result.columns, rows: result.rows, truncated: result.truncated, warnings: result.warnings, statistics: { ...result.statistics, seconds } });
    return;
  }
  if (output === 'csv') {
    io.out(toCsv(result.rows.map((r) => result.columns.map((c) => r[c] ?? '')), { header: true, columns: [...result.columns] }));
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
    if (error instanceof SyntaxError) throw new AbortError(`the query has a bad regular expression: ${error.message}`, 'fix the pattern; Logs Insights uses the same regular-expression syntax');
    throw error;
  }
}

export async function runLocalFlowQuery(io: CliIo, queryText: string, options: QueryOptions, rowLimit?: number): Promise<QueryResult> {
  parseQueryText(queryText);
  const format = options.format ? RecordFormat.fromFormatString(options.format) : undefined;
  const useStdin = options.file.length === 0 || options.file.includes('-');
  if (useStdin && process.stdin.isTTY && options.file.length === 0) {
    throw new AbortError('no flow-log input: give --file FILE (repeatable, folders and .gz welcome) or pipe records into stdin', 'e.g. artos-net flowlogs sample | artos-net flowlogs query "stats count() by action"');
  }
  const progress = process.stderr.isTTY === true;
  const localOptions = {
    ...(format ? { format } : {}),
    ...(rowLimit ? { rowLimit } : {}),
    strict: options.strict ?? false,
    ...(progress ? { onProgress: (p: QueryProgress) => process.stderr.write(`\r${p.recordsScanned.toLocaleString('en-US')} records, ${(p.bytesScanned / 2 ** 20).toFixed(0)} MiB — ${sanitizeForTerminal(p.where)}\u001b[K`) } : {}),
  };
  const source: FlowLogSource = { kind: 'files', paths: options.file.filter((f) => f !== '-'), ...(useStdin ? { stdin: stdinChunks() } : {}) };
  return runFlowLogQuery(queryText, source, localOptions).finally(() => {
    if (progress) process.stderr.write('\r\u001b[K');
  });
}

function wrapFlowErrors<T>(fn: () => Promise<T>): Promise<T> {
  return fn().catch((error: unknown) => {
    if (isFlowLogError(error)) throw new AbortError(error.message, error.context.hint ?? (error.code.startsWith('query') ? 'see the Logs Insights query syntax; run with --help for examples' : 'check the input'));
    // A record whose start or end lies past JavaScript's date range (±8.64e15 ms) cannot be shown
    // as a timestamp; the engine throws on it. Bad data, not a bug in the command: say so.
    // (The engine should count such records as malformed instead; reported to its owner.)
    if (error instanceof RangeError && error.message === 'Invalid time value') {
      throw new AbortError('a flow-log record has a start or end time outside the range of dates (after the year 275,760)', 'check the start and end fields of the records, or filter the bad ones out');
    }
    throw error;
  });
}

/** Rows of a query from local files/stdin, or from CloudWatch when --log-group is given. */
export async function queryAnywhere(io: CliIo, queryText: string, options: QueryOptions, limit?: number): Promise<{ columns: string[]; rows: ResultRow[]; warnings: string[]; result: QueryResult }> {
  let result: QueryResult;
  if (options.logGroup && options.logGroup.length > 0) {
    parseQueryText(queryText); // the same text must be valid locally too: fail fast, before billing
    // A custom format (--format) gets the parse @message that names its fields: Insights does not discover them.
    result = await runInCloudWatch(io, queryText, options as CloudWatchOptions, limit, options.format ? RecordFormat.fromFormatString(options.format) : undefined);
  } else result = await runLocalFlowQuery(io, queryText, options, limit);
  return { columns: [...result.columns], rows: [...result.rows], warnings: [...result.warnings], result };
}

/** A number field of a row, when present and numeric. */
function numberField(row: ResultRow, name: string): number | undefined {
  const value = row[name];
  return value === undefined || value === '' || value === '-' || !Number.isFinite(Number(value)) ? undefined : Number(value);
}

function explainRows(spec: NetworkSpec, rows: ResultRow[]): ResultRow[] {
  const annotator = createAnnotator(modelFromSpec(spec));
  return rows.map((r) => {
    const { srcAddr, dstAddr, dstPort } = r;
    if (!srcAddr || !dstAddr || !dstPort) return { ...r, explanation: 'needs srcAddr, dstAddr and dstPort in the result to explain' };
    const srcPort = numberField(r, 'srcPort');
    const tcpFlags = numberField(r, 'tcpFlags');
    return {
      ...r,
      explanation: annotator.explain({ srcAddr, dstAddr, dstPort: Number(dstPort), protocol: numberField(r, 'protocol') ?? 6, ...(srcPort !== undefined ? { srcPort } : {}), ...(tcpFlags !== undefined ? { tcpFlags } : {}), ...(r['action'] ? { action: r['action'] } : {}) }).text,
    };
  });
}

/** The query: the argument, or the text of --query-file (exactly one of them). */
async function queryTextOf(argument: string | undefined, file: string | undefined): Promise<string> {
  if (argument !== undefined && file !== undefined) throw new AbortError('give the query as the argument or with --query-file, not both', 'drop one of them');
  if (file === undefined) {
    if (argument === undefined) throw new AbortError('no query: give the query text as the argument, or --query-file FILE', 'e.g. artos-net flowlogs query \'stats count() by action\' --file logs/');
    return argument;
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new AbortError(`cannot read the query file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'check the path given to --query-file');
  }
}

/** `--file` (repeatable), shared by the commands that read flow logs. */
function addFileOption(command: Command, description = 'flow-log files or folders (repeatable; - for stdin)'): Command {
  // Local files or CloudWatch: one source per run, so a flag of each is a mistake worth naming.
  return command.addOption(new Option('--file <path>', description).argParser((v: string, all: string[]) => [...all, v]).default([] as string[], 'none').conflicts('logGroup'));
}

/** `artos-net flowlogs query|sample`. */
export function flowlogsCommand(context: CommandContext): Command {
  const { io } = context;
  const flowlogs = new Command('flowlogs');

  addFileOption(addSpecOptions(addCloudWatchOptions(flowlogs
    .command('query')
    .description('run a Logs Insights query over local flow-log files (plain or gzip), stdin, or in CloudWatch (--log-group)'))), 'a file or folder of flow-log records (repeatable; - for stdin)')
    .option('--explain', 'add an explanation of each row from the model (needs srcAddr, dstAddr, dstPort)')
    .argument('[query]', 'the query text, e.g. \'filter action = "REJECT" | stats count() by srcAddr, dstPort\'')
    .option('--query-file <file>', 'read the query text from this file (long queries), instead of the argument')
    .option('--format <format>', 'custom record format as AWS writes it, e.g. "${version} ${srcaddr} ${dstaddr}" (default: the file header, else the default format)')
    .option('--strict', 'stop at the first malformed line (exit 2)')
    .option('--json', 'print the result and statistics as JSON')
    .addOption(new Option('--csv', 'print the result as CSV').conflicts('json'))
    .addHelpText('after', '\nExamples:\n  artos-net flowlogs query \'filter action = "REJECT" | stats count() as n by srcAddr, dstPort | sort n desc | limit 20\' --file logs/\n  artos-net flowlogs sample --records 100000 | artos-net flowlogs query \'stats sum(bytes) by action\'\n')
    .action(async (queryArgument: string | undefined, options: QueryOptions & SpecSourceOptions & { explain?: boolean; queryFile?: string }) => {
      const started = performance.now();
      const queryText = await queryTextOf(queryArgument, options.queryFile);
      const out = await wrapFlowErrors(() => queryAnywhere(io, queryText, options));
      const spec = options.explain ? (await loadValidSpec(options)).spec : undefined;
      const rows = spec ? explainRows(spec, out.rows) : out.rows;
      const columns = spec ? [...out.columns, 'explanation'] : out.columns;
      const seconds = (performance.now() - started) / 1000;
      renderResult(io, { ...out.result, columns, rows }, options.json ? 'json' : options.csv ? 'csv' : 'table', seconds);
      context.finish(EXIT_OK);
    });

  addFileOption(addSpecOptions(addCloudWatchOptions(flowlogs.command('detect').description("run the seed's threat detectors (rejected patterns, unusual sources, port scans, exfiltration); exit 1 when one fires"))))
    .option('--json', 'print the findings as JSON')
    .action(async (options: QueryOptions & SpecSourceOptions) => {
      const { spec } = await loadValidSpec(options);
      const runs = await runDetectors(async (text) => (await wrapFlowErrors(() => queryAnywhere(io, text, options, DEFAULT_INSIGHTS_LIMITS.maxResultRows))).rows, { vpcCidr: spec.vpcCidr });
      const findings = runs.flatMap((r) => r.findings);
      if (options.json) writeJson(io, { runs });
      else {
        for (const r of runs) {
          io.out(`${r.detector}: ${r.error ? `could not run (${r.error})` : r.findings.length === 0 ? 'nothing found' : `${r.findings.length} finding(s)`}\n`);
          for (const f of r.findings) io.out(sanitizeForTerminal(`  [${f.severity}] ${f.title}\n    when: ${f.window.start ?? '?'} – ${f.window.end ?? '?'}\n    do: ${f.action}\n`));
        }
      }
      context.finish(findings.length > 0 || runs.some((r) => r.error) ? 1 : EXIT_OK);
    });

  addFileOption(addSpecOptions(addCloudWatchOptions(flowlogs.command('explain').description('explain REJECT records with the model: which group and rule decided'))))
    .option('--port <n>', 'only this destination port (e.g. 5432)', wholeNumber('--port', 0, MAX_PORT, '5432'))
    .option('--limit <n>', `rejected flows to explain (at most ${DEFAULT_INSIGHTS_LIMITS.maxResultRows.toLocaleString('en-US')}, Logs Insights' limit)`, wholeNumber('--limit', 1, DEFAULT_INSIGHTS_LIMITS.maxResultRows, '20'), 20)
    .option('--json', 'print as JSON')
    .action(async (options: QueryOptions & SpecSourceOptions & { port?: number; limit: number }) => {
      const { spec } = await loadValidSpec(options);
      const portFilter = options.port !== undefined ? ` and dstPort = ${options.port}` : '';
      const text = `filter action = "REJECT"${portFilter} | stats count() as records by srcAddr, dstAddr, dstPort, protocol, action | sort records desc | limit ${options.limit}`;
      const out = await wrapFlowErrors(() => queryAnywhere(io, text, options));
      const rows = explainRows(spec, out.rows);
      if (options.json) writeJson(io, { query: text, rows });
      else if (rows.length === 0) io.out('no REJECT records in the input\n');
      else for (const r of rows) io.out(sanitizeForTerminal(`${r['records']}× ${r['explanation']}\n`));
      context.finish(EXIT_OK);
    });

  addFileOption(addSpecOptions(addCloudWatchOptions(flowlogs.command('audit').description('security-group rules that no accepted traffic used in the range (candidates to remove)'))))
    .option('--json', 'print the audit as JSON')
    .action(async (options: QueryOptions & SpecSourceOptions) => {
      const { spec } = await loadValidSpec(options);
      const out = await wrapFlowErrors(() => queryAnywhere(io, findCannedQuery('accepted-flows')!.text(), options, DEFAULT_INSIGHTS_LIMITS.maxResultRows));
      const audit = auditRules(modelFromSpec(spec), acceptedFlowsFromRows(out.rows));
      if (options.json) writeJson(io, { flowsConsidered: audit.flowsConsidered, rules: audit.rules.map((r) => ({ id: r.rule.catalogId ?? r.groupId, group: r.groupId, rule: r.text, flows: r.flows, lastSeen: r.lastSeen })) });
      else {
        io.out(`${audit.flowsConsidered.toLocaleString('en-US')} accepted records considered; ${audit.unused.length} of ${audit.rules.length} rules saw no traffic:\n`);
        for (const u of audit.unused) io.out(`  unused  ${u.text}\n`);
        for (const w of out.warnings) io.err(`warning: ${w}\n`);
      }
      context.finish(EXIT_OK);
    });

  flowlogs
    .command('canned')
    .description('list the canned queries (the seed\'s flow-log analysis) with their text')
    .option('--json', 'print as JSON')
    .action((options: { json?: boolean }) => {
      if (options.json) writeJson(io, CANNED_QUERIES.map((q) => ({ id: q.id, title: q.title, description: q.description, parameters: q.parameters, query: q.text() })));
      else for (const q of CANNED_QUERIES) io.out(`${q.id}: ${q.title}\n  ${q.description}\n  ${q.text()}\n\n`);
      context.finish(EXIT_OK);
    });

  addSpecOptions(flowlogs.command('sample').description('write deterministic sample traffic for a network, with the seed\'s incidents'))
    .option('--records <n>', 'records to write', (v: string) => Number(v), 10_000)
    .option('--seed <n>', 'random seed', (v: string) => Number(v), 1)
    .option('--start <unix-seconds>', 'time of the first record', (v: string) => Number(v), 1_700_000_000)
    .option('--clean', 'no incidents (port scan, RDS rejects, exfiltration)')
    .option('--no-node-ports', 'no NodePort traffic')
    .option('--header', 'write the S3-style header line first')
    .option('--out <file>', 'write to a file (gzip when it ends in .gz) instead of stdout')
    .option('--gzip', 'gzip the output')
    .action(async (options: SpecSourceOptions & { records: number; seed: number; start: number; clean?: boolean; nodePorts: boolean; header?: boolean; out?: string; gzip?: boolean }) => {
      if (!Number.isInteger(options.records) || options.records < 1) throw new AbortError(`--records ${options.records}: expected a positive whole number`, 'e.g. --records 100000');
      const { spec } = await loadValidSpec(options);
      const lines = generateSampleTraffic(spec, { records: options.records, seed: options.seed, start: options.start, incidents: options.clean ? false : {}, nodePorts: options.nodePorts, header: options.header ?? false });
      if (!options.out) {
        for (const line of lines) if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
      } else {
        const file = createWriteStream(options.out);
        const gzip = options.gzip || options.out.endsWith('.gz');
        const sink = gzip ? createGzip() : file;
        if (gzip) (sink as ReturnType<typeof createGzip>).pipe(file);
        for (const line of lines) if (!sink.write(`${line}\n`)) await once(sink, 'drain');
        sink.end();
        await once(file, 'close');
        io.err(`wrote ${options.records.toLocaleString('en-US')} records to ${options.out}\n`);
      }
      context.finish(EXIT_OK);
    });
  return flowlogs;
}
