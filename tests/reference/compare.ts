/**
 * Compares the engine's ForecastResult with the reference's means, series by series:
 * |a − b| ≤ Z · √(se_a² + se_b²) + ε (ε = 10⁻⁹ relative, for deterministic quantities whose
 * se is 0 in both), and target probabilities within 0.02 + Z · combined se.
 */
import type { BreakdownResult, ForecastResult, Summary } from '../../src/analysis/types.js';
import type { Model } from '../../src/model/types.js';
import type { EngineRun } from './engine-run.js';
import { probability, type RefResult, type Stat } from './ref-summary.js';

/** Standard errors allowed between the two means (the fidelity check's criterion). */
export const Z = 4;
/** Absolute slack on a target probability, on top of Z combined standard errors. */
export const PROBABILITY_SLACK = 0.02;

/** One comparison that failed. */
export interface Discrepancy {
  readonly key: string;
  /** Period label, or `total`. */
  readonly at: string;
  readonly engine: number;
  readonly reference: number;
  /** |difference| in combined standard errors. */
  readonly z: number;
}

/** Result of comparing every series: how many comparisons and which ones failed. */
export interface Comparison {
  readonly checked: number;
  readonly failures: Discrepancy[];
}

function check(
  out: Comparison & { checked: number },
  key: string,
  at: string,
  a: { readonly mean: number; readonly se: number | null },
  b: Stat,
  slack = 0,
): void {
  out.checked++;
  // An engine se of null (one trial) cannot bound anything: NaN fails the check.
  const ase = a.se ?? Number.NaN;
  const se = Math.sqrt(ase * ase + b.se * b.se);
  const eps = 1e-9 * Math.max(1, Math.abs(a.mean), Math.abs(b.mean));
  const diff = Math.abs(a.mean - b.mean);
  if (!(diff <= Z * se + eps + slack)) {
    out.failures.push({
      key,
      at,
      engine: a.mean,
      reference: b.mean,
      z: se > 0 ? diff / se : Number.POSITIVE_INFINITY,
    });
  }
}

function missing(out: Comparison, key: string, reference: number): void {
  out.failures.push({ key, at: 'missing', engine: Number.NaN, reference, z: Number.NaN });
}

/** The engine's summary of a reference key, or null when the engine has no such series. */
function engineSeries(
  result: ForecastResult,
  key: string,
): { periods: readonly Summary[]; total: Summary } | null {
  const [section, id, field] = key.split('.') as [string, string, string | undefined];
  if (section === 'metrics') return result.metrics[id as keyof ForecastResult['metrics']] ?? null;
  if (section === 'stages') return result.stages[id] ?? null;
  if (section === 'roles' && field !== undefined) {
    const role = result.roles[id];
    return role === undefined ? null : (role[field as keyof typeof role] ?? null);
  }
  return null;
}

/** Compares every series, breakdown and target of `engine` with `ref`. */
export function compareResults(model: Model, run: EngineRun, ref: RefResult): Comparison {
  const engine = run.result;
  const out = { checked: 0, failures: [] as Discrepancy[] };
  const labels = model.calendar.labels;
  for (const [key, series] of ref.series) {
    const [section, id, field] = key.split('.') as [string, string, string];
    if (section === 'channels' || section === 'markets') {
      const b: BreakdownResult | undefined = (
        section === 'channels' ? engine.channels : engine.markets
      )[id];
      if (b === undefined) {
        missing(out, key, series.total.mean);
        continue;
      }
      const f = field as 'leads' | 'wins' | 'bookings';
      check(out, key, 'total', b[f], series.total);
      // ForecastResult keeps per-period breakdown means only; their se comes from the teed rows.
      const se = run.breakdownSe.get(key);
      series.periods.forEach((s, t) => {
        check(out, key, labels[t]!, { mean: b.periods[f][t]!, se: se?.[t] ?? Number.NaN }, s);
      });
      continue;
    }
    const e = engineSeries(engine, key);
    if (e === null) {
      missing(out, key, series.total.mean);
      continue;
    }
    check(out, key, 'total', e.total, series.total);
    series.periods.forEach((s, t) => {
      check(out, key, labels[t]!, e.periods[t]!, s);
    });
  }
  const { targets } = engine;
  const wanted = model.targets;
  for (const metric of ['bookings', 'profit'] as const) {
    const target = wanted[metric];
    if (target === null) continue;
    const e = targets[metric];
    const r = probability(ref[metric], target);
    const key = `targets.${metric}`;
    if (e === undefined) missing(out, key, r.mean);
    else check(out, key, 'total', { mean: e.probability, se: e.se }, r, PROBABILITY_SLACK);
  }
  wanted.quarterly.forEach((target, q) => {
    const e = targets.quarterly_detail?.[q];
    const r = probability(ref.quarters[q]!, target);
    if (e === undefined) missing(out, `targets.quarterly[${q}]`, r.mean);
    else
      check(
        out,
        `targets.quarterly[${q}]`,
        'total',
        { mean: e.probability, se: e.se },
        r,
        PROBABILITY_SLACK,
      );
  });
  return out;
}

/** One line per failure, for the assertion message and the report. */
export function describe(failures: readonly Discrepancy[]): string {
  return failures
    .map(
      (f) =>
        `${f.key} @${f.at}: engine ${f.engine.toPrecision(6)} vs reference ${f.reference.toPrecision(6)} (${f.z.toFixed(1)} se)`,
    )
    .join('\n');
}
