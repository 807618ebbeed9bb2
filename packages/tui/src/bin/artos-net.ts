#!/usr/bin/env node
import { runCli } from '../cli/program.js';
import { processIo } from '../cli/io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
