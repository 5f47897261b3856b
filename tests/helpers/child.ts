/**
 * Child processes for tests: each runs in its own process group, so that killing it also
 * kills what it started (a Jupyter kernel, a worker), and every child still running when a
 * test file ends — passed, failed or timed out — is killed. Deadlines are for hangs, not
 * for speed: they are generous, because CI and laptops are loaded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll } from 'vitest';

export interface Child {
  readonly proc: ChildProcess;
  /** Resolves with the exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** What it wrote, so far. */
  readonly output: () => string;
  /** Kills the child's whole process group (no-op once it has exited). */
  readonly kill: (signal?: NodeJS.Signals) => void;
}

const running = new Set<Child>();

afterAll(() => {
  for (const c of running) c.kill('SIGKILL');
});

/** Starts `command` in its own process group; its stdout and stderr are collected. */
export function startChild(
  command: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Child {
  const proc = spawn(command, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  proc.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  proc.stderr?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    proc.on('exit', (code) => {
      done = true;
      running.delete(child);
      resolve(code);
    });
    proc.on('error', () => {
      done = true;
      running.delete(child);
      resolve(null);
    });
  });
  const child: Child = {
    proc,
    exited,
    output: () => text,
    kill: (signal = 'SIGKILL') => {
      if (done || proc.pid === undefined) return;
      try {
        process.kill(-proc.pid, signal);
      } catch {
        // Already gone.
      }
    },
  };
  running.add(child);
  return child;
}

/**
 * Runs `command` to its end and returns its exit code and output; after `hangMs` it is killed
 * and the promise rejects (a hang, not slowness: give minutes).
 */
export async function runChild(
  command: string,
  args: readonly string[],
  hangMs: number,
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; output: string }> {
  const child = startChild(command, args, opts);
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill();
      reject(
        new Error(
          `${command} ${args.join(' ')} did not finish in ${hangMs / 1000} s:\n${child.output()}`,
        ),
      );
    }, hangMs);
  });
  try {
    const code = await Promise.race([child.exited, hung]);
    return { code, output: child.output() };
  } finally {
    clearTimeout(timer);
    child.kill();
  }
}
