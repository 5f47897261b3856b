/**
 * The self-contained HTML report. A report is a list of {@link ReportSection}s; the
 * forecast report uses {@link FORECAST_SECTIONS}, and later analyses pass their own list
 * (e.g. `[...FORECAST_SECTIONS, allocationSection]`).
 */
import { renderPage } from './html.js';
import type { ReportInput, ReportSection } from './section.js';
import { assumptionsSection } from './sections/assumptions.js';
import { chartsSection } from './sections/charts.js';
import { driversSection } from './sections/drivers.js';
import { keyNumbersSection } from './sections/key-numbers.js';
import { methodologySection } from './sections/methodology.js';
import { summarySection } from './sections/summary.js';
import { whatIfsSection } from './sections/what-ifs.js';

export { describeDist, describeDomain } from './describe-dist.js';
export { escapeHtml, jsonForScript } from './escape.js';
export type { ReportInput, ReportSection } from './section.js';

/** The forecast report's sections, in page order. */
export const FORECAST_SECTIONS: readonly ReportSection[] = [
  keyNumbersSection,
  summarySection,
  chartsSection,
  // Shown only when the run compared variants or analysed sensitivity (their `applies`).
  whatIfsSection,
  driversSection,
  methodologySection,
  assumptionsSection,
];

/**
 * Builds the report HTML for a forecast (default sections {@link FORECAST_SECTIONS}).
 * @example const html = buildReport({ result, model, charts: buildForecastCharts(result, model) });
 */
export function buildReport(
  input: ReportInput,
  sections: readonly ReportSection[] = FORECAST_SECTIONS,
): string {
  return renderPage(input, sections);
}
