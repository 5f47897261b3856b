/**
 * The JSON document `salesops forecast --json` prints: the ForecastResult itself, whose
 * stable core (scenario, trials, seed, periods, metrics, stages, channels, targets) is
 * docs/json-output.md's, preceded by the producing version. No timestamps: the same scenario and
 * seed give byte-identical JSON.
 */

import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { VERSION } from '../version.js';
import type { ForecastResult } from './types.js';

/** The JSON object of a forecast (see module doc). */
export function forecastJson(result: ForecastResult): Record<string, unknown> {
  checkArgument('forecastJson', 'result', result, ARG.forecast);
  return { salesops: VERSION, ...result };
}

/** Serialises a forecast as JSON text, refusing non-finite numbers (they would become null silently). */
export function stringifyForecast(result: ForecastResult, indent = 2): string {
  checkArgument('stringifyForecast', 'result', result, ARG.forecast);
  return JSON.stringify(
    forecastJson(result),
    (key, value: unknown) => {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new Error(`internal error: ${key} is ${value} in the forecast output`);
      }
      return value;
    },
    indent,
  );
}
