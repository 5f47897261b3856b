/** The scenario: what plan this is, over which months, with which parts (by their labels). */
import { escapeHtml } from '../escape.js';
import type { ReportInput, ReportSection } from '../section.js';

function list(items: readonly { id: string; label: string }[]): string {
  return items.length === 0
    ? '<em>none</em>'
    : items
        .map((s) => `${escapeHtml(s.label)} <code class="id">${escapeHtml(s.id)}</code>`)
        .join(', ');
}

/** First and last month in words, and the fiscal year start. */
function horizon(input: ReportInput): string {
  const cal = input.model.calendar;
  const last = cal.labels[cal.labels.length - 1] ?? cal.start;
  const quarters = cal.quarterLabels;
  const fiscal =
    quarters.length === 0
      ? ''
      : `; quarters ${escapeHtml(quarters[0]!)}${quarters.length > 1 ? ` to ${escapeHtml(quarters[quarters.length - 1]!)}` : ''}`;
  return `${escapeHtml(cal.start)} to ${escapeHtml(last)} (${cal.periods} monthly periods${fiscal})`;
}

/** Scenario section: name, variant, file, horizon, currency, markets, channels, funnel, team. */
export const scenarioSection: ReportSection = {
  id: 'scenario',
  title: 'Scenario',
  render(input: ReportInput): string {
    const { result, model, source } = input;
    const variant = model.variants.find((v) => v.name === result.variant);
    const rows: [string, string][] = [
      ['Scenario', escapeHtml(result.scenario)],
      ...(result.variant === null
        ? []
        : [
            [
              'Variant',
              `${escapeHtml(variant?.label ?? result.variant)}${variant?.description ? ` — ${escapeHtml(variant.description)}` : ''}`,
            ] as [string, string],
          ]),
      ...(source === undefined
        ? []
        : [['File', `<code>${escapeHtml(source)}</code>`] as [string, string]]),
      ['Horizon', horizon(input)],
      ['Currency', escapeHtml(result.currency)],
      ['Markets', list(model.markets)],
      ['Channels', list(model.channels)],
      ['Funnel', model.stages.map((s) => escapeHtml(s.label)).join(' → ')],
      ['Team roles', list(model.roles)],
      ['Initiatives', list(model.initiatives)],
    ];
    const body = rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('\n');
    return `<table class="facts">\n${body}\n</table>`;
  },
};
