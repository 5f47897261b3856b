/**
 * The tornado and the spider: each lever low and high (the spider: at every percentile) with
 * every uncertain input at its median, on the same trials — common random numbers, so the
 * differences between runs are the lever's effect plus a small, measured Monte Carlo error.
 */
import { SPIDER_PERCENTILES } from '../../defaults.js';
import type { Override } from '../../scenario/overrides.js';
import { meanSummary } from '../evaluator.js';
import { type Lever, medianOverrides, valueAt, wholeNumber } from './levers.js';
import type { SensitivityRunner } from './runner.js';
import type { SpiderLine } from './types.js';

/** One lever's tornado bar. */
export interface Bar {
  readonly lever: Lever;
  readonly outputLow: number;
  readonly outputHigh: number;
  readonly swing: number;
  /** Standard error of the paired swing; null for one trial. */
  readonly swingSe: number | null;
}

/**
 * Runs the tornado needs: its centre, and each lever low and high.
 * @example tornadoRuns(levers) // 1 + 2 · levers.length
 */
export function tornadoRuns(levers: readonly Lever[]): number {
  return 1 + 2 * levers.length;
}

/**
 * Extra runs the spider needs per input at these percentiles (its P10, median and P90 are
 * tornado runs).
 * @example spiderExtraRuns([0.1, 0.25, 0.5, 0.75, 0.9]) // 2
 */
export function spiderExtraRuns(percentiles: readonly number[]): number {
  return percentiles.filter((p) => p !== 0.1 && p !== 0.5 && p !== 0.9).length;
}

/**
 * The tornado's centre (every uncertain input at its median) and one bar per lever, largest
 * swing first (ties in lever order).
 * @example const { base, bars } = await tornado(runner, levers(model, []), 1000);
 */
export async function tornado(
  runner: SensitivityRunner,
  levers: readonly Lever[],
  trials: number,
): Promise<{ base: number; baseValues: Float64Array; bars: Bar[] }> {
  const medians = medianOverrides(runner.plan);
  const centre = await runner.run(runner.with(medians), trials);
  const bars: Bar[] = [];
  for (const lever of levers) {
    const at = (o: Override) => runner.with([...withoutLever(medians, lever), o]);
    const lo = (await runner.run(at(lever.lowOverride), trials)).values;
    const hi = (await runner.run(at(lever.highOverride), trials)).values;
    const outputLow = meanSummary(lo).mean;
    const outputHigh = meanSummary(hi).mean;
    bars.push({
      lever,
      outputLow,
      outputHigh,
      swing: Math.abs(outputHigh - outputLow),
      swingSe: meanSummary(hi.map((h, i) => h - lo[i]!)).se,
    });
  }
  const order = bars
    .map((b, i) => [b, i] as const)
    .sort((a, b) => b[0].swing - a[0].swing || a[1] - b[1]);
  return {
    base: meanSummary(centre.values).mean,
    baseValues: centre.values,
    bars: order.map(([b]) => b),
  };
}

/**
 * The spider lines of the `top` uncertain levers with the largest swings: the metric's mean
 * at each of `percentiles` of the input (default P10, P20 … P90), every other uncertain input
 * at its median.
 * P10, the median and P90 come from the tornado.
 * @example const lines = await spider(runner, bars, base, 5, 1000);
 */
export async function spider(
  runner: SensitivityRunner,
  bars: readonly Bar[],
  base: number,
  top: number,
  trials: number,
  percentiles: readonly number[] = SPIDER_PERCENTILES,
): Promise<SpiderLine[]> {
  const medians = medianOverrides(runner.plan);
  const lines: SpiderLine[] = [];
  for (const bar of bars.filter((b) => b.lever.kind === 'uncertain').slice(0, top)) {
    const { lever } = bar;
    const param = runner.plan.params[lever.param]!;
    const points = [];
    for (const q of percentiles) {
      let output: number;
      if (q === 0.1) output = bar.outputLow;
      else if (q === 0.9) output = bar.outputHigh;
      else if (q === 0.5) output = base;
      else {
        const model = runner.with([
          ...withoutLever(medians, lever),
          { quantile: lever.path, value: q },
        ]);
        output = meanSummary((await runner.run(model, trials)).values).mean;
      }
      points.push({
        percentile: q,
        value: valueAt(param, q, wholeNumber(runner.plan, lever.param)),
        output,
      });
    }
    lines.push({ path: lever.path, points });
  }
  return lines;
}

/** The median overrides without the lever's own (a later quantile override would not apply). */
function withoutLever(medians: readonly Override[], lever: Lever): Override[] {
  return medians.filter((o) => !('quantile' in o && o.quantile === lever.path));
}
