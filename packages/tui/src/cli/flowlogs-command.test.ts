import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeFlowLogsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { cli } from '../../test/cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'artos-flowcli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SEED_QUERY =
  'fields @timestamp, srcAddr, dstAddr, dstPort, action\n| filter action = "REJECT"\n| stats count() by srcAddr, dstPort\n| sort count desc\n| limit 20';

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
    // With the fix the warning gives, the RDS rejects from the rogue pod come first.
    const fixed = await cli('flowlogs', 'query', SEED_QUERY.replace('stats count() by', 'stats count() as count by'), '--file', file, '--json');
    const fixedBody = JSON.parse(fixed.stdout) as { rows: Record<string, string>[]; warnings: string[] };
    expect(fixedBody.warnings).toEqual([]);
    expect(fixedBody.rows[0]).toEqual({ srcAddr: expect.stringMatching(/^10\.0\.30\./), dstPort: '5432', count: '30' });
  });

  it('prints a table and the statistics on stderr, and CSV on request', async () => {
    const file = join(dir, 'table.log');
    await cli('flowlogs', 'sample', '--records', '2000', '--clean', '--out', file);
    const table = await cli('flowlogs', 'query', 'stats count() as n by logStatus | sort logStatus asc', '--file', file);
    expect(table.stdout).toMatch(/^logStatus\s+n\nNODATA\s+\d+\nOK\s+\d+/);
    expect(table.stderr).toMatch(/scanned 2,000 records .* matched/);
    const csv = await cli('flowlogs', 'query', 'stats count() as n by action | sort action asc', '--file', file, '--csv');
    expect(csv.stdout.split('\n')[0]).toBe('action,n');
    // Clean traffic: what the network admits, so no REJECT.
    expect(csv.stdout.split('\n')[1]).toMatch(/^ACCEPT,\d+$/);
    expect(csv.stdout).not.toContain('REJECT');
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
    await cli('flowlogs', 'sample', '--records', '20000', '--format', 'rich', '--header', '--out', incidents);
    await cli('flowlogs', 'sample', '--records', '20000', '--format', 'rich', '--header', '--clean', '--out', clean);
    const found = await cli('flowlogs', 'detect', '--file', incidents, '--json');
    expect(found.code).toBe(1);
    const runs = (JSON.parse(found.stdout) as { runs: { detector: string; findings: unknown[]; error?: string }[] }).runs;
    expect(runs.every((r) => r.error === undefined)).toBe(true);
    expect(Object.fromEntries(runs.map((r) => [r.detector, r.findings.length > 0]))).toEqual({
      'repeated-rejects': true,
      'unusual-sources': true,
      'port-scan': true,
      exfiltration: true,
      'unanswered-connections': true,
      resets: true,
      'capture-gaps': true,
      'pod-attribution': true,
      // The seed's network routes nothing out of the VPC: no transfer can leave by another path.
      'unexpected-traffic-path': true,
      'reject-reasons': true,
    });
    const quiet = await cli('flowlogs', 'detect', '--file', clean);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toContain('port-scan: nothing found');
  });

  it('explain names the group and rule behind the RDS rejects; audit lists unused rules', async () => {
    const incidents = join(dir, 'incidents.log');
    const explained = await cli('flowlogs', 'explain', '--file', incidents, '--port', '5432');
    expect(explained.stdout).toMatch(/30× 10\.0\.30\.\d+ \(private subnet planned-private-subnet-3\) → 10\.0\.100\.\d+:5432/);
    expect(explained.stdout).toMatch(
      /rule tcp 5432 from group eks-nodes \(planned-eks-nodes-sg\) \("PostgreSQL from application pods"\) admits it if 10\.0\.30\.\d+ is in group eks-nodes/,
    );
    const audit = await cli('flowlogs', 'audit', '--file', incidents, '--json');
    const body = JSON.parse(audit.stdout) as { rules: { id: string; flows: number }[] };
    expect(body.rules.find((r) => r.id === 'rds/ingress/tcp-5432-from-eks-nodes')!.flows).toBeGreaterThan(0);
    expect(body.rules.find((r) => r.id === 'eks-cluster/ingress/tcp-12379-from-self')!.flows).toBe(0);
  });

  it('sample writes exactly --records records, gzip on stdout too, and reports its incidents on stderr', () => {
    const bin = fileURLToPath(new URL('../../dist/bin/artos-net.js', import.meta.url));
    const five = spawnSync(process.execPath, [bin, 'flowlogs', 'sample', '--records', '5'], { encoding: 'utf8' });
    expect(five.status).toBe(0);
    expect(five.stdout.split('\n').filter((l) => l !== '')).toHaveLength(5);
    expect(five.stderr).toMatch(/incident outside-scan left out: needs 150 records, \d+ left of --records 5/);
    const gz = spawnSync(process.execPath, [bin, 'flowlogs', 'sample', '--records', '300', '--gzip'], { encoding: 'buffer' });
    expect(gz.status).toBe(0);
    expect(
      gunzipSync(gz.stdout)
        .toString()
        .split('\n')
        .filter((l) => l !== ''),
    ).toHaveLength(300);
    const custom = spawnSync(
      process.execPath,
      [bin, 'flowlogs', 'sample', '--records', '50', '--format', '${version} ${srcaddr} ${tcp-flags} ${flow-direction}'],
      { encoding: 'utf8' },
    );
    // AWS "Flow log records", version: the highest version among the fields (flow-direction is 5).
    expect(custom.stdout.split('\n')[0]).toMatch(/^5 /);
  });

  it("sample --template judges on the template's network: without the nodes' S3 egress rule, image pulls are blocked", async () => {
    // The fixture is the production preset as synthesized; the same template with the S3 egress
    // rule deleted is the seed's exact node egress ("All traffic to VPC CIDR"), which blocks S3
    // (AWS, "Gateway endpoints for Amazon S3": the security group must allow traffic to S3's prefix list).
    const fixture = fileURLToPath(new URL('../../test/fixtures/production.template.json', import.meta.url));
    const template = JSON.parse(readFileSync(fixture, 'utf8')) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    const asDeployed = await cli(
      'flowlogs',
      'sample',
      '--records',
      '3000',
      '--template',
      fixture,
      '--incidents',
      's3-pull-blocked',
      '--out',
      join(dir, 'deployed.log'),
    );
    expect(asDeployed.code).toBe(0);
    expect(asDeployed.stderr).toMatch(/incident s3-pull-blocked left out: the nodes may reach S3/);
    const withoutS3 = Object.fromEntries(
      Object.entries(template.Resources).filter(([, r]) => !(r.Type === 'AWS::EC2::SecurityGroupEgress' && 'DestinationPrefixListId' in r.Properties)),
    );
    const edited = join(dir, 'no-s3-egress.template.json');
    writeFileSync(edited, JSON.stringify({ ...template, Resources: withoutS3 }));
    const blocked = await cli(
      'flowlogs',
      'sample',
      '--records',
      '3000',
      '--template',
      edited,
      '--incidents',
      's3-pull-blocked',
      '--out',
      join(dir, 'blocked.log'),
    );
    expect(blocked.code).toBe(0);
    expect(blocked.stderr).toMatch(
      /incident s3-pull-blocked: node \S+ pulls image layers from S3 \(52\.216\.8\.19:443\) and is blocked by its own egress rules/,
    );
    const missing = await cli('flowlogs', 'sample', '--records', '10', '--template', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
  });

  it("sample says where its outside ranges come from: assumed when the spec declares none, else the spec's", async () => {
    const assumed = await cli('flowlogs', 'sample', '--records', '2000', '--out', join(dir, 'assumed.log'));
    expect(assumed.stderr).toContain(
      'outside ranges: the spec declares none (outsideRanges), so the sample assumes on-premises 192.168.0.0/16 over vpn, partner 198.51.100.0/24 over vpn',
    );
    const spec = join(dir, 'outside.yaml');
    writeFileSync(spec, 'namePrefix: artos-outside\noutsideRanges:\n  - { name: datacenter, cidr: 172.20.0.0/16, via: vpn }\n');
    const declared = await cli('flowlogs', 'sample', '--spec', spec, '--records', '4000', '--incidents', 'outside-scan', '--out', join(dir, 'declared.log'));
    expect(declared.code).toBe(0);
    expect(declared.stderr).not.toContain('assumes');
    expect(declared.stderr).toMatch(/incident outside-scan: 172\.20\.0\.99 \(datacenter, 172\.20\.0\.0\/16\) probes/);
  });

  it('sample on a spec without subnet CIDRs says what it needs (exit 2)', async () => {
    const r = await cli('flowlogs', 'sample', '--preset', 'existing-vpc', '--records', '10');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("needs the private subnets' CIDRs");
  });

  it('sample validates its options (exit 2)', async () => {
    for (const args of [
      ['--start', 'abc'],
      ['--records', '0'],
      ['--records', '2.5'],
      ['--seed', '-1'],
      ['--format', '${nope}'],
      ['--incidents', 'meteor'],
      ['--clean', '--incidents', 'outside-scan'],
    ]) {
      const r = await cli('flowlogs', 'sample', ...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).not.toMatch(/NaN|at .*\.js:\d+/);
    }
  });

  it('detect and audit on empty or damaged input say so (exit 2), never a clean bill', async () => {
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    for (const cmd of ['detect', 'audit']) {
      const r = await cli('flowlogs', cmd, '--file', empty);
      expect({ cmd, code: r.code }).toEqual({ cmd, code: 2 });
      expect(r.stderr).toContain('no flow-log records in the input');
    }
    const whole = join(dir, 'whole.log.gz');
    await cli('flowlogs', 'sample', '--records', '3000', '--clean', '--format', 'rich', '--header', '--out', whole);
    const cut = join(dir, 'cut.log.gz');
    writeFileSync(cut, readFileSync(whole).subarray(0, 4000));
    for (const cmd of ['detect', 'audit']) {
      const r = await cli('flowlogs', cmd, '--file', cut);
      // Exit 2 (input) when nothing was found; 1 when the cut left half a conversation that a detector reports.
      expect({ cmd, clean: r.code === 0 }).toEqual({ cmd, clean: false });
      expect(r.stderr).toContain('the input is incomplete');
      expect(r.stderr).toContain('truncated-gzip');
    }
    const clean = await cli('flowlogs', 'audit', '--file', whole);
    expect(clean.code).toBe(0);
  });

  it('doctor rds --flow-logs on empty or truncated files makes the flow-log step unknown, never a pass', async () => {
    const empty = join(dir, 'doctor-empty.log');
    writeFileSync(empty, '');
    const r = await cli('doctor', 'rds', '--flow-logs', empty, '--json');
    expect(r.code).not.toBe(0);
    const step = JSON.stringify(JSON.parse(r.stdout));
    expect(step).toContain('no flow-log records');
    const whole = join(dir, 'doctor-whole.log.gz');
    await cli('flowlogs', 'sample', '--records', '3000', '--out', whole);
    const cut = join(dir, 'doctor-cut.log.gz');
    writeFileSync(cut, readFileSync(whole).subarray(0, 4000));
    const truncated = await cli('doctor', 'rds', '--flow-logs', cut, '--json');
    expect(truncated.code).not.toBe(0);
    expect(truncated.stdout).toContain('the flow logs are incomplete');
    expect(truncated.stdout).toContain('truncated-gzip');
  });

  it('query --explain over a fresh sample finds no record that contradicts its action', async () => {
    const file = join(dir, 'explain-rich.log');
    await cli('flowlogs', 'sample', '--records', '6000', '--format', 'rich', '--header', '--out', file);
    const r = await cli(
      'flowlogs',
      'query',
      'stats count() as n by srcAddr, dstAddr, srcPort, dstPort, protocol, tcpFlags, action | limit 10000',
      '--file',
      file,
      '--explain',
      '--json',
    );
    const rows = (JSON.parse(r.stdout) as { rows: { explanation: string }[] }).rows;
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.filter((x) => /although/.test(x.explanation)).map((x) => x.explanation)).toEqual([]);
  });

  it('detect names the fields a format lacks instead of finding nothing', async () => {
    const plain = join(dir, 'plain.log');
    await cli('flowlogs', 'sample', '--records', '3000', '--out', plain);
    const r = await cli('flowlogs', 'detect', '--file', plain, '--json');
    const runs = (JSON.parse(r.stdout) as { runs: { detector: string; error?: string }[] }).runs;
    expect(runs.find((x) => x.detector === 'unanswered-connections')!.error).toContain('${tcp-flags}');
    expect(runs.find((x) => x.detector === 'pod-attribution')!.error).toContain('${pkt-srcaddr}');
  });

  it('query --histogram draws accepted and rejected records over time, reading piped input twice', () => {
    const bin = fileURLToPath(new URL('../../dist/bin/artos-net.js', import.meta.url));
    const sample = spawnSync(process.execPath, [bin, 'flowlogs', 'sample', '--records', '4000'], { encoding: 'utf8' });
    const r = spawnSync(process.execPath, [bin, 'flowlogs', 'query', 'filter action = "REJECT" | stats count() as n', '--histogram'], {
      input: sample.stdout,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    // One hour from 1700000000 in 5-minute buckets aligned on the epoch, as bin() does: 13 bars.
    const buckets = Math.floor((1_700_000_000 + 3599) / 300) - Math.floor(1_700_000_000 / 300) + 1;
    expect(r.stdout.split('\n').filter((l) => /^\d\d:\d\d {2}[█▒]/.test(l))).toHaveLength(buckets);
    expect(r.stdout).toContain('! SKIPDATA');
    const rejects = Number(/n\s*\n(\d+)/.exec(r.stdout)![1]);
    const drawn = [...r.stdout.matchAll(/(\d+) REJECT/g)].reduce((s, m) => s + Number(m[1]), 0);
    expect(drawn).toBe(rejects);
  });

  it('canned takes the endpoint filter from the spec, not a literal address', async () => {
    const r = await cli('flowlogs', 'canned', '--json');
    const q = (JSON.parse(r.stdout) as { id: string; query: string }[]).find((x) => x.id === 'endpoint-usage')!;
    expect(q.query).toContain('isIpv4InSubnet(dstAddr, "10.0.30.0/24")');
    expect(q.query).not.toContain('10.0.10.100');
  });

  it('checks the query before going to CloudWatch, and reports a missing region or credentials as input errors', async () => {
    const bad = await cli('flowlogs', 'query', 'filter x =', '--log-group', '/vpc/vpc-0123456789abcdef0/flow-logs');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('column');
  });

  it('runs the same query text in CloudWatch Logs Insights with --log-group, reporting its statistics', async () => {
    const ec2 = mockClient(EC2Client);
    ec2.on(DescribeFlowLogsCommand).resolves({ FlowLogs: [] });
    const logs = mockClient(CloudWatchLogsClient);
    logs.on(StartQueryCommand).resolves({ queryId: 'q-cli' });
    logs.on(GetQueryResultsCommand).resolves({
      status: 'Complete',
      results: [
        [
          { field: 'srcAddr', value: '10.0.10.77' },
          { field: 'n', value: '40' },
          { field: '@ptr', value: 'p1' },
        ],
      ],
      statistics: { recordsMatched: 40, recordsScanned: 120_000, bytesScanned: 12_582_912 },
    });
    const r = await cli(
      'flowlogs',
      'query',
      'filter dstPort = 5432 and action = "REJECT" | stats count() as n by srcAddr',
      '--log-group',
      '/vpc/vpc-0123456789abcdef0/flow-logs',
      '--since',
      '2h',
      '--region',
      'eu-west-1',
    );
    logs.restore();
    ec2.restore();
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
