#!/usr/bin/env node
// The AWS SDK warns about Node 20 on every client; keep that noise off the screen.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
// A closed pipe (artos-net … | head) ends the output, not the program with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
import { once } from 'node:events';
import { runCli } from '../cli/program.js';
import { processIo } from '../cli/io.js';

const code = await runCli(process.argv.slice(2), processIo());
// The command is over when runCli returns: work it leaves behind (a flow-log query cancelled by
// quitting the UI with q or ctrl-c) must not hold the process. Exit once the output is written.
for (const stream of [process.stdout, process.stderr]) if (stream.writableLength > 0) await once(stream, 'drain');
process.exit(code);
