/**
 * The JSON document `salesops reforecast --json` prints (docs/json-output.md, "reforecast"):
 * the forecast's JSON core over the whole calendar — months before k are the actuals, and
 * horizon totals, quarters and target probabilities count them — plus `actuals_periods` (k),
 * which series the actuals fix, and what they changed in the plan. With the plan's own
 * forecast, `plan` holds its horizon bookings and target probabilities to compare against.
 */
import { forecastJson } from '../../analysis/forecast-json.js';
import type { ForecastResult } from '../../analysis/types.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import type { ReforecastResult } from './reforecast.js';

/**
 * The JSON object of a reforecast (see the module doc).
 * @example reforecastJson(r, plan).actuals_periods // 6
 */
export function reforecastJson(
  result: ReforecastResult,
  plan?: ForecastResult,
): Record<string, unknown> {
  checkArgument('reforecastJson', 'result', result, ARG.reforecast);
  if (plan !== undefined) checkArgument('reforecastJson', 'plan', plan, ARG.forecast);
  const f = result.forecast;
  return {
    ...forecastJson(f),
    actuals_periods: result.actuals.periods,
    actuals: {
      file: result.actuals.file,
      periods: f.periods.slice(0, result.actuals.periods),
      through: result.actuals.through,
      fixed: result.fixed,
      simulated:
        'every other series in months before actuals_periods is simulated from the plan at the actual spend',
    },
    reforecast: {
      pipeline: result.pipeline,
      pipeline_items: result.pipelineItems,
      rates: result.rates,
      leads: result.leads,
      team: result.team,
      accounts: result.accounts,
      notes: result.notes,
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
  result: ReforecastResult,
  plan?: ForecastResult,
  indent = 2,
): string {
  checkArgument('stringifyReforecast', 'result', result, ARG.reforecast);
  if (plan !== undefined) checkArgument('stringifyReforecast', 'plan', plan, ARG.forecast);
  return JSON.stringify(
    reforecastJson(result, plan),
    (key, value: unknown) => {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new Error(`internal error: ${key} is ${value} in the reforecast output`);
      }
      return value;
    },
    indent,
  );
}
