import type { z } from 'zod';
import type { SpecIssue } from './errors.js';
import { closestName, formatSpecPath } from './spec-path.js';

type ZodIssue = z.core.$ZodIssue;

function knownKeysAt(schemaShape: Record<string, unknown>, path: readonly PropertyKey[]): string[] {
  // Only two object levels exist: the spec and flowLogs.
  if (path.length === 0) return Object.keys(schemaShape);
  if (path.length === 1 && path[0] === 'flowLogs') {
    const flow = schemaShape['flowLogs'] as { unwrap?: () => { shape: Record<string, unknown> } } | undefined;
    return flow?.unwrap ? Object.keys(flow.unwrap().shape) : [];
  }
  return [];
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns zod's structural issues into the model's issues, one per problem, with a fix. */
export function structuralIssues(issues: readonly ZodIssue[], input: unknown, schemaShape: Record<string, unknown>): SpecIssue[] {
  const out: SpecIssue[] = [];
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schemaShape, path);
      for (const key of issue.keys) {
        const suggestion = closestName(key, known);
        out.push({
          severity: 'error',
          code: 'unknown-key',
          path: formatSpecPath([...path, key]),
          message: `unknown key "${key}"`,
          hint: suggestion ? `did you mean "${suggestion}"?` : `remove it; known keys: ${known.join(', ')}`,
        });
      }
      continue;
    }
    const value = valueAt(input, path);
    if (issue.code === 'invalid_type' && value === undefined) {
      out.push({
        severity: 'error',
        code: 'missing-required',
        path: formatSpecPath(path),
        message: `${formatSpecPath(path) || 'the spec'} is required`,
        hint: `add ${formatSpecPath(path)} (${issue.expected})`,
      });
      continue;
    }
    if (issue.code === 'invalid_type') {
      out.push({
        severity: 'error',
        code: 'wrong-type',
        path: formatSpecPath(path),
        message: `expected ${issue.expected === 'array' ? 'a list' : issue.expected}, got ${describeValue(value)}`,
        hint: issue.expected === 'array' ? 'write a list, e.g. ["10.0.10.0/24"]' : `give ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`,
      });
      continue;
    }
    out.push({
      severity: 'error',
      code: path[0] === 'flowLogs' ? 'invalid-flow-log-setting' : 'wrong-type',
      path: formatSpecPath(path),
      message: `${describeValue(value)} is not allowed here: ${issue.message}`,
      hint: 'values' in issue && Array.isArray(issue.values) ? `use one of ${issue.values.join(', ')}` : 'see artos-net spec schema',
    });
  }
  return out;
}
