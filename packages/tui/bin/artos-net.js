#!/usr/bin/env node
// The `artos-net` command npm links at `npm ci` time. It is committed (not built) so the link exists
// in a fresh clone before dist/ does; it loads the build, or says how to make one.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin/artos-net.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('error: artos-net is not built yet\n  next: run `npm start` (or `npm run build`) at the repository root, then run artos-net again\n');
  process.exit(2);
}
await import(built.href);
