/**
 * Runs the engine for the fidelity comparison: the ForecastResult exactly as `forecast`
 * builds it (same rows, same summariser), plus the Monte Carlo standard error of the
 * per-period channel and market means, which ForecastResult keeps as bare means. The rows
 * are teed on their way into the summariser, so the engine simulates each trial once.
 */
import { summariseRun } from '../../src/analysis/forecast.js';
import { simulate } from '../../src/analysis/simulate.js';
import type { ForecastResult } from '../../src/analysis/types.js';
import type { Model } from '../../src/model/types.js';
import { buildLayout } from '../../src/sim/layout.js';

/** The engine's result and the se of each breakdown series per period (`channels.<id>.wins` → se[t]). */
export interface EngineRun {
  readonly result: ForecastResult;
  readonly breakdownSe: ReadonlyMap<string, readonly number[]>;
}

/**
 * Forecasts `model` with `trials` trials on one thread (no precision loop).
 * @example const { result } = await runEngine(model, 1500);
 */
export async function runEngine(model: Model, trials: number): Promise<EngineRun> {
  const fixed: Model = { ...model, simulation: { ...model.simulation, trials, precision: null } };
  const layout = buildLayout(fixed);
  const T = layout.periods;
  const wanted = layout.series
    .map((s, i) => ({ key: s.key, i }))
    .filter((s) => s.key.startsWith('channels.') || s.key.startsWith('markets.'));
  const sum = wanted.map(() => new Float64Array(T));
  const sumSq = wanted.map(() => new Float64Array(T));
  let seen = 0;
  let pass = 0;
  const result = await summariseRun(fixed, trials, async (consume) => {
    const first = pass++ === 0;
    await simulate(fixed, { workers: 1, to: trials }, (from, count, rows) => {
      if (first) {
        for (let r = 0; r < count; r++) {
          wanted.forEach(({ i }, j) => {
            for (let t = 0; t < T; t++) {
              const x = rows[r * layout.width + i * T + t]!;
              sum[j]![t]! += x;
              sumSq[j]![t]! += x * x;
            }
          });
        }
        seen += count;
      }
      consume(from, count, rows);
    });
  });
  const breakdownSe = new Map<string, number[]>();
  wanted.forEach(({ key }, j) => {
    breakdownSe.set(
      key,
      Array.from({ length: T }, (_, t) => {
        const mean = sum[j]![t]! / seen;
        const variance = Math.max(0, (sumSq[j]![t]! - seen * mean * mean) / (seen - 1));
        return Math.sqrt(variance / seen);
      }),
    );
  });
  return { result, breakdownSe };
}
