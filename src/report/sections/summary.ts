/** The scenario summary: what plan this is, over which months, with which parts. */
import { escapeHtml } from '../escape.js';
import type { ReportInput, ReportSection } from '../section.js';

function list(items: readonly string[]): string {
  return items.length === 0
    ? '<em>none</em>'
    : items.map((s) => `<code>${escapeHtml(s)}</code>`).join(', ');
}

/** Summary section: scenario, file, calendar, currency, markets, channels, funnel, team. */
export const summarySection: ReportSection = {
  id: 'summary',
  title: 'Scenario',
  render({ result, model, source }: ReportInput): string {
    const cal = model.calendar;
    const last = cal.labels[cal.labels.length - 1] ?? cal.start;
    const rows: [string, string][] = [
      ['Scenario', escapeHtml(result.scenario)],
      ...(result.variant === null
        ? []
        : [['Variant', escapeHtml(result.variant)] as [string, string]]),
      ...(source === undefined
        ? []
        : [['File', `<code>${escapeHtml(source)}</code>`] as [string, string]]),
      [
        'Horizon',
        `${escapeHtml(cal.start)} to ${escapeHtml(last)} (${cal.periods} monthly periods)`,
      ],
      ['Currency', escapeHtml(result.currency)],
      ['Markets', list(model.markets.map((m) => m.id))],
      ['Channels', list(model.channels.map((c) => c.id))],
      ['Funnel', model.stages.map((s) => `<code>${escapeHtml(s.id)}</code>`).join(' → ')],
      ['Team roles', list(model.roles.map((r) => r.id))],
      ['Initiatives', list(model.initiatives.map((i) => i.id))],
    ];
    const body = rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('\n');
    return `<table class="facts">\n${body}\n</table>`;
  },
};
