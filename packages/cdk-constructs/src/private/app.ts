import { Annotations, App, Validations, type AppProps } from 'aws-cdk-lib';
import type * as CdkNag from 'cdk-nag';
import { validateSpec } from '@artos/model';
import { ArtosNetworkStack } from './network-stack.js';
import { issuesInOneLine, resolveAppSpec, withExistingIds } from './app-spec.js';
import { ArtosAppInputError } from './app-input-error.js';
import { contextId, contextIds } from './context-ids.js';

export interface ArtosAppOptions extends AppProps {
  /** A preset name (context `preset`). @default 'basic' */
  readonly preset?: string;
  /** A spec file path (context `spec`); wins over the preset. @default - the preset */
  readonly specFile?: string;
  /** Run cdk-nag's AwsSolutions pack at synth (needs the optional peer `cdk-nag`). @default true */
  readonly nag?: boolean;
}

/**
 * cdk-nag is loaded only here, when the app asks for it: a library user who imports the
 * constructs never needs it installed (it is an optional peer dependency of the package).
 */
async function addNagChecks(app: App): Promise<void> {
  let nag: typeof CdkNag;
  try {
    nag = await import('cdk-nag');
  } catch {
    throw new ArtosAppInputError(
      'missing-cdk-nag',
      'the Artos CDK app',
      'it runs cdk-nag at synth, and cdk-nag is not installed',
      'npm install --save-dev cdk-nag@^3, or create the app with { nag: false }',
    );
  }
  Validations.of(app).addPlugins(new nag.AwsSolutionsChecks(app));
}

/**
 * The CDK app: one network stack, with cdk-nag's AwsSolutions checks. Bad input (an unknown
 * preset, an unreadable or invalid spec, an id given with `-c` that AWS would reject) throws an
 * `ArtosAppInputError` before any construct is made.
 */
export async function createArtosApp(options: ArtosAppOptions = {}): Promise<{ app: App; stack: ArtosNetworkStack }> {
  const app = new App(options);
  const context = (key: string) => app.node.tryGetContext(key) as unknown;
  const presetName = options.preset ?? (context('preset') as string | undefined);
  const specFile = options.specFile ?? (context('spec') as string | undefined);
  const resolved = await resolveAppSpec({ preset: presetName, specFile });
  const { spec, replaced } = withExistingIds(resolved, context);
  const privateRouteTableIds = contextIds('privateRouteTableIds', context('privateRouteTableIds'));
  const s3PrefixListId = contextId('s3PrefixListId', context('s3PrefixListId'));
  // The spec alone was valid; the ids given with -c can still make it invalid (subnet ids without a
  // VPC id, a count that does not match the CIDRs): say so here, naming the input, not in a construct.
  const checked = validateSpec(spec);
  if (!checked.spec) {
    const source = specFile ? `-c spec=${specFile}` : `-c preset=${presetName ?? 'basic'}`;
    throw new ArtosAppInputError(
      'invalid-context',
      `${source} with the ids given by -c`,
      `the spec is invalid: ${issuesInOneLine(checked.issues)}`,
      'fix the -c values as each problem says',
    );
  }
  // -c region=cn-north-1 (and -c account=…) pin the environment: endpoint service names then follow
  // the region's partition (cn.com.amazonaws in China); without them the stack is environment-agnostic.
  const region = context('region') as string | undefined;
  const account = context('account') as string | undefined;
  const stack = new ArtosNetworkStack(app, `${spec.namePrefix}-network`, {
    spec,
    ...(region || account ? { env: { ...(region ? { region } : {}), ...(account ? { account } : {}) } } : {}),
    ...(privateRouteTableIds ? { existingPrivateRouteTableIds: privateRouteTableIds } : {}),
    ...(s3PrefixListId !== undefined ? { s3PrefixListId } : {}),
    description: `Artos private network ${spec.namePrefix} (${specFile ?? `preset ${presetName ?? 'basic'}`})`,
  });
  if (replaced.length > 0) {
    Annotations.of(stack).addWarningV2(
      '@artos/cdk:placeholder-ids',
      `ids that are not AWS ids were replaced by placeholders (${replaced.join(', ')}): give the real ones with -c vpcId=… -c privateSubnetIds=… -c databaseSubnetIds=… before deploying`,
    );
  }
  if (options.nag ?? true) await addNagChecks(app);
  return { app, stack };
}
