// The CDK app that `cdk synth` / `cdk deploy` run: -c preset=basic|existing-vpc|production|development or -c spec=FILE.
// Bad input prints one line naming the input and the fix, and exits 2 (runArtosApp).
import { runArtosApp } from '../src/app.js';

await runArtosApp();
