/**
 * The executive summary at the top of the report: the generated sentences of
 * {@link executiveSummary}, each with a link to the section or chart that backs it.
 */
import { escapeHtml } from '../escape.js';
import { executiveSummary } from '../executive-summary.js';
import type { ReportInput, ReportSection } from '../section.js';

/** Words for where each sentence's link goes. */
const LINK_WORDS: Readonly<Record<string, string>> = {
  'key-numbers': 'key numbers',
  targets: 'targets',
  'figure-distribution': 'distribution chart',
  'figure-team': 'team chart',
  sensitivity: 'sensitivity',
  compare: 'variants',
  allocation: 'allocation',
};

/**
 * A sentence as HTML text whose signed figures never break after their sign: a browser may
 * wrap between "−" and "$67.2k", leaving a lone minus at a line's end. A word joiner (U+2060,
 * invisible) after each sign that starts a figure keeps them together.
 */
function keepSigns(text: string): string {
  return escapeHtml(text).replace(/(^|[\s(])([−+])(?=\S)/g, '$1$2\u2060');
}

/** Summary section: one list item per sentence. */
export const summarySection: ReportSection = {
  id: 'summary',
  title: 'Summary',
  render({ result, model, extras }: ReportInput): string {
    const items = executiveSummary(result, model, extras)
      .map(
        (s) =>
          `<li>${keepSigns(s.text)} <a class="see" href="#${s.link}">→ ${escapeHtml(LINK_WORDS[s.link] ?? s.link)}</a></li>`,
      )
      .join('\n');
    return `<ul class="exec">\n${items}\n</ul>`;
  },
};
