#!/usr/bin/env node
import { cleanUpOnInterrupt } from '../util/cleanup.js';
import { createCli } from './app.js';

cleanUpOnInterrupt();

// A closed pipe (e.g. `salesops forecast --json | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const cli = createCli({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
});
cli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`salesops: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
