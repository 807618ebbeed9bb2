// Public entry of @artos/cdk-constructs: re-exports only. Internals live in ./private.
// The CDK app (which loads cdk-nag) is not here: it is the `@artos/cdk-constructs/app` subpath.
export { ArtosNetwork, type ArtosNetworkProps } from './private/artos-network.js';
export { ArtosNetworkStack, type ArtosNetworkStackProps } from './private/network-stack.js';
export { resolveAppSpec, withExistingIds, placeholderId } from './private/app-spec.js';
export { ArtosAppInputError, isArtosAppInputError, type ArtosAppInputErrorCode } from './private/app-input-error.js';
export type { EnterpriseRoute } from './private/tier-subnets.js';
