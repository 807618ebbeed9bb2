// Entry of `@artos/cdk-constructs/app`: the CDK app with presets and cdk-nag (an optional peer).
// It re-exports the package entry too, so every type its API names (ArtosNetworkStack and what
// that holds) is importable from here.
export * from './index.js';
export { createArtosApp, type ArtosAppOptions } from './private/app.js';
export { runArtosApp, INPUT_ERROR_EXIT_CODE, type ArtosAppRunIo } from './private/run-app.js';
