import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { ModelError } from './errors.js';
import { boundText } from './bounded-text.js';
import { duplicateJsonKey } from './json-duplicate-keys.js';
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
      const value = JSON.parse(text) as unknown;
      // JSON.parse keeps the last of two equal keys; YAML rejects them. Same rule for both.
      const duplicate = duplicateJsonKey(text);
      if (duplicate) {
        const message = `line ${duplicate.line}, column ${duplicate.column}: the key ${boundText(JSON.stringify(duplicate.key), 80)} is given twice in one object`;
        throw new ModelError(
          'parse-error',
          `${sourceName} is not a valid spec: ${message}`,
          [{ severity: 'error', code: 'parse-error', path: '', message, hint: 'keep one of the two entries' }],
          sourceName,
        );
      }
      return value;
    } catch (error) {
      if (error instanceof ModelError) throw error;
      const message = boundText((error as Error).message);
      throw new ModelError(
        'parse-error',
        `${sourceName} is not valid JSON: ${message}`,
        [{ severity: 'error', code: 'parse-error', path: '', message: `not valid JSON: ${message}`, hint: 'fix the syntax at the position named' }],
        sourceName,
      );
    }
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const issues = document.errors.map((e) => ({
      severity: 'error' as const,
      code: 'parse-error' as const,
      path: '',
      message: `YAML syntax at line ${e.linePos?.[0].line ?? '?'}, column ${e.linePos?.[0].col ?? '?'}: ${boundText(e.message.split('\n')[0]!)}`,
      hint: 'fix the YAML syntax at that position',
    }));
    throw new ModelError('parse-error', `${sourceName} is not valid YAML: ${issues[0]!.message}`, issues, sourceName);
  }
  try {
    // yaml counts alias expansions and throws past maxAliasCount ("billion laughs").
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (error) {
    const message = `anchors and aliases expand too far (${boundText((error as Error).message, 120)})`;
    throw new ModelError(
      'parse-error',
      `${sourceName} is not a valid spec: ${message}`,
      [{ severity: 'error', code: 'parse-error', path: '', message, hint: 'write the values out instead of repeating aliases of aliases' }],
      sourceName,
    );
  }
}

/**
 * A spec needs few aliases. yaml's check weighs each alias by the nodes it expands to and stops
 * past this many, so a nested expansion ("billion laughs") fails at once instead of filling memory.
 */
const MAX_ALIAS_COUNT = 100;

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
    throw new ModelError(
      'parse-error',
      `cannot read spec file ${path}: ${reason}`,
      [{ severity: 'error', code: 'parse-error', path: '', message: `cannot read ${path}: ${reason}`, hint: 'check the path given to --spec' }],
      path,
    );
  }
  return parseSpecText(text, path);
}
