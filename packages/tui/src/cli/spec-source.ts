import { isModelError, isPresetName, preset, PRESET_NAMES, readSpecFile, validateSpec, type NetworkSpec, type ValidationResult } from '@artos/model';
import { AbortError } from './cli-errors.js';
import { DEFAULT_PRESET } from './common-options.js';

export interface SpecSourceOptions {
  readonly spec?: string;
  readonly preset?: string;
}

export interface LoadedSpec {
  /** `preset basic` or the file path. */
  readonly source: string;
  /** The spec as read, before validation (the planner checks raw allocations too). */
  readonly input: unknown;
  readonly result: ValidationResult;
}

export { DEFAULT_PRESET } from './common-options.js';

/**
 * Reads `--spec FILE` or `--preset NAME` (default: the basic preset) and validates it.
 * Unreadable or unparsable input is a usage error (exit 2); validation issues are returned.
 */
export async function loadSpecSource(options: SpecSourceOptions): Promise<LoadedSpec> {
  if (options.spec !== undefined && options.preset !== undefined) {
    throw new AbortError('--spec and --preset were both given', 'give one of them: a spec file, or a preset name');
  }
  if (options.spec !== undefined) {
    let input: unknown;
    try {
      input = await readSpecFile(options.spec);
    } catch (error) {
      if (isModelError(error)) {
        throw new AbortError(error.message, error.issues[0]?.hint ?? 'check the file');
      }
      throw error;
    }
    const result = validateSpec(input);
    rejectMisshapenSpec(options.spec, result);
    return { source: options.spec, input, result };
  }
  const name = options.preset ?? DEFAULT_PRESET;
  if (!isPresetName(name)) {
    throw new AbortError(`unknown preset "${name}"`, `use one of ${PRESET_NAMES.join(', ')}, or --spec FILE`);
  }
  const input = preset(name);
  return { source: `preset ${name}`, input, result: validateSpec(input) };
}

/**
 * A file whose values have the wrong types (`namePrefix: 42`, an empty file, a list for a CIDR) is
 * not a spec at all: an input error (exit 2), unlike a well-formed spec with errors (exit 1).
 */
function rejectMisshapenSpec(source: string, result: ValidationResult): void {
  const wrong = result.issues.filter((i) => i.severity === 'error' && i.code === 'wrong-type');
  if (wrong.length === 0) return;
  const shown = wrong.slice(0, 5).map((i) => `${i.path || '(spec)'}: ${i.message}`);
  throw new AbortError(
    `${source} is not a network spec: ${wrong.length} value(s) of the wrong type\n  ${shown.join('\n  ')}${wrong.length > 5 ? `\n  … and ${wrong.length - 5} more` : ''}`,
    wrong[0]!.hint || 'see artos-net spec schema for the type of each key',
  );
}

/** Like `loadSpecSource`, but the spec must be valid: errors stop the command with exit 1. */
/** A spec that passed validation, with where it came from. */
export interface LoadedValidSpec {
  readonly source: string;
  readonly spec: NetworkSpec;
  readonly result: ValidationResult;
}

export async function loadValidSpec(options: SpecSourceOptions): Promise<LoadedValidSpec> {
  const loaded = await loadSpecSource(options);
  if (!loaded.result.spec) {
    const errors = loaded.result.issues.filter((i) => i.severity === 'error');
    const first = errors[0]!;
    throw new AbortError(
      `the spec (${loaded.source}) has ${errors.length} error(s); first: ${first.path || '(spec)'}: ${first.message}`,
      'run `artos-net spec validate` with the same --spec/--preset to see all of them',
      1,
    );
  }
  return { source: loaded.source, spec: loaded.result.spec, result: loaded.result };
}
