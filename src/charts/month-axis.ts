/**
 * Which months of a month axis carry a label, and what it says: the year on the first month
 * and on every January ("Jan 2027", "Feb", …), and every k-th month in between, k the
 * smallest of 1, 2, 3, 4, 6, 12 whose labels do not overlap; on a horizon too long for a
 * label every January, every second, third, fifth or tenth January instead. Chosen here rather than by
 * Vega's overlap removal, which drops every other label whatever it says and so hid the
 * January of a plan starting in April. The k-th months are counted from January, so every
 * January is one of them; one closer than k to the first, or whose label would touch the
 * first month's, is left out, except a January, which goes on a second line when it would
 * overlap the first month's label.
 */
import { CHART_WIDTH } from '../defaults.js';
import { MONTHS } from './format.js';

/**
 * Steps tried, smallest first: divisors of 12, so every January is a k-th month; then whole
 * years, for long horizons, where only every (k/12)-th January is labelled.
 */
const STEPS = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120] as const;

/**
 * Estimated width of a label in px at the theme's 12px axis font: 7.6px a character, a
 * little more than the average of DejaVu Sans at 12px, so the estimate errs towards space.
 */
export function labelWidth(text: string): number {
  return text.length * 7.6;
}

/** Space kept between two neighbouring labels, px. */
export const LABEL_GAP = 8;

/** A month label: one line, or two when it steps down below its neighbour. */
export type MonthLabel = string | readonly [string, string];

/** Where the labels sit: points from the left end to the right end, or centred in bands. */
export type MonthAxisKind = 'point' | 'band';

/** `YYYY-MM` → [year, month index 0–11]. */
function parse(period: string): [number, number] {
  const [y, m] = period.split('-').map(Number);
  return [y ?? 0, (m ?? 1) - 1];
}

/**
 * One label per period, '' where a month is not labelled, for a chart `width` px wide.
 * Points: the first and last labels sit flush with the ends of the axis (Vega's labelFlush).
 * @example monthLabels(['2027-11', '2027-12', '2028-01', '2028-02'], 'point') // ['Nov 2027', 'Dec', 'Jan 2028', 'Feb']
 */
export function monthLabels(
  periods: readonly string[],
  kind: MonthAxisKind,
  width: number = CHART_WIDTH,
): MonthLabel[] {
  const T = periods.length;
  const step = kind === 'point' ? width / Math.max(1, T - 1) : width / Math.max(1, T);
  const text = periods.map((p, t) => {
    const [y, m] = parse(p);
    return t === 0 || m === 0 ? `${MONTHS[m]} ${y}` : (MONTHS[m] ?? p);
  });
  // Left and right extent of label t around its tick, px from the tick.
  const extent = (t: number): [number, number] => {
    const w = labelWidth(text[t]!);
    if (kind === 'point' && T > 1 && t === 0) return [0, w];
    if (kind === 'point' && T > 1 && t === T - 1) return [w, 0];
    return [w / 2, w / 2];
  };
  const fits = (a: number, b: number) => (b - a) * step >= extent(a)[1] + extent(b)[0] + LABEL_GAP;
  // Months of step k; one that is not a January and would touch the first month's label
  // (which is wider, with its year, and flush left on a point axis) is left out.
  const chosen = (k: number) => {
    let januaries = 0;
    return periods.flatMap((p, t) => {
      const m = parse(p)[1];
      if (t === 0) return [t];
      if (k > 12) {
        // Years at a time: every (k/12)-th January, counted from the first, clear of the first label.
        if (m !== 0) return [];
        januaries += 1;
        return (januaries - 1) % (k / 12) === 0 && fits(0, t) ? [t] : [];
      }
      if (m === 0) return [t];
      return m % k === 0 && t >= k && fits(0, t) ? [t] : [];
    });
  };
  // The first month and a January just after it may not fit whatever k is: they are both
  // labelled, so they do not decide k (the January steps down a line instead).
  const januaryAfterFirst = (a: number, b: number) => a === 0 && parse(periods[b]!)[1] === 0;
  let labelled = chosen(STEPS[STEPS.length - 1]!);
  for (const k of STEPS) {
    const ts = chosen(k);
    if (ts.every((b, i) => i === 0 || januaryAfterFirst(ts[i - 1]!, b) || fits(ts[i - 1]!, b))) {
      labelled = ts;
      break;
    }
  }
  const out: MonthLabel[] = periods.map(() => '');
  labelled.forEach((t, i) => {
    const before = labelled[i - 1];
    // A January that overlaps the first month's label steps down a line.
    out[t] = before !== undefined && !fits(before, t) ? ['', text[t]!] : text[t]!;
  });
  return out;
}
