import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { ModelError } from './errors.js';
import { assertValidSpec } from './validate-spec.js';
import type { NetworkSpec } from './spec-types.js';

export type SpecFormat = 'json' | 'yaml';

function formatOf(sourceName: string, text: string): SpecFormat {
  if (/\.json$/i.test(sourceName)) return 'json';
  if (/\.ya?ml$/i.test(sourceName)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/**
 * Parses spec text (JSON or YAML; YAML 1.2 is a superset of JSON) into plain data, without
 * validating it. A syntax error becomes a `ModelError` with the line and column.
 */
export function parseSpecText(text: string, sourceName = '<input>'): unknown {
  const format = formatOf(sourceName, text);
  if (format === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const message = (error as Error).message;
      throw new ModelError('parse-error', `${sourceName} is not valid JSON: ${message}`, [
        { severity: 'error', code: 'parse-error', path: '', message: `not valid JSON: ${message}`, hint: 'fix the syntax at the position named' },
      ], sourceName);
    }
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const issues = document.errors.map((e) => ({
      severity: 'error' as const,
      code: 'parse-error' as const,
      path: '',
      message: `YAML syntax at line ${e.linePos?.[0].line ?? '?'}, column ${e.linePos?.[0].col ?? '?'}: ${e.message.split('\n')[0]}`,
      hint: 'fix the YAML syntax at that position',
    }));
    throw new ModelError('parse-error', `${sourceName} is not valid YAML: ${issues[0]!.message}`, issues, sourceName);
  }
  return document.toJS() as unknown;
}

/** Reads, parses and validates a spec file; throws a `ModelError` for unreadable or invalid specs. */
export async function loadSpecFile(path: string): Promise<NetworkSpec> {
  return assertValidSpec(await readSpecFile(path), path);
}

/** Reads and parses a spec file without validating it. */
export async function readSpecFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ModelError('parse-error', `cannot read spec file ${path}: ${reason}`, [
      { severity: 'error', code: 'parse-error', path: '', message: `cannot read ${path}: ${reason}`, hint: 'check the path given to --spec' },
    ], path);
  }
  return parseSpecText(text, path);
}
