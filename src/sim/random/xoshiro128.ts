/**
 * xoshiro128** 1.1 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021; reference code xoshiro128starstar.c, version 1.1): 128
 * bits of state, 32-bit outputs, period 2¹²⁸ − 1, passes BigCrush and PractRand. Checked bit
 * for bit against the outputs of the authors' reference implementation (tests/sim/random).
 */

/**
 * Advances the state held in `s[at … at+3]` (int32 words s0…s3) by one step and returns the
 * 32-bit output as an unsigned integer: rotl(s1·5, 7)·9, then the xoshiro shift-and-rotate
 * update. The simulation inlines the same step in {@link TrialStreams}; this plain form is
 * the one the tests hold against the reference.
 * @example const s = Int32Array.of(1, 2, 3, 4); xoshiro128ss(s, 0) // 11520
 */
export function xoshiro128ss(s: Int32Array, at: number): number {
  let s0 = s[at]!;
  let s1 = s[at + 1]!;
  let s2 = s[at + 2]!;
  let s3 = s[at + 3]!;
  const m = Math.imul(s1, 5);
  const out = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = (s3 << 11) | (s3 >>> 21);
  s[at] = s0;
  s[at + 1] = s1;
  s[at + 2] = s2;
  s[at + 3] = s3;
  return out;
}
