// Public entry of @artos/cdk-constructs: re-exports only. Internals live in ./private.
export { ArtosNetwork, type ArtosNetworkProps } from './private/artos-network.js';
export { ArtosNetworkStack, type ArtosNetworkStackProps } from './private/network-stack.js';
export { createArtosApp, resolveAppSpec, withExistingIds, placeholderId, type ArtosAppOptions } from './private/app.js';
export type { EnterpriseRoute } from './private/tier-subnets.js';
