import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { cli } from '../../test/cli-harness.js';


const dir = mkdtempSync(join(tmpdir(), 'artos-flowcli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SEED_QUERY = 'fields @timestamp, srcAddr, dstAddr, dstPort, action\n| filter action = "REJECT"\n| stats count() by srcAddr, dstPort\n| sort count desc\n| limit 20';

describe('artos-net flowlogs', () => {
  it('sample writes gzip that query reads, and the seed query runs with its warning', async () => {
    const file = join(dir, 'sample.log.gz');
    expect((await cli('flowlogs', 'sample', '--records', '5000', '--out', file)).code).toBe(0);
    expect(gunzipSync(readFileSync(file)).toString().split('\n')[0]).toMatch(/^2 123456789012 eni-/);
    const r = await cli('flowlogs', 'query', SEED_QUERY, '--file', file, '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { columns: string[]; rows: Record<string, string>[]; warnings: string[]; statistics: { recordsScanned: number } };
    expect(body.columns).toEqual(['srcAddr', 'dstPort', 'count()']);
    expect(body.rows).toHaveLength(20);
    expect(body.warnings[0]).toContain('sort count');
    expect(body.statistics.recordsScanned).toBe(5000);
    // With the fix the warning gives, the RDS rejects from the rogue client come first.
    const fixed = await cli('flowlogs', 'query', SEED_QUERY.replace('stats count() by', 'stats count() as count by'), '--file', file, '--json');
    const fixedBody = JSON.parse(fixed.stdout) as { rows: Record<string, string>[]; warnings: string[] };
    expect(fixedBody.warnings).toEqual([]);
    expect(fixedBody.rows[0]).toEqual({ srcAddr: '10.0.10.77', dstPort: '5432', count: '40' });
  });

  it('prints a table and the statistics on stderr, and CSV on request', async () => {
    const file = join(dir, 'table.log');
    await cli('flowlogs', 'sample', '--records', '2000', '--clean', '--out', file);
    const table = await cli('flowlogs', 'query', 'stats count() as n by action | sort action asc', '--file', file);
    expect(table.stdout).toMatch(/^action\s+n\nACCEPT\s+\d+\nREJECT\s+\d+/);
    expect(table.stderr).toMatch(/scanned 2,000 records .* matched/);
    const csv = await cli('flowlogs', 'query', 'stats count() as n by action | sort action asc', '--file', file, '--csv');
    expect(csv.stdout.split('\n')[0]).toBe('action,n');
  });

  it('points at a bad query token (exit 2) and names a missing file', async () => {
    const file = join(dir, 'table.log');
    const bad = await cli('flowlogs', 'query', 'filter action = ', '--file', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('column 17');
    const missing = await cli('flowlogs', 'query', 'stats count()', '--file', join(dir, 'nope.log'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
  });

  it('reads a long query from --query-file, and refuses both or neither (exit 2)', async () => {
    const file = join(dir, 'table.log');
    await cli('flowlogs', 'sample', '--records', '2000', '--clean', '--out', file);
    // A long query over several lines, as users keep them in files: 200 ports in one filter.
    const ports = Array.from({ length: 200 }, (_, i) => 1000 + i).join(', ');
    const text = `filter dstPort in [${ports}, 443]\n| stats count() as n by action\n| sort action asc\n`;
    const queryFile = join(dir, 'long.query');
    writeFileSync(queryFile, text);
    const fromFile = await cli('flowlogs', 'query', '--query-file', queryFile, '--file', file, '--json');
    const fromArgument = await cli('flowlogs', 'query', text, '--file', file, '--json');
    expect(fromFile.code).toBe(0);
    expect(text.length).toBeGreaterThan(1000);
    expect((JSON.parse(fromFile.stdout) as { rows: unknown[] }).rows).toEqual((JSON.parse(fromArgument.stdout) as { rows: unknown[] }).rows);
    const both = await cli('flowlogs', 'query', 'stats count()', '--query-file', queryFile, '--file', file);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
    const neither = await cli('flowlogs', 'query', '--file', file);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('no query');
    const missing = await cli('flowlogs', 'query', '--query-file', join(dir, 'nope.query'), '--file', file);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.query');
  });

  it('detect finds the incidents (exit 1) and is quiet on clean traffic (exit 0)', async () => {
    const incidents = join(dir, 'incidents.log');
    const clean = join(dir, 'clean.log');
    await cli('flowlogs', 'sample', '--records', '20000', '--out', incidents);
    await cli('flowlogs', 'sample', '--records', '20000', '--clean', '--out', clean);
    const found = await cli('flowlogs', 'detect', '--file', incidents, '--json');
    expect(found.code).toBe(1);
    const runs = (JSON.parse(found.stdout) as { runs: { detector: string; findings: unknown[] }[] }).runs;
    expect(runs.map((r) => [r.detector, r.findings.length])).toEqual([['repeated-rejects', 1], ['unusual-sources', 1], ['port-scan', 1], ['exfiltration', 1]]);
    const quiet = await cli('flowlogs', 'detect', '--file', clean);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toContain('port-scan: nothing found');
  });

  it('explain names the group and rule behind the RDS rejects; audit lists unused rules', async () => {
    const incidents = join(dir, 'incidents.log');
    const explained = await cli('flowlogs', 'explain', '--file', incidents, '--port', '5432');
    expect(explained.stdout).toContain('40× 10.0.10.77 (private subnet planned-private-subnet-1) → 10.0.100.20:5432');
    expect(explained.stdout).toContain('rule tcp 5432 from group eks-nodes (planned-eks-nodes-sg) ("PostgreSQL from application pods") admits it if 10.0.10.77 is in group eks-nodes');
    const audit = await cli('flowlogs', 'audit', '--file', incidents, '--json');
    const body = JSON.parse(audit.stdout) as { rules: { id: string; flows: number }[] };
    expect(body.rules.find((r) => r.id === 'rds/ingress/tcp-5432-from-eks-nodes')!.flows).toBeGreaterThan(0);
    expect(body.rules.find((r) => r.id === 'eks-cluster/ingress/tcp-12379-from-self')!.flows).toBe(0);
  });

  it('checks the query before going to CloudWatch, and reports a missing region or credentials as input errors', async () => {
    const bad = await cli('flowlogs', 'query', 'filter x =', '--log-group', '/vpc/vpc-0123456789abcdef0/flow-logs');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('column');
  });

  it('runs the same query text in CloudWatch Logs Insights with --log-group, reporting its statistics', async () => {
    const logs = mockClient(CloudWatchLogsClient);
    logs.on(StartQueryCommand).resolves({ queryId: 'q-cli' });
    logs.on(GetQueryResultsCommand).resolves({
      status: 'Complete',
      results: [[{ field: 'srcAddr', value: '10.0.10.77' }, { field: 'n', value: '40' }, { field: '@ptr', value: 'p1' }]],
      statistics: { recordsMatched: 40, recordsScanned: 120_000, bytesScanned: 12_582_912 },
    });
    const r = await cli('flowlogs', 'query', 'filter dstPort = 5432 and action = "REJECT" | stats count() as n by srcAddr', '--log-group', '/vpc/vpc-0123456789abcdef0/flow-logs', '--since', '2h', '--region', 'eu-west-1');
    logs.restore();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/srcAddr\s+n\n10\.0\.10\.77\s+40/);
    expect(r.stderr).toContain('scanned 120,000 records (12.0 MiB) in 1 query');
    const input = logs.commandCalls(StartQueryCommand)[0]?.args[0].input;
    expect(input?.queryString).toBe('filter dstPort = 5432 and action = "REJECT" | stats count() as n by srcAddr');
    expect(Math.abs((input?.endTime ?? 0) - (input?.startTime ?? 0) - 7200)).toBeLessThanOrEqual(1);
  });

  it('reads records piped into stdin (the built binary)', () => {
    const bin = fileURLToPath(new URL('../../dist/bin/artos-net.js', import.meta.url));
    const sample = spawnSync(process.execPath, [bin, 'flowlogs', 'sample', '--records', '3000'], { encoding: 'utf8' });
    const query = spawnSync(process.execPath, [bin, 'flowlogs', 'query', 'stats count() as n', '--json'], { input: sample.stdout, encoding: 'utf8' });
    expect(query.status).toBe(0);
    expect((JSON.parse(query.stdout) as { rows: { n: string }[] }).rows).toEqual([{ n: '3000' }]);
  });
});
