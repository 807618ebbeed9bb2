#!/usr/bin/env node
// The AWS SDK warns about Node 20 on every client; keep that noise off the screen.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
// A closed pipe (artos-net … | head) ends the output, not the program with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
import { runCli } from '../cli/program.js';
import { processIo } from '../cli/io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
