import { createHash } from 'node:crypto';
import { PRESET_NAMES, isAwsId, isModelError, isPresetName, preset, readSpecFile, validateSpec, type NetworkSpecInput, type SpecIssue } from '@artos/model';
import { ArtosAppInputError } from './app-input-error.js';
import { contextId, contextIds } from './context-ids.js';

export { listContext } from './context-ids.js';

/** The errors among `issues` on one line (`path: problem (fix: …)`), at most three then a count. */
export function issuesInOneLine(issues: readonly SpecIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error');
  const shown = errors.slice(0, 3).map((i) => `${i.path || '(spec)'}: ${i.message}${i.hint ? ` (fix: ${i.hint})` : ''}`.replace(/\s+/g, ' '));
  return shown.join('; ') + (errors.length > 3 ? `; and ${errors.length - 3} more` : '');
}

/**
 * Reads the spec the app deploys: `-c spec=FILE`, else `-c preset=NAME`, else the basic preset.
 * A missing, unreadable or invalid file and an unknown preset throw an `ArtosAppInputError`.
 */
export async function resolveAppSpec(options: { preset?: string | undefined; specFile?: string | undefined }): Promise<NetworkSpecInput> {
  if (options.specFile) {
    const input = `-c spec=${options.specFile}`;
    let read: unknown;
    try {
      read = await readSpecFile(options.specFile);
    } catch (error) {
      if (!isModelError(error)) throw error;
      const reading = error.issues.some((i) => i.message.startsWith('cannot read'));
      const first = error.issues[0];
      const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
      throw new ArtosAppInputError(
        reading ? 'unreadable-spec' : 'invalid-spec',
        input,
        `${first?.message ?? error.message}${more}`,
        reading ? 'give the path of a JSON or YAML spec file (relative to packages/cdk-constructs), or -c preset=NAME' : (first?.hint ?? 'fix the file'),
      );
    }
    const result = validateSpec(read);
    if (!result.spec)
      throw new ArtosAppInputError('invalid-spec', input, `the spec is invalid: ${issuesInOneLine(result.issues)}`, 'fix the file as each problem says');
    return read as NetworkSpecInput;
  }
  const name = options.preset ?? 'basic';
  if (!isPresetName(name))
    throw new ArtosAppInputError('unknown-preset', `-c preset=${name}`, 'no such preset', `use -c preset=${PRESET_NAMES.join('|')} or -c spec=FILE`);
  return preset(name);
}

/** A stable id of AWS's form standing in for a seed id that is not one (`vpc-existing123`). */
export function placeholderId(kind: 'vpc' | 'subnet', seedId: string): string {
  return `${kind}-0${createHash('sha256').update(seedId).digest('hex').slice(0, 16)}`;
}

/**
 * Existing-VPC ids: `-c vpcId=… -c privateSubnetIds=a,b -c databaseSubnetIds=c,d` override the
 * spec's, and `-c bastionSecurityGroupId=sg-…` the bastion's group. An id given with `-c` that is
 * not of AWS's form throws an `ArtosAppInputError` naming the context key. Ids from the spec that are
 * still not of AWS's form (the seed's example writes `vpc-existing123`) are replaced by placeholders
 * of the right form, with a warning naming both, so the template passes CloudFormation's schema;
 * deploying it fails until real ids are given.
 */
export function withExistingIds(spec: NetworkSpecInput, context: (key: string) => unknown): { spec: NetworkSpecInput; replaced: string[] } {
  const replaced: string[] = [];
  const fix = (kind: 'vpc' | 'subnet', id: string) => {
    if (isAwsId(kind, id)) return id;
    const stand = placeholderId(kind, id);
    replaced.push(`${id} → ${stand}`);
    return stand;
  };
  const vpcId = contextId('vpcId', context('vpcId')) ?? spec.vpcId;
  const privateIds = contextIds('privateSubnetIds', context('privateSubnetIds')) ?? spec.privateSubnetIds;
  const databaseIds = contextIds('databaseSubnetIds', context('databaseSubnetIds')) ?? spec.databaseSubnetIds;
  // The bastion: `-c bastionSecurityGroupId=sg-…` replaces the spec's (the production preset's
  // stand-in) in both places it appears.
  const bastion = contextId('bastionSecurityGroupId', context('bastionSecurityGroupId'));
  const previous = spec.bastionSecurityGroupId;
  const out: NetworkSpecInput = {
    ...spec,
    ...(bastion !== undefined
      ? {
          bastionSecurityGroupId: bastion,
          additionalSecurityGroupIds: [
            ...new Set((spec.additionalSecurityGroupIds ?? []).map((id) => (id === previous ? bastion : id)).concat(previous === undefined ? [bastion] : [])),
          ],
        }
      : {}),
    ...(vpcId !== undefined ? { vpcId: fix('vpc', vpcId) } : {}),
    ...(privateIds !== undefined ? { privateSubnetIds: privateIds.map((id) => fix('subnet', id)) } : {}),
    ...(databaseIds !== undefined ? { databaseSubnetIds: databaseIds.map((id) => fix('subnet', id)) } : {}),
  };
  return { spec: out, replaced };
}
