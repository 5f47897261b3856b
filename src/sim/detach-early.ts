/**
 * Threads hand rows over by transferring their buffers, which detaches them. V8 compiles
 * typed-array code on the assumption that no buffer was ever detached in the thread, and
 * throws all such optimised code away the first time one is — in the middle of the first
 * batches. Detaching a throwaway buffer before any simulation avoids that: measured on a
 * fresh worker, its first two B2B batches took 118 + 76 ms with the late deoptimisation and
 * 100 + 25 ms without (a warm batch: 21 ms).
 */
let done = false;

/** Detaches one throwaway buffer in this thread (once). */
export function detachEarly(): void {
  if (done) return;
  done = true;
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
}
