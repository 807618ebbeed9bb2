// Entry of `@artos/cdk-constructs/app`: the CDK app with presets and cdk-nag (an optional peer).
export { createArtosApp, type ArtosAppOptions } from './private/app.js';
