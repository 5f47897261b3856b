/**
 * Streaming mean and variance of many columns at once, in a fixed order: Neumaier
 * compensated sums for the mean and Welford's update for the sum of squared deviations.
 * Fed in trial order, the result is bit-identical however the trials were computed.
 */
export class ColumnMoments {
  private readonly sum: Float64Array;
  private readonly comp: Float64Array;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;
  private count = 0;

  constructor(readonly columns: number) {
    this.sum = new Float64Array(columns);
    this.comp = new Float64Array(columns);
    this.mean = new Float64Array(columns);
    this.m2 = new Float64Array(columns);
  }

  /** Adds one observation of every column. */
  push(values: Float64Array): void {
    this.count += 1;
    const k = this.count;
    const { sum, comp, mean, m2 } = this;
    for (let j = 0; j < this.columns; j++) {
      const x = values[j]!;
      const s = sum[j]!;
      const t = s + x;
      comp[j]! += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      sum[j] = t;
      const d = x - mean[j]!;
      mean[j]! += d / k;
      m2[j]! += d * (x - mean[j]!);
    }
  }

  /** Observations so far. */
  get size(): number {
    return this.count;
  }

  /** Compensated mean of column j. */
  meanOf(j: number): number {
    return this.count === 0 ? Number.NaN : (this.sum[j]! + this.comp[j]!) / this.count;
  }

  /** Sample standard deviation (n − 1) of column j; 0 for a single observation. */
  sdOf(j: number): number {
    return this.count < 2 ? 0 : Math.sqrt(Math.max(0, this.m2[j]!) / (this.count - 1));
  }
}
