import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { assertValidSpec, preset, PRESET_NAMES, type PresetName } from '@artos/model';
import { generateSampleTraffic } from '@artos/flowlog-analyzer';
import { cli } from './cli-harness.js';

// Generated inputs at every command: mutated specs, damaged flow-log files, random query texts and
// odd flag values. Whatever comes in, artos-net answers 0, 1 or 2, never a stack trace, with output
// under 1 MB and memory that stays bounded. Fixed seed: a failure reproduces (fast-check prints
// the seed and the shrunk counterexample).
const SEED = 20_261_201;
const RUNS = 100;
const MAX_OUTPUT = 1_000_000;
const MAX_HEAP_GROWTH = 512 * 2 ** 20;

const dir = mkdtempSync(join(tmpdir(), 'artos-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const aFolder = join(dir, 'a-folder');
mkdirSync(aFolder);
let counter = 0;
const writeInput = (name: string, data: string | Uint8Array) => {
  const path = join(dir, `${counter++}-${name}`);
  writeFileSync(path, data);
  return path;
};

async function expectWellBehaved(argv: readonly string[]): Promise<void> {
  const before = process.memoryUsage().heapUsed;
  const r = await cli(...argv);
  const shown = `${argv.map((a) => a.slice(0, 80)).join(' ')}\n${(r.stderr + r.stdout).slice(0, 2000)}`;
  expect([0, 1, 2], shown).toContain(r.code);
  expect(r.stderr + r.stdout, shown).not.toMatch(/\n\s+at |internal error/);
  expect(r.stdout.length + r.stderr.length, shown).toBeLessThan(MAX_OUTPUT);
  expect(process.memoryUsage().heapUsed - before, shown).toBeLessThan(MAX_HEAP_GROWTH);
}

// ---- specs -------------------------------------------------------------------------------------

const oddValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    42,
    -3,
    1e308,
    '',
    '10.0.0.1/16',
    '10.0.0.0/33',
    '300.0.0.0/16',
    'sg-123',
    'vpc-0123456789abcdef0',
    ['10.0.0.0/24'],
    {},
    [],
    [1, 2],
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u001b', '[', '2', 'J', '\u0007', '\u0000', '\r', '\n', 'a'), maxLength: 20 }),
  fc.integer({ min: 1, max: 3 }).map((n) => 'x'.repeat(n * 400_000)), // over a megabyte of text
  fc.anything({ maxDepth: 2, maxKeys: 3 }),
);

/** A preset with one key set to an odd value, or removed, or an unknown key added. */
const mutatedSpec = fc
  .record({
    base: fc.constantFrom(...PRESET_NAMES),
    key: fc.constantFrom(
      'namePrefix',
      'vpcCidr',
      'vpcId',
      'privateSubnetCidrs',
      'databaseSubnetCidrs',
      'privateSubnetIds',
      'availabilityZoneCount',
      'availabilityZoneNames',
      'interfaceEndpointServices',
      'bastionSecurityGroupId',
      'additionalSecurityGroupIds',
      'tags',
      'flowLogs',
      'enableVpcEndpoints',
      'noSuchKey',
    ),
    value: fc.option(oddValue, { nil: undefined }),
  })
  .map(({ base, key, value }) => {
    const spec: Record<string, unknown> = { ...preset(base as PresetName) };
    if (value === undefined) delete spec[key];
    else spec[key] = value;
    return spec;
  });

/** The text of a spec file: JSON or YAML, whole, truncated, with aliases, duplicate keys or junk. */
const specFile = fc
  .record({
    spec: mutatedSpec,
    form: fc.constantFrom('json', 'yaml', 'truncated', 'aliases', 'duplicate', 'binary'),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    depth: fc.integer({ min: 1, max: 9 }),
  })
  .map(({ spec, form, cut, depth }) => {
    const json = JSON.stringify(spec);
    switch (form) {
      case 'json':
        return writeInput('spec.json', json);
      case 'yaml':
        return writeInput('spec.yaml', stringify(spec));
      case 'truncated':
        return writeInput('spec.yaml', stringify(spec).slice(0, Math.floor(cut * json.length)));
      case 'aliases': {
        // Each level repeats the one below it four times: 4^depth strings when expanded.
        const levels = ['l0: &l0 ["x", "x", "x", "x"]'];
        for (let i = 1; i <= depth; i++) levels.push(`l${i}: &l${i} [*l${i - 1}, *l${i - 1}, *l${i - 1}, *l${i - 1}]`);
        return writeInput('spec.yaml', `${levels.join('\n')}\n${stringify(spec)}tags: {Team: *l0}\nnamePrefix: *l${depth}\n`);
      }
      case 'duplicate':
        return writeInput('spec.json', `{"namePrefix": "a", ${json.slice(1)}`);
      default:
        return writeInput(
          'spec.yaml',
          Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + Math.floor(cut * 255)) % 256),
        );
    }
  });

// ---- flow logs -----------------------------------------------------------------------------------

const sample = [...generateSampleTraffic(assertValidSpec(preset('production')), { records: 200, seed: 3 })];

const damage = fc.constantFrom(
  (l: string) => l,
  (l: string) => l.replace(/ \d+ \d+ (ACCEPT|REJECT)/, ' 99999999999999999999999 -5 $1'), // huge, negative numbers
  (l: string) => l.replace(/1700\d{6}/g, '99999999999999'), // a start past the JavaScript date range
  (l: string) => l.replace(/eni-\w+/, `eni-${'f'.repeat(100_000)}`), // an over-long field
  (l: string) => `${l}\r`, // CRLF
  (l: string) => l.replace(' ', '\u0000'), // NUL
  (l: string) => l.replace(/10\.0\.\d+\.\d+/, '\u001b]0;pwned\u0007\u001b[2J'), // escape sequences
  (l: string) => l.slice(0, 17), // a cut line
);

const flowLogFile = fc
  .record({ damages: fc.array(damage, { minLength: 1, maxLength: 4 }), form: fc.constantFrom('plain', 'gzip', 'broken-gzip', 'header') })
  .map(({ damages, form }) => {
    const text = `${sample.map((l, i) => damages[i % damages.length]!(l)).join('\n')}\n`;
    if (form === 'gzip') return writeInput('flows.log.gz', gzipSync(text));
    if (form === 'broken-gzip') return writeInput('flows.log.gz', gzipSync(text).subarray(0, 40));
    if (form === 'header')
      return writeInput(
        'flows.log',
        `version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n${text}`,
      );
    return writeInput('flows.log', text);
  });

const queryText = fc.oneof(
  fc.constantFrom(
    'stats count() by action',
    'filter action = "REJECT" | stats count() as n by srcAddr, dstPort | sort n desc | limit 5',
    'fields @timestamp, srcAddr | sort @timestamp desc | limit 1000000000',
    'parse @message /(?<a>[/',
    'parse @message "* * *" as a, b, c | display a',
    'filter dstPort > 99999999999999999999 | stats sum(bytes)',
    'stats count(*) by bin(0s)',
    'dedup srcAddr | sort srcAddr',
    '| | |',
  ),
  fc.string({ maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        'fields',
        'filter',
        'stats',
        'sort',
        'limit',
        'dedup',
        'parse',
        'display',
        '|',
        'count()',
        'by',
        'srcAddr',
        '=',
        '"x"',
        '/a+/',
        '(',
        ')',
        '1',
        '-1',
        'desc',
        'as',
        'n',
        ',',
      ),
      { maxLength: 12 },
    )
    .map((w) => w.join(' ')),
);

// ---- flags ---------------------------------------------------------------------------------------

const oddFlag = fc.oneof(
  fc.constantFrom(
    '',
    '-1',
    '0',
    'abc',
    '1e3',
    '99999999999999999999',
    '3.5',
    'NaN',
    '10.0.0.0/8',
    '10.0.0.1/33',
    'private:500',
    'x:/99',
    '/dev/null',
    '\u001b[2J',
    'eks-nodes',
    'rds',
    'sg-0123456789abcdef0',
  ),
  fc.constant(aFolder),
  fc.constant(join(dir, 'no-such-folder', 'out.txt')),
  fc.string({ maxLength: 12 }),
);

/** An output path the fuzz may write: relative ones land in the temp folder, never in the repository. */
const outPath = (a: string) => (a.startsWith('/') || a === '' ? a : join(dir, a));

const commands: fc.Arbitrary<readonly string[]> = fc.oneof(
  specFile.chain((spec) =>
    fc.constantFrom<string[]>(
      ['spec', 'validate', '--spec', spec],
      ['spec', 'show', '--spec', spec],
      ['overview', '--spec', spec],
      ['cidr', 'check', '--spec', spec],
      ['cidr', 'map', '--spec', spec],
      ['cidr', 'capacity', '--spec', spec],
      ['doctor', 'all', '--spec', spec],
      ['doctor', 'reach', '--spec', spec, '--from', 'eks-nodes', '--to', 'rds', '--port', '5432'],
    ),
  ),
  fc.tuple(oddFlag, oddFlag, oddFlag).map(([a, b, c]) => ['cidr', 'plan', '--tier', `private:${a}`, '--reserve', b, '--azs', c]),
  fc.tuple(oddFlag, oddFlag).map(([a, b]) => ['cidr', 'plan', '--vpc', a, '--spec-out', outPath(b)]),
  oddFlag.map((a) => ['cidr', 'map', '--out', outPath(a)]),
  fc.tuple(oddFlag, oddFlag).map(([a, b]) => ['cidr', 'capacity', '--enis', a, '--ips-per-eni', b]),
  fc.tuple(oddFlag, oddFlag, oddFlag).map(([a, b, c]) => ['doctor', 'reach', '--from', a, '--to', b, '--port', c]),
  oddFlag.map((a) => ['doctor', 'rds', '--flow-logs', a]),
  fc.tuple(queryText, flowLogFile).map(([q, f]) => ['flowlogs', 'query', q, '--file', f]),
  fc.tuple(queryText, flowLogFile).map(([q, f]) => ['flowlogs', 'query', q, '--file', f, '--csv']),
  fc.tuple(oddFlag, flowLogFile).map(([fmt, f]) => ['flowlogs', 'query', 'stats count()', '--format', fmt, '--file', f]),
  fc.tuple(oddFlag, oddFlag, flowLogFile).map(([l, p, f]) => ['flowlogs', 'explain', '--limit', l, '--port', p, '--file', f]),
  flowLogFile.map((f) => ['flowlogs', 'detect', '--file', f]),
  flowLogFile.map((f) => ['flowlogs', 'audit', '--file', f]),
  fc.tuple(flowLogFile).map(([f]) => ['doctor', 'rds', '--flow-logs', f]),
  fc.array(oddFlag, { maxLength: 3 }).map((args) => [...args]),
);

describe('generated inputs at every command', () => {
  it('exit 0, 1 or 2, no stack trace, bounded output and memory', async () => {
    await fc.assert(fc.asyncProperty(commands, expectWellBehaved), { seed: SEED, numRuns: RUNS, endOnFailure: true });
  }, 300_000);
});
