/**
 * A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe` (file
 * descriptors 3 and 4, NUL-terminated JSON messages), so the browser test needs no npm
 * dependency and no WebSocket. Test helper only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export interface CdpEvent {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly sessionId?: string;
}

interface Pending {
  resolve: (v: Record<string, unknown>) => void;
  reject: (e: Error) => void;
}

/** A running headless Chromium driven over the DevTools pipe. */
export class Browser {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = '';
  readonly events: CdpEvent[] = [];
  private readonly listeners: ((e: CdpEvent) => void)[] = [];

  private constructor(
    private readonly proc: ChildProcess,
    private readonly input: Writable,
    output: Readable,
    private readonly profile: string,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
  }

  /** Starts Chromium headless with networking disabled and a fresh profile. */
  static launch(executable: string): Browser {
    const profile = mkdtempSync(join(tmpdir(), 'salesops-chromium-'));
    const proc = spawn(
      executable,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-default-apps',
        '--disable-extensions',
        '--no-first-run',
        '--no-default-browser-check',
        // Any request that did escape would go to a closed port and fail visibly.
        '--proxy-server=127.0.0.1:9',
        '--host-resolver-rules=MAP * ~NOTFOUND',
        `--user-data-dir=${profile}`,
        '--remote-debugging-pipe',
        'about:blank',
      ],
      // Its own process group, so close() can kill Chromium's helper processes with it.
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true },
    );
    proc.stderr?.resume();
    const input = proc.stdio[3] as Writable;
    const output = proc.stdio[4] as Readable;
    return new Browser(proc, input, output, profile);
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\0');
    while (end >= 0) {
      const msg = JSON.parse(this.buffer.slice(0, end)) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      this.buffer = this.buffer.slice(end + 1);
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(msg.error.message));
        else p?.resolve(msg.result ?? {});
      } else if (msg.method) {
        const e: CdpEvent = {
          method: msg.method,
          params: msg.params ?? {},
          ...(msg.sessionId === undefined ? {} : { sessionId: msg.sessionId }),
        };
        this.events.push(e);
        for (const l of this.listeners) l(e);
      }
      end = this.buffer.indexOf('\0');
    }
  }

  /** Sends a command (to the browser, or to a page session) and waits for its result. */
  send(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const message = { id, method, params, ...(sessionId === undefined ? {} : { sessionId }) };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(`${JSON.stringify(message)}\0`);
    });
  }

  /** Resolves with the first event matching `pred` (already received or future), or rejects after `ms`. */
  waitFor(pred: (e: CdpEvent) => boolean, ms: number): Promise<CdpEvent> {
    const seen = this.events.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out after ${ms} ms waiting for an event`)),
        ms,
      );
      this.listeners.push((e) => {
        if (pred(e)) {
          clearTimeout(timer);
          resolve(e);
        }
      });
    });
  }

  /** Closes the browser and removes its profile. */
  async close(): Promise<void> {
    try {
      await Promise.race([this.send('Browser.close'), new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // The browser may already be gone.
    }
    // Kill the whole group: a helper process left behind keeps writing into the profile
    // (CI failed twice with ENOTEMPTY removing it after killing only the browser process).
    const exited =
      this.proc.exitCode === null && this.proc.signalCode === null
        ? new Promise((r) => this.proc.once('exit', r))
        : Promise.resolve();
    try {
      if (this.proc.pid !== undefined) process.kill(-this.proc.pid, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
