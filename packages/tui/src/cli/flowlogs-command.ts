import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { Command } from 'commander';
import { stringify as toCsv } from 'csv-stringify/sync';
import {
  RecordFormat,
  generateSampleTraffic,
  isFlowLogError,
  parseQuery,
  runQueryOnSources,
  expandPaths,
  fileChunks,
  type ParseInfo,
  type QueryResult,
} from '@artos/flowlog-analyzer';
import { AbortError, EXIT_OK } from './cli-errors.js';
import { addSpecOptions, type CommandContext } from './common-options.js';
import { writeJson, type CliIo } from './io.js';
import { loadValidSpec, type SpecSourceOptions } from './spec-source.js';
import { textTable } from '../render/text-table.js';
import { sanitizeForTerminal } from '../private/sanitize.js';

function describeMalformed(info: ParseInfo): string {
  const parts = Object.entries(info.malformed).map(([code, e]) => `${code} ${e!.count} (line ${e!.firstLines.join(', ')}${e!.count > e!.firstLines.length ? ', …' : ''})`);
  return parts.length === 0 ? 'none' : parts.join('; ');
}

/** The statistics line, as Insights reports them: records and bytes scanned, records matched. */
export function statisticsLine(result: QueryResult, seconds: number): string {
  const s = result.statistics;
  return `scanned ${s.recordsScanned.toLocaleString('en-US')} records (${(s.bytesScanned / 2 ** 20).toFixed(1)} MiB) in ${s.files} file(s), ${seconds.toFixed(2)} s; matched ${s.recordsMatched.toLocaleString('en-US')}; returned ${result.rows.length}${result.truncated ? ' (truncated by the row limit)' : ''}; malformed lines: ${describeMalformed(s.info)}`;
}

export function renderResult(io: CliIo, result: QueryResult, output: 'table' | 'json' | 'csv', seconds: number): void {
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
  io.err(`${statisticsLine(result, seconds)}\n`);
}

async function* stdinChunks(): AsyncGenerator<Uint8Array> {
  for await (const chunk of process.stdin) yield chunk as Uint8Array;
}

interface QueryOptions {
  readonly file: string[];
  readonly format?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly strict?: boolean;
}

/** Runs a query over local files (or stdin), with progress on stderr when it is a terminal. */
export async function runLocalFlowQuery(io: CliIo, queryText: string, options: QueryOptions): Promise<QueryResult> {
  const query = parseQuery(queryText);
  const format = options.format ? RecordFormat.fromFormatString(options.format) : undefined;
  const useStdin = options.file.length === 0 || options.file.includes('-');
  if (useStdin && process.stdin.isTTY && options.file.length === 0) {
    throw new AbortError('no flow-log input: give --file FILE (repeatable, folders and .gz welcome) or pipe records into stdin', 'e.g. artos-net flowlogs sample | artos-net flowlogs query "stats count() by action"');
  }
  const files = await expandPaths(options.file.filter((f) => f !== '-'));
  const sources = [...files.map((f) => ({ name: f, chunks: fileChunks(f) })), ...(useStdin ? [{ name: '<stdin>', chunks: stdinChunks() }] : [])];
  const progress = process.stderr.isTTY === true;
  return runQueryOnSources(query, sources, {
    ...(format ? { format } : {}),
    strict: options.strict ?? false,
    ...(progress ? { onProgress: (info: ParseInfo, file: string) => process.stderr.write(`\r${info.records.toLocaleString('en-US')} records, ${(info.bytes / 2 ** 20).toFixed(0)} MiB — ${sanitizeForTerminal(file)}\u001b[K`) } : {}),
  }).finally(() => {
    if (progress) process.stderr.write('\r\u001b[K');
  });
}

function wrapFlowErrors<T>(fn: () => Promise<T>): Promise<T> {
  return fn().catch((error: unknown) => {
    if (isFlowLogError(error)) throw new AbortError(error.message, error.context.hint ?? (error.code.startsWith('query') ? 'see the Logs Insights query syntax; run with --help for examples' : 'check the input'));
    throw error;
  });
}

/** `artos-net flowlogs query|sample`. */
export function flowlogsCommand(context: CommandContext): Command {
  const { io } = context;
  const flowlogs = new Command('flowlogs').description('read VPC flow logs: Logs Insights queries locally, sample traffic');

  flowlogs
    .command('query')
    .description('run a CloudWatch Logs Insights query over local flow-log files (plain or gzip) or stdin')
    .argument('<query>', 'the query text, e.g. \'filter action = "REJECT" | stats count() by srcAddr, dstPort\'')
    .option('--file <path>', 'a file or folder of flow-log records (repeatable; - for stdin)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--format <format>', 'custom record format as AWS writes it, e.g. "${version} ${srcaddr} ${dstaddr}" (default: the file header, else the default format)')
    .option('--strict', 'stop at the first malformed line (exit 2)')
    .option('--json', 'print the result and statistics as JSON')
    .option('--csv', 'print the result as CSV')
    .addHelpText('after', '\nExamples:\n  artos-net flowlogs query \'filter action = "REJECT" | stats count() as n by srcAddr, dstPort | sort n desc | limit 20\' --file logs/\n  artos-net flowlogs sample --records 100000 | artos-net flowlogs query \'stats sum(bytes) by action\'\n')
    .action(async (queryText: string, options: QueryOptions) => {
      const started = performance.now();
      const result = await wrapFlowErrors(() => runLocalFlowQuery(io, queryText, options));
      renderResult(io, result, options.json ? 'json' : options.csv ? 'csv' : 'table', (performance.now() - started) / 1000);
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
      const { spec } = await loadValidSpec(options, 'production');
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
