import { describe, expect, it } from 'vitest';
import { type Rng, streamRng } from '../../../src/sim/rng.js';
import { zigguratNormal, zigguratTables } from '../../../src/sim/samplers/ziggurat.js';
import { normalCdf, normalQuantile } from '../../../src/stats/normal.js';
import { jStat } from '../../stats/jstat-oracle.js';
import { drawMany, expectContinuousFit, expectMoments } from './helpers.js';

const N = 1_000_000;
/** Tolerance in standard errors, as in helpers.ts. */
const Z = 4.5;

/** A stream that replays `values` (uniforms in [0, 1)), then fails: for exercising given paths. */
function replay(values: readonly number[]): Rng & { used: () => number } {
  let k = 0;
  const rng = (): number => {
    if (k >= values.length) throw new Error('replay stream exhausted');
    return values[k++]!;
  };
  return Object.assign(rng, { used: () => k });
}

/** The uniform whose 32-bit word has layer `layer` in its low 7 bits and `high` in its top 25. */
function word(layer: number, high: number): number {
  return (high * 128 + layer) / 2 ** 32;
}

describe('zigguratNormal tables', () => {
  const { r, v, x, f } = zigguratTables();

  it("solve Marsaglia & Tsang's equations: r = 3.442619855899, 128 layers of equal area", () => {
    expect(Math.abs(r - 3.442619855899)).toBeLessThan(1e-11);
    expect(x[1]).toBe(r);
    expect(x[128]).toBe(0);
    expect(f[128]).toBe(1);
    // Base layer: width v/f(r), tail included; its area ∫₀^r f + tail equals v.
    expect(x[0]! * Math.exp(-0.5 * r * r)).toBeCloseTo(v, 15);
    expect(r * Math.exp(-0.5 * r * r) + Math.sqrt(2 * Math.PI) * normalCdf(-r)).toBeCloseTo(v, 15);
    for (let i = 1; i < 128; i++) {
      expect(x[i + 1]!).toBeLessThan(x[i]!);
      expect(f[i]).toBeCloseTo(Math.exp(-0.5 * x[i]! * x[i]!), 15);
      // Layer i is [0, x[i]] × [f(x[i]), f(x[i+1])]: area v (the top one too, to ~1e-13).
      expect(Math.abs(x[i]! * (f[i + 1]! - f[i]!) - v) / v).toBeLessThan(1e-12);
    }
    // The ziggurat covers the half-density (area √(2π)/2) with 98.8 % efficiency.
    expect(Math.sqrt(2 * Math.PI) / 2 / (128 * v)).toBeCloseTo(0.98779, 5);
  });
});

describe('zigguratNormal (Marsaglia–Tsang ziggurat, Doornik bit split)', () => {
  const rng = streamRng(9, 'ziggurat');
  const xs = drawMany(N, () => zigguratNormal(rng));

  it('has mean 0 and variance 1 (within 4.5 Monte Carlo SE)', () => {
    expectMoments(xs, 0, 1);
  });

  it('has skewness 0 and excess kurtosis 0 (SE √(6/n) and √(24/n))', () => {
    let m = 0;
    for (const x of xs) m += x;
    m /= N;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (const x of xs) {
      const d = x - m;
      const d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
    m2 /= N;
    m3 /= N;
    m4 /= N;
    const skew = m3 / m2 ** 1.5;
    const exKurt = m4 / (m2 * m2) - 3;
    expect(Math.abs(skew), `skewness ${skew}`).toBeLessThan(Z * Math.sqrt(6 / N));
    expect(Math.abs(exKurt), `excess kurtosis ${exKurt}`).toBeLessThan(Z * Math.sqrt(24 / N));
  });

  it('follows the normal CDF: Kolmogorov–Smirnov and a 1,000-bin chi-square', () => {
    expectContinuousFit(xs, normalCdf);
    // Equiprobable bins: bin k holds Φ⁻¹(k/B) < x ≤ Φ⁻¹((k+1)/B); its index is ⌊B·Φ(x)⌋.
    const bins = 1000;
    const counts = new Float64Array(bins);
    for (const x of xs) counts[Math.min(bins - 1, Math.floor(bins * normalCdf(x)))]! += 1;
    const e = N / bins;
    let x2 = 0;
    for (const c of counts) x2 += ((c - e) * (c - e)) / e;
    expect(x2, `chi-square ${x2} on ${bins - 1} df`).toBeLessThan(
      jStat.chisquare.inv(0.999, bins - 1),
    );
  });

  it('puts 2(1 − Φ(z)) of its draws beyond |z| = 3, r and 4 (within 4 SE)', () => {
    // 4·10⁶ draws so that |z| > 4 expects ~250.
    const n = 4 * N;
    const tailRng = streamRng(9, 'ziggurat-tails');
    const { r } = zigguratTables();
    const cuts = [3, r, 4] as const;
    const counts = [0, 0, 0];
    let positive = 0;
    for (let k = 0; k < n; k++) {
      const x = zigguratNormal(tailRng);
      const a = Math.abs(x);
      for (let c = 0; c < cuts.length; c++) if (a > cuts[c]!) counts[c]!++;
      if (x > 0) positive++;
    }
    for (let c = 0; c < cuts.length; c++) {
      const p = 2 * normalCdf(-cuts[c]!);
      const se = Math.sqrt(n * p * (1 - p));
      expect(
        Math.abs(counts[c]! - n * p),
        `beyond ${cuts[c]}: ${counts[c]} vs ${n * p}`,
      ).toBeLessThan(4 * se);
    }
    expect(Math.abs(positive - n / 2)).toBeLessThan(4 * Math.sqrt(n / 4));
  });

  it('gives independent consecutive draws (chi-square of pairs on a 10×10 grid)', () => {
    const g = 10;
    const counts = new Float64Array(g * g);
    const cell = (x: number): number => Math.min(g - 1, Math.floor(g * normalCdf(x)));
    for (let k = 0; k + 1 < N; k += 2) counts[cell(xs[k]!) * g + cell(xs[k + 1]!)]! += 1;
    const e = N / 2 / (g * g);
    let x2 = 0;
    for (const c of counts) x2 += ((c - e) * (c - e)) / e;
    expect(x2, `chi-square ${x2}`).toBeLessThan(jStat.chisquare.inv(0.999, g * g - 1));
  });

  it('draws are finite, never 0, and below r + 32·ln 2/r in size', () => {
    const { r } = zigguratTables();
    const bound = r + (32 * Math.LN2) / r;
    for (const x of xs)
      if (!(Number.isFinite(x) && x !== 0 && Math.abs(x) < bound)) throw new Error(`bad draw ${x}`);
  });
});

describe('zigguratNormal determinism and bit layout', () => {
  it('is a pure function of the stream: same stream, same values, whatever else is drawn between', () => {
    const a = streamRng(2027, 'zig-det');
    const b = streamRng(2027, 'zig-det');
    const other = streamRng(2027, 'zig-other');
    for (let k = 0; k < 50_000; k++) {
      const x = zigguratNormal(a);
      zigguratNormal(other);
      expect(zigguratNormal(b)).toBe(x);
    }
  });

  it('fast path: one uniform, layer from the low 7 bits, abscissa from the high 25', () => {
    const { x: X } = zigguratTables();
    const src = streamRng(4, 'zig-bits');
    let fast = 0;
    let mismatches = 0;
    for (let k = 0; k < 100_000; k++) {
      const u = src();
      const w = u * 2 ** 32;
      const layer = w % 128;
      const x = ((Math.floor(w / 128) + 0.5) * 2 ** -24 - 1) * X[layer]!;
      if (!(Math.abs(x) < X[layer + 1]!)) continue;
      fast++;
      const rng = replay([u]);
      if (zigguratNormal(rng) !== x || rng.used() !== 1) mismatches++;
    }
    expect(mismatches).toBe(0);
    // 97.2 % of words take the fast path: (1/128)·Σ X[i+1]/X[i].
    let p = 0;
    for (let i = 0; i < 128; i++) p += X[i + 1]! / X[i]!;
    p /= 128;
    expect(p).toBeCloseTo(0.9724, 4);
    expect(Math.abs(fast - 100_000 * p)).toBeLessThan(4 * Math.sqrt(100_000 * p * (1 - p)));
  });

  it("tail: base layer beyond r draws r + a by Marsaglia's exponential method, with the word's sign", () => {
    const { r } = zigguratTables();
    const top = 2 ** 25 - 1; // abscissa just under +1: x ≈ X[0] > r
    // a = −ln(1 − ½)/r, b = −ln(1 − ½) = ln 2; accepted since 2b ≥ a².
    expect(zigguratNormal(replay([word(0, top), 0.5, 0.5]))).toBe(r + Math.LN2 / r);
    expect(zigguratNormal(replay([word(0, 0), 0.5, 0.5]))).toBe(-(r + Math.LN2 / r));
    // A rejected pair (a = 32·ln 2/r from U₁ = 1 − 2⁻³², b = 0) is redrawn; then a = 0: r itself.
    const rng = replay([word(0, top), 1 - 2 ** -32, 0, 0, 0.5]);
    expect(zigguratNormal(rng)).toBe(r);
    expect(rng.used()).toBe(5);
  });

  it('wedge: accepts under the curve, otherwise starts again with a fresh word', () => {
    const { x: X } = zigguratTables();
    const high = 2 ** 25 - 2 ** 20; // u ≈ 0.94: outside the top layer's (empty) fast region
    const x = ((high + 0.5) * 2 ** -24 - 1) * X[127]!;
    // y = F[127] + 0·ΔF lies below the curve everywhere in the top layer: accepted.
    expect(zigguratNormal(replay([word(127, high), 0]))).toBe(x);
    // y ≈ 1 lies above it: rejected; the next word is a fast-path draw of layer 5.
    const next = word(5, 2 ** 24);
    const rng = replay([word(127, high), 1 - 2 ** -32, next]);
    expect(zigguratNormal(rng)).toBe(0.5 * 2 ** -24 * X[5]!);
    expect(rng.used()).toBe(3);
  });

  it('agrees with inversion in law: quantiles of 10⁶ draws within 4 SE of Φ⁻¹', () => {
    const rng = streamRng(9, 'ziggurat-quantiles');
    const sorted = drawMany(N, () => zigguratNormal(rng)).sort();
    for (const p of [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999]) {
      const q = normalQuantile(p);
      // SE of the sample p-quantile: √(p(1 − p)/n)/φ(q).
      const se = Math.sqrt((p * (1 - p)) / N) / (Math.exp(-0.5 * q * q) / Math.sqrt(2 * Math.PI));
      const got = sorted[Math.floor(p * N)]!;
      expect(Math.abs(got - q), `quantile ${p}: ${got} vs ${q}`).toBeLessThan(4 * se);
    }
  });
});
