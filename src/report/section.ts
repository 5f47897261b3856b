/**
 * What a report is made of: a list of sections, each one module with an id, a title and
 * a `render` that returns HTML. Later analyses (allocation, quota, sensitivity, compare)
 * add a section by adding one module to the list they pass to {@link buildReport}.
 */
import type { CompareResult } from '../analysis/compare/types.js';
import type { SensitivityResult } from '../analysis/sensitivity/types.js';
import type { ForecastResult } from '../analysis/types.js';
import type { ChartSpec } from '../charts/common.js';
import type { Model } from '../model/types.js';

/** Everything a section may draw on. */
export interface ReportInput {
  readonly result: ForecastResult;
  readonly model: Model;
  readonly charts: readonly ChartSpec[];
  /** SVG of each chart by name, embedded as a no-JavaScript fallback when given. */
  readonly svgs?: Readonly<Record<string, string>>;
  /** Scenario file name as the user gave it, shown in the summary. */
  readonly source?: string;
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
  render(input: ReportInput): string;
  /** Whether the section has something to show for `input` (default: always). */
  applies?(input: ReportInput): boolean;
}
