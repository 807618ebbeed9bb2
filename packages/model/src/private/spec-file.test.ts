import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpecFile, parseSpecText, readSpecFile } from './spec-file.js';
import { isModelError, type ModelError } from './errors.js';
import { networkSpecJsonSchema } from './spec-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'artos-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const YAML = `# the seed's development configuration
namePrefix: artos-dev
vpcCidr: 10.1.0.0/16
privateSubnetCidrs: [10.1.10.0/24]
databaseSubnetCidrs:
  - 10.1.100.0/24
enableVpcEndpoints: true
tags:
  Environment: development
  AutoShutdown: "true"
`;
const JSON_TEXT = JSON.stringify({
  namePrefix: 'artos-dev',
  vpcCidr: '10.1.0.0/16',
  privateSubnetCidrs: ['10.1.10.0/24'],
  databaseSubnetCidrs: ['10.1.100.0/24'],
  enableVpcEndpoints: true,
  tags: { Environment: 'development', AutoShutdown: 'true' },
});

async function caught(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (error) {
    if (isModelError(error)) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

describe('spec files', () => {
  it('JSON and YAML load into the same spec', async () => {
    writeFileSync(join(dir, 'dev.yaml'), YAML);
    writeFileSync(join(dir, 'dev.json'), JSON_TEXT);
    const fromYaml = await loadSpecFile(join(dir, 'dev.yaml'));
    const fromJson = await loadSpecFile(join(dir, 'dev.json'));
    expect(fromYaml).toEqual(fromJson);
    expect(fromYaml.privateSubnetCidrs).toEqual(['10.1.10.0/24']);
  });

  it('names the line of a YAML syntax error', () => {
    let error: unknown;
    try {
      parseSpecText('namePrefix: a\n  vpcCidr: [unclosed\n', 'broken.yaml');
    } catch (e) {
      error = e;
    }
    expect(isModelError(error)).toBe(true);
    expect((error as ModelError).message).toMatch(/broken\.yaml is not valid YAML: YAML syntax at line \d+/);
  });

  it('rejects duplicate YAML keys instead of silently keeping one', () => {
    expect(() => parseSpecText('namePrefix: a\nnamePrefix: b\n', 'dup.yaml')).toThrowError(/dup\.yaml/);
  });

  it('reports a JSON syntax error with the file name', () => {
    expect(() => parseSpecText('{"namePrefix": }', 'bad.json')).toThrowError(/bad\.json is not valid JSON/);
  });

  it('reports a missing file as a model error naming the path', async () => {
    const error = await caught(readSpecFile(join(dir, 'nope.yaml')));
    expect(error.message).toContain('nope.yaml: no such file');
  });

  it('reports an invalid spec with the file and every issue', async () => {
    writeFileSync(join(dir, 'invalid.yaml'), 'namePrefix: artos-x\nvpcCidr: 10.0.0.5/16\n');
    const error = await caught(loadSpecFile(join(dir, 'invalid.yaml')));
    expect(error.source).toBe(join(dir, 'invalid.yaml'));
    expect(error.issues.map((i) => i.path)).toEqual(['vpcCidr']);
  });

  it('exports a JSON Schema that lists every key and forbids unknown ones', () => {
    const schema = networkSpecJsonSchema() as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['namePrefix', 'vpcCidr', 'privateSubnetCidrs', 'flowLogs', 'bastionSecurityGroupId']),
    );
    expect(schema.required).toEqual(['namePrefix']);
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('hostile spec files', () => {
  it('a YAML alias bomb ("billion laughs") is a parse error, not a crash', () => {
    // Nine aliases at each of eight levels: 9^8 (43 million) strings if expanded.
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++)
      levels.push(
        `l${i}: &l${i} [${Array(9)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(',')}]`,
      );
    const error = (() => {
      try {
        parseSpecText(`${levels.join('\n')}\nnamePrefix: *l7\n`, 'bomb.yaml');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isModelError(error)).toBe(true);
    expect((error as ModelError).code).toBe('parse-error');
    expect((error as ModelError).message).toContain('aliases');
  });

  it('a few plain aliases still read', () => {
    expect(parseSpecText('t: &t {Team: net}\ntags: *t\n', 'ok.yaml')).toEqual({ t: { Team: 'net' }, tags: { Team: 'net' } });
  });

  it('a key given twice is rejected in JSON as it is in YAML, with its line', () => {
    expect(() => parseSpecText('namePrefix: a\nnamePrefix: b\n', 'dup.yaml')).toThrow(/not valid YAML/);
    const text = '{\n  "namePrefix": "a",\n  "tags": {"x": "1", "y": "2"},\n  "namePrefix": "b"\n}';
    const error = (() => {
      try {
        parseSpecText(text, 'dup.json');
      } catch (e) {
        return e;
      }
      return undefined;
    })() as ModelError;
    expect(isModelError(error)).toBe(true);
    expect(error.message).toContain('line 4');
    expect(error.message).toContain('"namePrefix" is given twice');
  });

  it('equal keys in different objects, escaped keys and keys inside strings are not duplicates', () => {
    expect(parseSpecText('{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 2}], "d": "\\"a\\": 1", "e\\"": 1}', 'ok.json')).toBeTypeOf('object');
    expect(() => parseSpecText('{"k\\u0041": 1, "kA": 2}', 'esc.json')).toThrow(/given twice/);
  });
});
