/**
 * The JSON document `salesops reforecast --json` prints (docs/json-output.md, "reforecast"):
 * the forecast's JSON core over the whole calendar — months before k are the actuals, and
 * horizon totals, quarters and target probabilities count them — plus `actuals_periods` (k),
 * which series the actuals fix, and what they changed in the plan. With the plan's own
 * forecast, `plan` holds its horizon bookings and target probabilities to compare against.
 */
import { forecastJson } from '../../analysis/forecast-json.js';
import type { ForecastResult } from '../../analysis/types.js';
import type { ReforecastResult } from './reforecast.js';

/**
 * The JSON object of a reforecast (see the module doc).
 * @example reforecastJson(r, plan).actuals_periods // 6
 */
export function reforecastJson(
  r: ReforecastResult,
  plan?: ForecastResult,
): Record<string, unknown> {
  const f = r.forecast;
  return {
    ...forecastJson(f),
    actuals_periods: r.actuals.periods,
    actuals: {
      file: r.actuals.file,
      periods: f.periods.slice(0, r.actuals.periods),
      through: r.actuals.through,
      fixed: r.fixed,
      simulated:
        'every other series in months before actuals_periods is simulated from the plan at the actual spend',
    },
    reforecast: {
      pipeline: r.pipeline,
      pipeline_items: r.pipelineItems,
      rates: r.rates,
      leads: r.leads,
      team: r.team,
      accounts: r.accounts,
      notes: r.notes,
    },
    ...(plan === undefined
      ? {}
      : {
          plan: {
            trials: plan.trials,
            seed: plan.seed,
            bookings: plan.metrics.bookings.total,
            profit: plan.metrics.profit.total,
            targets: plan.targets,
          },
        }),
  };
}

/** Serialises a reforecast as JSON text, refusing non-finite numbers (they would become null silently). */
export function stringifyReforecast(
  r: ReforecastResult,
  plan?: ForecastResult,
  indent = 2,
): string {
  return JSON.stringify(
    reforecastJson(r, plan),
    (key, value: unknown) => {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new Error(`internal error: ${key} is ${value} in the reforecast output`);
      }
      return value;
    },
    indent,
  );
}
