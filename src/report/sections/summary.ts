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

/** Summary section: one list item per sentence (the page keeps their signed figures whole: prose.ts). */
export const summarySection: ReportSection = {
  id: 'summary',
  title: 'Summary',
  render({ result, model, extras }: ReportInput): string {
    const items = executiveSummary(result, model, extras)
      .map(
        (s) =>
          `<li>${escapeHtml(s.text)} <a class="see" href="#${s.link}">→ ${escapeHtml(LINK_WORDS[s.link] ?? s.link)}</a></li>`,
      )
      .join('\n');
    return `<ul class="exec">\n${items}\n</ul>`;
  },
};
