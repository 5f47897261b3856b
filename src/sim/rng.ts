/**
 * Seeded random streams. Every stochastic function in salesops takes an {@link Rng}. The
 * engine keys one stream per purpose inside each trial ({@link TrialStreams}); draws outside
 * the trial loop (design permutations, Iman–Conover, tests) take a named stream from
 * {@link streamRng}. Both are xoshiro128** generators whose 128-bit starting state is one
 * Threefry-4×32-20 block of a key made from the seed and the stream's name (docs/samplers.md).
 */
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

/** The RC4 state and the key nameWords reuse from call to call (one name at a time). */
const ARC4_S = new Uint8Array(256);
const ARC4_KEY = new Int32Array(256);

/**
 * Four 32-bit words naming `text`: exactly what seedrandom's ARC4 gives when keyed by the text
 * (`seedrandom(text).int32()` four times: its string-key hashing, RC4's key schedule, the first
 * 256 bytes dropped), a fixed-length counter for any name. Written out here because seedrandom
 * also builds a closure and stirs the whole RC4 state into its global entropy pool on every
 * call: ~6 µs a name against ~1.3 µs, and the quota's credit keys two streams per trial
 * (20,000 names for 10,000 trials). `tests/sim/rng.test.ts` checks it against seedrandom.
 * @example nameWords('lhs') // four int32 words, the same on every machine
 */
export function nameWords(text: string): [number, number, number, number] {
  const s = ARC4_S;
  const key = ARC4_KEY;
  // seedrandom's mixkey: each UTF-16 unit, smeared with the key byte it lands on, wrapping at 256.
  const length = text.length;
  const keyLength = length === 0 ? 1 : Math.min(length, 256);
  key.fill(0, 0, keyLength);
  let smear = 0;
  for (let k = 0; k < length; k++) {
    const at = k & 255;
    smear ^= key[at]! * 19;
    key[at] = (smear + text.charCodeAt(k)) & 255;
  }
  // RC4's key schedule.
  for (let i = 0; i < 256; i++) s[i] = i;
  let j = 0;
  for (let i = 0; i < 256; i++) {
    const t = s[i]!;
    j = (j + key[i % keyLength]! + t) & 255;
    s[i] = s[j]!;
    s[j] = t;
  }
  // RC4's output from i = j = 0: 256 bytes dropped, then 16 bytes, big-endian, into 4 words.
  const words: [number, number, number, number] = [0, 0, 0, 0];
  let i = 0;
  j = 0;
  for (let n = -256; n < 16; n++) {
    i = (i + 1) & 255;
    const t = s[i]!;
    j = (j + t) & 255;
    s[i] = s[j]!;
    s[j] = t;
    if (n >= 0) words[n >> 2] = (words[n >> 2]! << 8) | s[(s[i]! + t) & 255]!;
  }
  return words;
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
