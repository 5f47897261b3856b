/**
 * Seeded random streams. Every stochastic function in salesops takes an {@link Rng}. The
 * engine keys one stream per purpose inside each trial ({@link TrialStreams}); draws outside
 * the trial loop (design permutations, Iman–Conover, tests) take a named stream from
 * {@link streamRng}. Both are xoshiro128** generators whose 128-bit starting state is one
 * Threefry-4×32-20 block of a key made from the seed and the stream's name (docs/samplers.md).
 */
import seedrandom from 'seedrandom';
import { threefry20 } from './random/threefry.js';
import { xoshiro128ss } from './random/xoshiro128.js';

/**
 * A source of uniform numbers in [0, 1) with 32-bit resolution (multiples of 2⁻³²; 0 can occur,
 * 1 cannot). Samplers that take a logarithm use `1 − rng()`, which lies in (0, 1].
 */
export type Rng = () => number;

/** 2³²: a 32-bit output divided by it is a uniform in [0, 1). */
export const TWO_32 = 0x100000000;

/** Third Threefry key word: separates trial streams (0) from named streams (1). */
export const KEY_DOMAIN = { trial: 0, named: 1 } as const;

/** The seed's low and high 32-bit words (seeds are whole numbers 0 … 2⁵³ − 1). */
export function seedWords(seed: number): [number, number] {
  return [(seed % TWO_32) | 0, Math.floor(seed / TWO_32) | 0];
}

/**
 * Writes into `state[at … at+3]` the xoshiro128** state of the stream whose Threefry
 * counter is (c0, c1, c2, c3) under the key (seed's low and high words, domain, 0). An
 * all-zero block (probability 2⁻¹²⁸), which xoshiro cannot leave, becomes (1, 0, 0, 0).
 */
export function seedState(
  seedLo: number,
  seedHi: number,
  domain: number,
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  state: Int32Array,
  at: number,
): void {
  threefry20(c0, c1, c2, c3, seedLo, seedHi, domain, 0, state, at);
  if ((state[at]! | state[at + 1]! | state[at + 2]! | state[at + 3]!) === 0) state[at] = 1;
}

/**
 * Four 32-bit words naming `text`, from seedrandom's ARC4 keyed by the text (its string-key
 * hashing, then RC4 with the first 256 bytes dropped): a fixed-length counter for any name.
 * @example nameWords('lhs') // four int32 words, the same on every machine
 */
export function nameWords(text: string): [number, number, number, number] {
  const arc4 = seedrandom(text);
  return [arc4.int32(), arc4.int32(), arc4.int32(), arc4.int32()];
}

/**
 * A named stream for draws outside the trial loop (design permutations, optimiser starts, …):
 * xoshiro128** started from the Threefry block of counter `nameWords(streamKey(seed, parts))`
 * under key (seed, named domain). The key string tags and terminates every part, so
 * `('a', 'bc')`, `('ab', 'c')`, `(1)` and `('1')` are all different streams.
 * @example const perm = randomPermutation(streamRng(2027, 'lhs', 3), 10_000);
 */
export function streamRng(seed: number, ...parts: readonly (string | number)[]): Rng {
  const [c0, c1, c2, c3] = nameWords(streamKey(seed, parts));
  const state = new Int32Array(4);
  const [lo, hi] = seedWords(seed);
  seedState(lo, hi, KEY_DOMAIN.named, c0, c1, c2, c3, state, 0);
  return () => xoshiro128ss(state, 0) / TWO_32;
}

/**
 * The name of a {@link streamRng} stream: `s<seed>;` then `n<number>;` or `s<length>:<string>;` per part.
 * @example streamKey(1, ['lhs', 2]) // 's1;s3:lhs;n2;'
 */
export function streamKey(seed: number, parts: readonly (string | number)[]): string {
  let key = `s${seed};`;
  for (const part of parts) {
    key += typeof part === 'number' ? `n${part};` : `s${part.length}:${part};`;
  }
  return key;
}
