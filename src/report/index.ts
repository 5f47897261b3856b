/**
 * The self-contained HTML report. A report is a list of {@link ReportSection}s; the
 * forecast report uses {@link FORECAST_SECTIONS}, and later analyses pass their own list
 * (e.g. `[...FORECAST_SECTIONS, allocationSection]`).
 */

import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { checkOptionNames, type OptionNames } from '../util/option-names.js';
import { SUMMARY_EXTRAS } from './executive-summary.js';
import { renderPage } from './html.js';
import type { ReportInput, ReportSection } from './section.js';
import { allocationSection } from './sections/allocation.js';
import { assumptionsSection } from './sections/assumptions.js';
import { chartsSection } from './sections/charts.js';
import { driversSection } from './sections/drivers.js';
import { keyNumbersSection } from './sections/key-numbers.js';
import { methodologySection } from './sections/methodology.js';
import { quotaSection } from './sections/quota.js';
import { reforecastSection } from './sections/reforecast.js';
import { scenarioSection } from './sections/scenario.js';
import { summarySection } from './sections/summary.js';
import { whatIfsSection } from './sections/what-ifs.js';

export { describeDist, describeDomain } from './describe-dist.js';
export { escapeHtml, jsonForScript } from './escape.js';
export {
  executiveSummary,
  type SummaryExtras,
  type SummarySentence,
} from './executive-summary.js';
export type { ReportInput, ReportSection } from './section.js';

/**
 * The report's sections, in page order; a section whose analysis was not run (no allocation
 * or quota block) is left out of the page (`applies`).
 */
export const FORECAST_SECTIONS: readonly ReportSection[] = [
  summarySection,
  reforecastSection,
  keyNumbersSection,
  chartsSection,
  allocationSection,
  quotaSection,
  // Shown only when the run compared variants or analysed sensitivity (their `applies`).
  whatIfsSection,
  driversSection,
  scenarioSection,
  methodologySection,
  assumptionsSection,
];

/** The names a report's input takes: `{ sensitivty }` would otherwise leave its section out. */
const REPORT_INPUT: OptionNames<ReportInput> = {
  result: true,
  model: true,
  charts: true,
  svgs: true,
  source: true,
  extras: true,
  quota: true,
  allocation: true,
  reforecast: true,
  compare: true,
  sensitivity: true,
};

/**
 * Builds the report HTML for a forecast (default sections {@link FORECAST_SECTIONS}).
 * @throws InputError for a name `input` or its `extras` does not take
 * (`buildReport: input.sensitivty: ✖ unknown option sensitivty; did you mean sensitivity? …`).
 * @example const html = buildReport({ result, model, charts: buildForecastCharts(result, model) });
 */
export function buildReport(
  input: ReportInput,
  sections: readonly ReportSection[] = FORECAST_SECTIONS,
): string {
  checkArgument('buildReport', 'input', input, ARG.reportInput);
  checkOptionNames('buildReport', input, REPORT_INPUT, '', 'input');
  checkArgument('buildReport', 'input.result', input.result, ARG.forecast);
  checkArgument('buildReport', 'input.model', input.model, ARG.model);
  checkArgument('buildReport', 'input.charts', input.charts, ARG.charts);
  checkOptionNames('buildReport', input.extras, SUMMARY_EXTRAS, '', 'input.extras');
  checkArgument('buildReport', 'sections', sections, ARG.reportSections);
  return renderPage(input, sections);
}
