import { isModelError, isPresetName, preset, PRESET_NAMES, readSpecFile, validateSpec, type NetworkSpec, type ValidationResult } from '@artos/model';
import { AbortError } from './cli-errors.js';

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

/** The one preset every command reads when given neither --spec nor --preset: the seed's full network. */
export const DEFAULT_PRESET = 'production';

/**
 * Reads `--spec FILE` or `--preset NAME` (default: the basic preset) and validates it.
 * Unreadable or unparsable input is a usage error (exit 2); validation issues are returned.
 */
export async function loadSpecSource(options: SpecSourceOptions): Promise<LoadedSpec> {
  if (options.spec !== undefined && options.preset !== undefined) {
    throw new AbortError('--spec and --preset were both given', 'give one of them: a spec file, or a preset name');
  }
  if (options.spec !== undefined) {
    try {
      const input = await readSpecFile(options.spec);
      return { source: options.spec, input, result: validateSpec(input) };
    } catch (error) {
      if (isModelError(error)) {
        throw new AbortError(error.message, error.issues[0]?.hint ?? 'check the file');
      }
      throw error;
    }
  }
  const name = options.preset ?? DEFAULT_PRESET;
  if (!isPresetName(name)) {
    throw new AbortError(`unknown preset "${name}"`, `use one of ${PRESET_NAMES.join(', ')}, or --spec FILE`);
  }
  const input = preset(name);
  return { source: `preset ${name}`, input, result: validateSpec(input) };
}

/** Like `loadSpecSource`, but the spec must be valid: errors stop the command with exit 1. */
export async function loadValidSpec(options: SpecSourceOptions): Promise<{ source: string; spec: NetworkSpec; result: ValidationResult }> {
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
