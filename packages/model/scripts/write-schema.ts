// Writes the spec's JSON Schema next to the build, for editors and other teams.
import { writeFileSync } from 'node:fs';
import { networkSpecJsonSchema } from '../src/private/spec-schema.js';

writeFileSync(new URL('../dist/network-spec.schema.json', import.meta.url), `${JSON.stringify(networkSpecJsonSchema(), null, 2)}\n`);
