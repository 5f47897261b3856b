/**
 * What a report is made of: a list of sections, each one module with an id, a title and
 * a `render` that returns HTML. Later analyses (allocation, quota, sensitivity, compare)
 * add a section by adding one module to the list they pass to {@link buildReport}.
 */

import type { AllocationResult } from '../analysis/allocate/types.js';
import type { CompareResult } from '../analysis/compare/types.js';
import type { QuotaResult } from '../analysis/quota/types.js';
import type { SensitivityResult } from '../analysis/sensitivity/types.js';
import type { ForecastResult } from '../analysis/types.js';
import type { ChartSpec } from '../charts/common.js';
import type { ReforecastResult } from '../history/reforecast/reforecast.js';
import type { Model } from '../model/types.js';
import type { SummaryExtras } from './executive-summary.js';

/** Everything a section may draw on. */
export interface ReportInput {
  readonly result: ForecastResult;
  readonly model: Model;
  readonly charts: readonly ChartSpec[];
  /** SVG of each chart by name, embedded as a no-JavaScript fallback when given. */
  readonly svgs?: Readonly<Record<string, string>>;
  /** Scenario file name as the user gave it, shown in the scenario section. */
  readonly source?: string;
  /** Results of other analyses for the summary's optional sentences (sensitivity, compare, allocation). */
  readonly extras?: SummaryExtras;
  /** The quota analysis and its charts, when the scenario has a `quota` block. */
  readonly quota?: {
    readonly result: QuotaResult;
    readonly charts: readonly ChartSpec[];
  };
  /** The allocation, when the scenario has an allocation block (the Allocation section). */
  readonly allocation?: {
    readonly result: AllocationResult;
    readonly charts: readonly ChartSpec[];
    readonly svgs?: Readonly<Record<string, string>>;
  };
  /**
   * The reforecast, when the run was given actuals (`run --actuals`): `result` is then its
   * forecast, and `plan` the plan's own forecast without actuals (the Reforecast section).
   */
  readonly reforecast?: {
    readonly result: ReforecastResult;
    readonly plan: ForecastResult;
  };
  /** The scenario's variants (and a `--set` what-if) against the base, when compared. */
  readonly compare?: CompareResult | null;
  /** What drives the plan (tornado, shares of variance), when analysed. */
  readonly sensitivity?: SensitivityResult | null;
}

/** One section of the report. `render` returns trusted HTML: it must escape scenario text itself. */
export interface ReportSection {
  /** HTML id (fixed, never from the scenario). */
  readonly id: string;
  readonly title: string;
  /** Whether the section has something to show for this input (default: always). */
  applies?(input: ReportInput): boolean;
  render(input: ReportInput): string;
  /** Sub-headings for the table of contents (ids fixed, titles trusted text). */
  contents?(input: ReportInput): readonly { readonly id: string; readonly title: string }[];
}
