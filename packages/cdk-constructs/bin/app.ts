// The CDK app that `cdk synth` / `cdk deploy` run: -c preset=basic|existing-vpc|production|development or -c spec=FILE.
import { createArtosApp } from '../src/app.js';

const { app } = await createArtosApp();
app.synth();
