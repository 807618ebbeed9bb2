import { readFile } from 'node:fs/promises';
import { parseSpecText } from '@artos/model';
import { parseCorporateList, RangeIndex, type PlannedBlock, SEED_EXAMPLE_BLOCK_PLAN } from '@artos/cidr-planner';
import { AbortError } from './cli-errors.js';

/** Reads a file given on the command line; a missing file is a usage error naming the flag. */
export async function readInputFile(path: string, flag: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new AbortError(`cannot read ${flag} ${path}: ${reason}`, `check the path given to ${flag}`);
  }
}

/**
 * `--corporate FILE`: one CIDR per line. Any bad line stops the command (exit 2) with its number.
 * The ranges come back indexed, so every check and plan after loading costs binary searches.
 */
export async function readCorporateFile(path: string): Promise<RangeIndex> {
  const list = parseCorporateList(await readInputFile(path, '--corporate'));
  if (list.errors.length > 0) {
    const shown = list.errors
      .slice(0, 5)
      .map((e) => `${path}:${e.line}: ${e.message}`)
      .join('\n  ');
    throw new AbortError(
      `${list.errors.length} bad line(s) in the corporate ranges file:\n  ${shown}${list.errors.length > 5 ? `\n  … and ${list.errors.length - 5} more` : ''}`,
      'fix or remove those lines (one CIDR per line; # starts a comment)',
    );
  }
  if (list.blocks.length === 0) throw new AbortError(`the corporate ranges file ${path} lists no range`, 'one CIDR per line, e.g. 192.168.0.0/16');
  return RangeIndex.of(list.blocks);
}

/** `--block-plan seed|FILE`: the seed's example tree, or a JSON/YAML list of {name, cidr, tier?}. */
export async function readBlockPlan(value: string | undefined): Promise<readonly PlannedBlock[] | undefined> {
  if (value === undefined) return undefined;
  if (value === 'seed') return SEED_EXAMPLE_BLOCK_PLAN;
  const data = parseSpecText(await readInputFile(value, '--block-plan'), value);
  const ok =
    Array.isArray(data) &&
    data.every((e) => e && typeof e === 'object' && typeof (e as PlannedBlock).name === 'string' && typeof (e as PlannedBlock).cidr === 'string');
  if (!ok)
    throw new AbortError(
      `${value} is not a block plan`,
      'write a list of {name, cidr, tier?} entries, e.g. - {name: Private Subnets, cidr: 10.0.0.0/20, tier: private}',
    );
  return data as PlannedBlock[];
}
