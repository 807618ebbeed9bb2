import { createHash } from 'node:crypto';
import { Annotations, App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PRESET_NAMES, isAwsId, isPresetName, preset, readSpecFile, validateSpec, formatIssues, type NetworkSpecInput } from '@artos/model';
import { ArtosNetworkStack } from './network-stack.js';

export interface ArtosAppOptions extends AppProps {
  /** A preset name (context `preset`). @default 'basic' */
  readonly preset?: string;
  /** A spec file path (context `spec`); wins over the preset. @default - the preset */
  readonly specFile?: string;
  /** Run cdk-nag's AwsSolutions pack at synth. @default true */
  readonly nag?: boolean;
}

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

const listContext = (value: unknown): string[] | undefined => (typeof value === 'string' && value !== '' ? value.split(',').map((x) => x.trim()) : undefined);

/**
 * Existing-VPC ids: `-c vpcId=… -c privateSubnetIds=a,b -c databaseSubnetIds=c,d` override the
 * spec's. Ids that are still not of AWS's form (the seed's example writes `vpc-existing123`)
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
  const out: NetworkSpecInput = {
    ...spec,
    ...(vpcId !== undefined ? { vpcId: fix('vpc', vpcId) } : {}),
    ...(privateIds !== undefined ? { privateSubnetIds: privateIds.map((id) => fix('subnet', id)) } : {}),
    ...(databaseIds !== undefined ? { databaseSubnetIds: databaseIds.map((id) => fix('subnet', id)) } : {}),
  };
  return { spec: out, replaced };
}

/** The CDK app: one network stack, with cdk-nag's AwsSolutions checks. */
export async function createArtosApp(options: ArtosAppOptions = {}): Promise<{ app: App; stack: ArtosNetworkStack }> {
  const app = new App(options);
  const presetName = options.preset ?? (app.node.tryGetContext('preset') as string | undefined);
  const specFile = options.specFile ?? (app.node.tryGetContext('spec') as string | undefined);
  const resolved = await resolveAppSpec({ preset: presetName, specFile });
  const { spec, replaced } = withExistingIds(resolved, (key) => app.node.tryGetContext(key));
  const stack = new ArtosNetworkStack(app, `${spec.namePrefix}-network`, {
    spec,
    ...(listContext(app.node.tryGetContext('privateRouteTableIds')) ? { existingPrivateRouteTableIds: listContext(app.node.tryGetContext('privateRouteTableIds'))! } : {}),
    ...(typeof app.node.tryGetContext('s3PrefixListId') === 'string' ? { s3PrefixListId: app.node.tryGetContext('s3PrefixListId') as string } : {}),
    description: `Artos private network ${spec.namePrefix} (${specFile ?? `preset ${presetName ?? 'basic'}`})`,
  });
  if (replaced.length > 0) {
    Annotations.of(stack).addWarningV2(
      '@artos/cdk:placeholder-ids',
      `ids that are not AWS ids were replaced by placeholders (${replaced.join(', ')}): give the real ones with -c vpcId=… -c privateSubnetIds=… -c databaseSubnetIds=… before deploying`,
    );
  }
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
