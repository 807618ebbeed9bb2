import { createHash } from 'node:crypto';
import { PRESET_NAMES, isAwsId, isPresetName, preset, readSpecFile, validateSpec, formatIssues, type NetworkSpecInput } from '@artos/model';

/** Reads the spec the app deploys: `-c spec=FILE`, else `-c preset=NAME`, else the basic preset. */
export async function resolveAppSpec(options: { preset?: string | undefined; specFile?: string | undefined }): Promise<NetworkSpecInput> {
  if (options.specFile) {
    const input = await readSpecFile(options.specFile);
    const result = validateSpec(input);
    if (!result.spec) throw new Error(`the spec ${options.specFile} is invalid:\n${formatIssues(result.issues)}`);
    return input as NetworkSpecInput;
  }
  const name = options.preset ?? 'basic';
  if (!isPresetName(name)) throw new Error(`unknown preset "${name}": use -c preset=${PRESET_NAMES.join('|')} or -c spec=FILE`);
  return preset(name);
}

/** A stable id of AWS's form standing in for a seed id that is not one (`vpc-existing123`). */
export function placeholderId(kind: 'vpc' | 'subnet', seedId: string): string {
  return `${kind}-0${createHash('sha256').update(seedId).digest('hex').slice(0, 16)}`;
}

/** A comma-separated context value as a list (`-c privateSubnetIds=a,b`). */
export function listContext(value: unknown): string[] | undefined {
  return typeof value === 'string' && value !== '' ? value.split(',').map((x) => x.trim()) : undefined;
}

/**
 * Existing-VPC ids: `-c vpcId=… -c privateSubnetIds=a,b -c databaseSubnetIds=c,d` override the
 * spec's, and `-c bastionSecurityGroupId=sg-…` the bastion's group. Ids that are still not of AWS's form (the seed's example writes `vpc-existing123`)
 * are replaced by placeholders of the right form, with a warning naming both, so the template
 * passes CloudFormation's schema; deploying it fails until real ids are given.
 */
export function withExistingIds(spec: NetworkSpecInput, context: (key: string) => unknown): { spec: NetworkSpecInput; replaced: string[] } {
  const replaced: string[] = [];
  const fix = (kind: 'vpc' | 'subnet', id: string) => {
    if (isAwsId(kind, id)) return id;
    const stand = placeholderId(kind, id);
    replaced.push(`${id} → ${stand}`);
    return stand;
  };
  const vpcId = (context('vpcId') as string | undefined) ?? spec.vpcId;
  const privateIds = listContext(context('privateSubnetIds')) ?? spec.privateSubnetIds;
  const databaseIds = listContext(context('databaseSubnetIds')) ?? spec.databaseSubnetIds;
  // The bastion: `-c bastionSecurityGroupId=sg-…` replaces the spec's (the production preset's
  // stand-in) in both places it appears.
  const bastion = context('bastionSecurityGroupId') as string | undefined;
  const previous = spec.bastionSecurityGroupId;
  const out: NetworkSpecInput = {
    ...spec,
    ...(bastion !== undefined ? { bastionSecurityGroupId: bastion, additionalSecurityGroupIds: [...new Set((spec.additionalSecurityGroupIds ?? []).map((id) => (id === previous ? bastion : id)).concat(previous === undefined ? [bastion] : []))] } : {}),
    ...(vpcId !== undefined ? { vpcId: fix('vpc', vpcId) } : {}),
    ...(privateIds !== undefined ? { privateSubnetIds: privateIds.map((id) => fix('subnet', id)) } : {}),
    ...(databaseIds !== undefined ? { databaseSubnetIds: databaseIds.map((id) => fix('subnet', id)) } : {}),
  };
  return { spec: out, replaced };
}
