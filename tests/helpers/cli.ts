/** Runs the CLI in-process and captures stdout, stderr and the exit code. */
import { createCli } from '../../src/cli/app.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await createCli({
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd,
  })(args);
  return { code, stdout, stderr };
}
