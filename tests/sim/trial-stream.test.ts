import { describe, expect, it } from 'vitest';
import { trialRng } from '../../src/sim/rng.js';
import { TrialStream } from '../../src/sim/trial-stream.js';

describe('TrialStream', () => {
  it('draws exactly the numbers of seedrandom’s Tyche-i stream for (seed, trial)', () => {
    const s = new TrialStream();
    for (const [seed, trial] of [
      [0, 0],
      [2027, 1],
      [1, 23],
      [12, 3],
      [9_007_199_254_740_991, 123_456],
    ] as const) {
      s.reset(seed, trial);
      const reference = trialRng(seed, trial);
      for (let i = 0; i < 1000; i++) expect(s.next()).toBe(reference());
    }
  });

  it('restarts a trial from its beginning on reset', () => {
    const s = new TrialStream();
    s.reset(5, 7);
    const first = [s.next(), s.next(), s.next()];
    s.reset(5, 8);
    s.next();
    s.reset(5, 7);
    expect([s.next(), s.next(), s.next()]).toEqual(first);
  });
});
