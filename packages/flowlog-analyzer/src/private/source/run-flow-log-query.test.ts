import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand, type ResultField } from '@aws-sdk/client-cloudwatch-logs';
import { RecordFormat } from '../record-format.js';
import { runFlowLogQuery } from './run-flow-log-query.js';
import type { FlowLogSource } from './flow-log-source.js';

// Records from AWS's "Flow log record examples" page (VPC User Guide): 3 accepted, 2 rejected,
// one NODATA record (no action), and one broken line. Expected counts are counted by hand from them.
const ACCEPTED = '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK';
const REJECTED = '2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK';
const NODATA = '2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA';
const first = [ACCEPTED, REJECTED, ACCEPTED, '2 123 eni-broken'];
const second = [NODATA, ACCEPTED, REJECTED];
const QUERY = 'filter ispresent(action) | stats count() as n by action | sort action asc';
const EXPECTED_ROWS = [
  { action: 'ACCEPT', n: '3' },
  { action: 'REJECT', n: '2' },
];

const dir = mkdtempSync(join(tmpdir(), 'artos-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const plain = join(dir, 'first.log');
writeFileSync(plain, `${first.join('\n')}\n`);
const folder = join(dir, 'folder');
mkdirSync(folder);
writeFileSync(join(folder, 'a.log'), `${first.join('\n')}\n`);
writeFileSync(join(folder, 'b.log.gz'), gzipSync(`${second.join('\n')}\n`));

const logs = mockClient(CloudWatchLogsClient);
const client = new CloudWatchLogsClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
beforeEach(() => logs.reset());
const fields = (row: Record<string, string>): ResultField[] => Object.entries(row).map(([field, value]) => ({ field, value }));

describe('runFlowLogQuery: one dispatcher for every source', () => {
  it.each<[string, () => FlowLogSource]>([
    ['a folder of plain and gzip files', () => ({ kind: 'files', paths: [folder] })],
    ['a plain file and stdin (gzip)', () => ({ kind: 'files', paths: [plain], stdin: Readable.from([gzipSync(`${second.join('\n')}\n`)]) })],
  ])('gives the rows and honest statistics of %s', async (_name, source) => {
    const result = await runFlowLogQuery(QUERY, source());
    expect(result.rows).toEqual(EXPECTED_ROWS);
    expect(result.statistics).toMatchObject({ source: 'files', recordsScanned: 6, recordsMatched: 5, files: expect.any(Number) as number });
    expect(result.statistics.info.malformed).toEqual({ 'field-count': { count: 1, firstLines: [4] } });
  });

  it('runs the same text in CloudWatch, with Insights statistics and the parse of a custom format', async () => {
    logs.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logs.on(GetQueryResultsCommand).resolves({
      status: 'Complete',
      results: EXPECTED_ROWS.map((r) => fields({ ...r, '@ptr': 'p' })),
      statistics: { recordsMatched: 5, recordsScanned: 6, bytesScanned: 700 },
    });
    const format = RecordFormat.fromFormatString('${version} ${srcaddr} ${dstaddr} ${action}');
    const result = await runFlowLogQuery(
      QUERY,
      { kind: 'cloudwatch', client, logGroupNames: ['/vpc/flow-logs'], startTime: 1_418_530_000, endTime: 1_418_531_000 },
      { format },
    );
    expect(result.columns).toEqual(['action', 'n']);
    expect(result.rows).toEqual(EXPECTED_ROWS);
    expect(result.statistics).toMatchObject({ source: 'cloudwatch', recordsScanned: 6, bytesScanned: 700, recordsMatched: 5, files: 0, queries: 1 });
    // Insights does not discover a custom format's fields: the query names them with parse @message.
    expect(logs.commandCalls(StartQueryCommand)[0]!.args[0].input.queryString).toMatch(
      /^parse @message "\* \* \* \*" as version, srcAddr, dstAddr, action\n\| filter/,
    );
  });

  it('refuses a bad query before it reaches CloudWatch, and an empty folder', async () => {
    await expect(
      runFlowLogQuery('filter action = ', { kind: 'cloudwatch', client, logGroupNames: ['/vpc/flow-logs'], startTime: 0, endTime: 1 }),
    ).rejects.toThrow(/column/);
    expect(logs.commandCalls(StartQueryCommand)).toHaveLength(0);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await expect(runFlowLogQuery(QUERY, { kind: 'files', paths: [empty] })).rejects.toThrow(/no flow-log files/);
  });

  it('stops waiting for a local query when its signal fires', async () => {
    const controller = new AbortController();
    const never: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<Uint8Array>>(() => undefined) }) };
    const running = runFlowLogQuery(QUERY, { kind: 'files', paths: [], stdin: never }, { signal: controller.signal });
    controller.abort(new Error('cancelled'));
    await expect(running).rejects.toThrow('cancelled');
  });
});
