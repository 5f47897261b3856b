/**
 * Month axes keep the promise of docs/charts.md — the year on the first month and on every
 * January — for every start month and horizon length, and the labels they keep do not
 * overlap, measured with the bundled font (the one the SVG and PNG are drawn with).
 */
import { describe, expect, it } from 'vitest';
import { buildFanChart } from '../../src/charts/fan.js';
import { type MonthAxisKind, type MonthLabel, monthLabels } from '../../src/charts/month-axis.js';
import { CHART_WIDTH } from '../../src/defaults.js';
import { bundledFonts } from '../../src/render/fonts.js';
import { renderSvg } from '../../src/render/svg.js';
import { loadFontWidths, textWidth } from '../../src/render/text-metrics.js';
import { fixtureModel, fixtureResult } from './fixture.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `n` monthly periods from `start` (1–12) of 2027. */
function periodsFrom(start: number, n: number): string[] {
  return Array.from({ length: n }, (_, t) => {
    const k = start - 1 + t;
    return `${2027 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

const dejavu = loadFontWidths(bundledFonts().regular);
/** Width in px at the axis font size (12px, src/charts/theme.ts). */
const width = (s: string) => textWidth(dejavu, s, 12);

/** [left, right] of label t in px, as Vega places it (point axes flush at both ends). */
function span(kind: MonthAxisKind, T: number, t: number, text: string): [number, number] {
  const w = width(text);
  if (kind === 'band') {
    const x = ((t + 0.5) * CHART_WIDTH) / T;
    return [x - w / 2, x + w / 2];
  }
  const x = (t * CHART_WIDTH) / (T - 1);
  if (t === 0) return [x, x + w];
  if (t === T - 1) return [x - w, x];
  return [x - w / 2, x + w / 2];
}

const line = (l: MonthLabel) =>
  typeof l === 'string' ? { row: 0, text: l } : { row: 1, text: l[1] };

/** The labels shown, each with its period index, line and extent in px. */
function placedLabels(labels: readonly MonthLabel[], kind: MonthAxisKind) {
  return labels
    .map((l, t) => ({ t, ...line(l) }))
    .filter((l) => l.text !== '')
    .map((l) => ({ ...l, span: span(kind, labels.length, l.t, l.text) }));
}

/**
 * Labels on the same line never overlap; a label one line down clears the one above it by
 * construction and must clear the next on its own line.
 */
function expectApart(placed: ReturnType<typeof placedLabels>, at: string): void {
  for (const row of [0, 1]) {
    const same = placed.filter((l) => l.row === row);
    for (let i = 1; i < same.length; i++)
      expect(same[i]!.span[0], `${at}: ${same[i - 1]!.text} / ${same[i]!.text}`).toBeGreaterThan(
        same[i - 1]!.span[1],
      );
  }
}

describe('monthLabels', () => {
  for (const kind of ['point', 'band'] as const)
    for (const T of [6, 12, 24, 36])
      it(`${kind} axis, ${T} months, every start month: years on the first month and every January, no overlap`, () => {
        for (let start = 1; start <= 12; start++) {
          const periods = periodsFrom(start, T);
          const labels = monthLabels(periods, kind);
          const at = `start ${periods[0]}`;
          expect(labels, at).toHaveLength(T);
          periods.forEach((p, t) => {
            const [y, m] = p.split('-').map(Number);
            const { text } = line(labels[t]!);
            const name = MONTHS[m! - 1]!;
            if (t === 0 || m === 1) expect(text, `${at}, ${p}`).toBe(`${name} ${y}`);
            else expect([name, ''], `${at}, ${p}`).toContain(text);
          });
          const placed = placedLabels(labels, kind);
          expectApart(placed, at);
          // Months are labelled at a regular step, not one in twelve, when there is room.
          expect(placed.length, at).toBeGreaterThanOrEqual(Math.min(T, 6));
        }
      });
});

describe('monthLabels on a long horizon', () => {
  for (const kind of ['point', 'band'] as const)
    for (const T of [60, 61, 113, 120, 240])
      it(`${kind} axis, ${T} months: the first month and every n-th January, none overlapping`, () => {
        for (const start of [1, 4, 11]) {
          const periods = periodsFrom(start, T);
          const labels = monthLabels(periods, kind);
          const at = `start ${periods[0]}`;
          const placed = placedLabels(labels, kind);
          expect(placed[0]!.text, at).toBe(`${MONTHS[start - 1]} 2027`);
          // Every label after the first names a month; a January carries its year.
          for (const l of placed.slice(1)) {
            const [y, m] = periods[l.t]!.split('-').map(Number);
            expect(l.text, `${at}, ${periods[l.t]}`).toBe(m === 1 ? `Jan ${y}` : MONTHS[m! - 1]);
          }
          expectApart(placed, at);
          expect(placed.length, at).toBeGreaterThanOrEqual(3);
        }
      });
});

describe('the fan chart of a plan that starts in April', () => {
  it('shows the year on its first month and on the January of the next year', async () => {
    const r = fixtureResult();
    const april = { ...r, periods: periodsFrom(4, 12) };
    const svg = await renderSvg(buildFanChart(april, fixtureModel(april)).spec);
    // Visible x-axis labels: text with content and full opacity (Vega hides by opacity 0).
    const shown = [
      ...svg.matchAll(
        /<text text-anchor="[^"]+" transform="translate\([^,]+,16\)"[^>]*opacity="1">([^<]+)<\/text>/g,
      ),
    ].map((m) => m[1]);
    expect(shown[0]).toBe('Apr 2027');
    expect(shown).toContain('Jan 2028');
    expect(svg).not.toMatch(/opacity="0">Jan 2028/);
  });
});
