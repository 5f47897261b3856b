import type { Logger } from '../util/logger.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliContext {
  /** Write to standard output. */
  readonly out: (text: string) => void;
  /** Write to standard error. */
  readonly err: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
}

/** Flags every command accepts. */
export interface CommonArgs {
  readonly trials?: number | undefined;
  readonly seed?: number | undefined;
  readonly out?: string | undefined;
  readonly json?: boolean | undefined;
  readonly workers?: number | undefined;
  readonly quiet?: boolean | undefined;
}

/** The flags every command line accepts before or after the command; each command says which it uses. */
export type CommonFlag = 'trials' | 'seed' | 'json' | 'workers' | 'quiet';

/** One subcommand: its yargs definition and what it does. Returns the exit code. */
export interface Command {
  readonly command: string;
  readonly describe: string;
  /** Common flags this command uses; any other one given is refused (exit 2). */
  readonly flags: readonly CommonFlag[];
  // biome-ignore lint/suspicious/noExplicitAny: yargs builders are typed per command
  readonly builder: (y: import('yargs').Argv<any>) => import('yargs').Argv<any>;
  readonly run: (args: Record<string, unknown> & CommonArgs, ctx: CliContext) => Promise<number>;
}

/**
 * The engine's warnings (the precision cap reached, summaries needing several passes) on
 * stderr as `salesops: warning: …`; nothing with `--quiet`.
 */
export function cliLogger(ctx: CliContext, quiet: boolean): Logger {
  return {
    warn: (m) => {
      if (!quiet) ctx.err(`salesops: warning: ${m}\n`);
    },
    info: () => {},
  };
}

/** Exit codes: 0 success, 1 a failed run, 2 bad input. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;
