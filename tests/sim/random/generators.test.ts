/**
 * The generators against their published references, and a statistical smoke test of the
 * streams the engine draws from.
 */
import { describe, expect, it } from 'vitest';
import { threefry4x32, threefry20 } from '../../../src/sim/random/threefry.js';
import { xoshiro128ss } from '../../../src/sim/random/xoshiro128.js';
import { TWO_32 } from '../../../src/sim/rng.js';
import { StreamPlan, TrialStreams } from '../../../src/sim/streams.js';
import { modelOf } from '../../helpers/model.js';

const words = (s: string) =>
  s
    .trim()
    .split(/\s+/)
    .map((x) => Number.parseInt(x, 16));

// Random123's known-answer vectors (tests/kat_vectors of the Random123 distribution,
// D. E. Shaw Research): name, rounds, counter (4 words), key (4 words), expected (4 words).
const THREEFRY_KAT = [
  '13 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 531c7e4f 39491ee5 2c855a92 3d6abf9a',
  '13 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff c4189358 1c9cc83a d5881c67 6a0a89e0',
  '13 243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0 082efa98 ec4e6c89 4aa71d8f 734738c2 431fc6a8 ae6debf1',
  '20 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 9c6ca96a e17eae66 fc10ecd4 5256a7d8',
  '20 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff 2a881696 57012287 f6c7446e a16a6732',
  '20 243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0 082efa98 ec4e6c89 59cd1dbb b8879579 86b5d00c ac8b6d84',
  '72 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 93171da6 9220326d b392b7b1 ff58a002',
  '72 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff 60743f3d 9961e684 aab21c34 8c65fb7d',
];

describe('Threefry-4×32', () => {
  it('matches every Random123 known-answer vector (13, 20 and 72 rounds)', () => {
    for (const line of THREEFRY_KAT) {
      const w = words(line);
      const rounds = Number.parseInt(line.split(' ')[0]!, 10);
      const got = threefry4x32(w.slice(1, 5), w.slice(5, 9), rounds);
      expect([...got]).toEqual(w.slice(9, 13));
    }
  });

  it('gives the same block in its fast 20-round form', () => {
    const out = new Int32Array(8);
    for (const line of THREEFRY_KAT.filter((l) => l.startsWith('20 '))) {
      const w = words(line);
      threefry20(w[1]!, w[2]!, w[3]!, w[4]!, w[5]!, w[6]!, w[7]!, w[8]!, out, 4);
      expect([...out.subarray(4)].map((x) => x >>> 0)).toEqual(w.slice(9, 13));
    }
    // And on counters and keys that exercise carries in every word.
    let x = 0x9e3779b9;
    for (let i = 0; i < 200; i++) {
      const c = Array.from({ length: 8 }, () => {
        x = (Math.imul(x, 0x2c1b3c6d) + 0x297a2d39) | 0;
        return x;
      });
      threefry20(c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, out, 0);
      expect([...out.subarray(0, 4)].map((v) => v >>> 0)).toEqual([
        ...threefry4x32(c.slice(0, 4), c.slice(4, 8), 20),
      ]);
    }
  });
});

describe('xoshiro128** 1.1', () => {
  it('reproduces the reference implementation from the state (1, 2, 3, 4)', () => {
    // Outputs of the authors' xoshiro128starstar.c (version 1.1) from s = {1, 2, 3, 4}, as
    // published with the rand_xoshiro crate's reference test.
    const expected = [
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597,
      4258142804,
    ];
    const s = Int32Array.of(1, 2, 3, 4);
    expect(expected.map(() => xoshiro128ss(s, 0))).toEqual(expected);
  });

  it('is what the trial streams draw (the inlined step is the same generator)', () => {
    const model = modelOf(MINIMAL);
    const plan = new StreamPlan(model);
    const rs = new TrialStreams(plan);
    rs.begin(5, 3);
    rs.use(plan.churn);
    const first = [rs.next(), rs.next(), rs.next()];
    // The stream's state is the Threefry block of (trial, kind, a, b) under (seed, 0, 0, 0).
    const start = threefry4x32([3, 12, 0, 0], [5, 0, 0, 0], 20);
    const s = Int32Array.from(start);
    expect(first).toEqual([0, 1, 2].map(() => xoshiro128ss(s, 0) / TWO_32));
  });
});

const MINIMAL = `
scenario: streams
calendar: {start: 2027-01, periods: 3}
markets: {a: {deal_size: 100}}
channels: {c: {response: {curve: fixed, leads: 10}}}
funnel: [{stage: lead}, {stage: won, rate: 0.3}]
`;

/** Chi-square of 2²⁶ byte counts and the lag-1 serial correlation of `n` outputs of `draw`. */
function smoke(draw: () => number, n: number): { chi2: number; serial: number } {
  const counts = new Float64Array(256);
  let prev = 0;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const u = draw();
    const w = u * TWO_32;
    counts[w & 255]! += 1;
    counts[(w >>> 8) & 255]! += 1;
    counts[(w >>> 16) & 255]! += 1;
    counts[w >>> 24]! += 1;
    if (i > 0) sxy += (u - 0.5) * (prev - 0.5);
    sxx += (u - 0.5) * (u - 0.5);
    prev = u;
  }
  const e = (4 * n) / 256;
  let chi2 = 0;
  for (const c of counts) chi2 += ((c - e) * (c - e)) / e;
  return { chi2, serial: sxy / sxx };
}

// Chi-square, 255 degrees of freedom: 99.99th percentile 346.3 (R: qchisq(0.9999, 255)).
const CHI2_255 = 346.3;
// Lag-1 serial correlation of n iid uniforms: sd 1/√n; 4.5 sd bounds it at p ≈ 7·10⁻⁶.
const serialBound = (n: number) => 4.5 / Math.sqrt(n);

describe('statistical smoke test over 10⁷ outputs', () => {
  const N = 10_000_000;

  it('one stream: bytes uniform, no serial correlation', () => {
    const model = modelOf(MINIMAL);
    const plan = new StreamPlan(model);
    const rs = new TrialStreams(plan);
    rs.begin(2027, 0);
    rs.use(plan.leads);
    const { chi2, serial } = smoke(rs.next, N);
    expect(chi2).toBeLessThan(CHI2_255);
    expect(Math.abs(serial)).toBeLessThan(serialBound(N));
  });

  it('across keys: the first ten draws of a million adjacent trial streams', () => {
    const model = modelOf(MINIMAL);
    const plan = new StreamPlan(model);
    const rs = new TrialStreams(plan);
    let k = 0;
    const draw = () => {
      if (k % 10 === 0) {
        rs.begin(2027, k / 10);
        rs.use(plan.deals);
      }
      k++;
      return rs.next();
    };
    const { chi2, serial } = smoke(draw, N);
    expect(chi2).toBeLessThan(CHI2_255);
    expect(Math.abs(serial)).toBeLessThan(serialBound(N));
  });
});
