/**
 * A progress bar on stderr, only on a terminal, only for runs longer than a moment
 * (it appears after 400 ms), redrawn at most 10 times a second, erased at the end.
 */
import type { CliContext } from './context.js';

const DELAY_MS = 400;
const WIDTH = 30;

export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly finish: () => void;
}

/** A progress reporter for `label`; a no-op when stderr is not a terminal or --quiet. */
export function progressBar(ctx: CliContext, label: string, quiet: boolean): Progress {
  if (!ctx.stderrIsTTY || quiet) return { update() {}, finish() {} };
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < DELAY_MS || now - last < 100) return;
      last = now;
      drawn = true;
      const f = total > 0 ? done / total : 1;
      const filled = Math.round(f * WIDTH);
      ctx.err(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.round(f * 100)}% `,
      );
    },
    finish() {
      if (drawn) ctx.err(`\r${' '.repeat(label.length + WIDTH + 10)}\r`);
    },
  };
}
