import { Annotations, App, Validations, type AppProps } from 'aws-cdk-lib';
import type * as CdkNag from 'cdk-nag';
import { ArtosNetworkStack } from './network-stack.js';
import { listContext, resolveAppSpec, withExistingIds } from './app-spec.js';

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
    throw new Error('the Artos CDK app runs cdk-nag at synth, and cdk-nag is not installed: npm install --save-dev cdk-nag@^3, or create the app with { nag: false }');
  }
  Validations.of(app).addPlugins(new nag.AwsSolutionsChecks(app));
}

/** The CDK app: one network stack, with cdk-nag's AwsSolutions checks. */
export async function createArtosApp(options: ArtosAppOptions = {}): Promise<{ app: App; stack: ArtosNetworkStack }> {
  const app = new App(options);
  const presetName = options.preset ?? (app.node.tryGetContext('preset') as string | undefined);
  const specFile = options.specFile ?? (app.node.tryGetContext('spec') as string | undefined);
  const resolved = await resolveAppSpec({ preset: presetName, specFile });
  const { spec, replaced } = withExistingIds(resolved, (key) => app.node.tryGetContext(key));
  // -c region=cn-north-1 (and -c account=…) pin the environment: endpoint service names then follow
  // the region's partition (cn.com.amazonaws in China); without them the stack is environment-agnostic.
  const region = app.node.tryGetContext('region') as string | undefined;
  const account = app.node.tryGetContext('account') as string | undefined;
  const stack = new ArtosNetworkStack(app, `${spec.namePrefix}-network`, {
    spec,
    ...(region || account ? { env: { ...(region ? { region } : {}), ...(account ? { account } : {}) } } : {}),
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
  if (options.nag ?? true) await addNagChecks(app);
  return { app, stack };
}
