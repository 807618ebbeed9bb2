// Entry of `@artos/cdk-constructs/app`: the CDK app with presets and cdk-nag (an optional peer).
export { createArtosApp, type ArtosAppOptions } from './private/app.js';
export { runArtosApp, INPUT_ERROR_EXIT_CODE, type ArtosAppRunIo } from './private/run-app.js';
export { ArtosAppInputError, isArtosAppInputError, type ArtosAppInputErrorCode } from './private/app-input-error.js';
// The stack createArtosApp returns (also exported by the package entry).
export { ArtosNetworkStack, type ArtosNetworkStackProps } from './private/network-stack.js';
