/**
 * Temporary outputs (a trials file being written, a report folder being assembled) are
 * removed when the CLI is interrupted (Ctrl-C, SIGTERM), so an interrupted run leaves
 * nothing behind, as a failed one does. Library code only registers its temporary paths;
 * the signal handlers are installed by the CLI ({@link cleanUpOnInterrupt}), never behind a
 * host program's back.
 */
import { rmSync } from 'node:fs';

const pending = new Set<string>();

/** Removes `path` (file or folder) if the CLI is interrupted before {@link keep} is called. */
export function removeOnInterrupt(path: string): void {
  pending.add(path);
}

/** `path` is finished (renamed into place or removed): no longer remove it on interrupt. */
export function keep(path: string): void {
  pending.delete(path);
}

/**
 * On SIGINT or SIGTERM, removes every registered temporary path and exits with the
 * conventional status 128 + signal number (130, 143).
 */
export function cleanUpOnInterrupt(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    for (const path of pending) rmSync(path, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
