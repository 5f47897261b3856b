/**
 * Where the budget curve writes each point's value: above the point, or below it when the
 * label above would run into the label of the point before it (the allocation's budget and
 * the next 10% sit a tenth of the budget apart, 30–40 px, and their labels touched even at
 * three digits). Below is taken only where it meets no other label, no marker's rule (those
 * run from the curve down to the axis) and not the next-10% note.
 */
import { type Box, boxesMeet } from './label-box.js';

/** Size of the point labels in px. */
export const LABEL_SIZE = 11;
/** Vertical offsets of a label's middle from its point, above and below, in px. */
export const LABEL_ABOVE = -12;
export const LABEL_BELOW = 12;
/** Height of the curve's panel in px. */
export const CURVE_HEIGHT = 220;

// An upper bound on DejaVu Sans's advance for the characters of a money label (digits 0.64
// em, "M" 0.86 em, "." 0.32 em): an estimate that errs wide keeps labels apart.
const EM_PER_CHAR = 0.7;
const GAP = 2;

const meets = (a: Box, b: Box) => boxesMeet(a, b, GAP);

/** The chart's geometry: data to px, the markers' rules, and the note's left end if any. */
export interface CurveGeometry {
  readonly x: (budget: number) => number;
  readonly y: (value: number) => number;
  /** The markers' rules: each runs at its budget from the curve (`value`) down to the axis. */
  readonly rules: readonly { readonly budget: number; readonly value: number }[];
  /**
   * The next-10% note, 12 px bold, 8 px inside the plot's bottom (or top) edge: the budget its
   * text starts at, and whether it sits at the top; null without a note.
   */
  readonly note: { readonly from: number; readonly onTop: boolean } | null;
}

/**
 * `rows` with `below` set for the labels written under their point: in budget order, each
 * label goes above its point unless it would meet a label already placed, then below if that
 * meets nothing (no label, rule or note), else above all the same.
 * @example placePointLabels(rows, geometry).map((r) => r.below) // [false, false, false, true, …]
 */
export function placePointLabels<R extends { budget: number; value: number; label: string }>(
  rows: readonly R[],
  g: CurveGeometry,
): (R & { below: boolean })[] {
  const box = (r: R, dy: number): Box => {
    const w = r.label.length * EM_PER_CHAR * LABEL_SIZE;
    const cx = g.x(r.budget);
    const cy = g.y(r.value) + dy;
    return { x1: cx - w / 2, x2: cx + w / 2, y1: cy - LABEL_SIZE / 2, y2: cy + LABEL_SIZE / 2 };
  };
  const fixed: Box[] = g.rules.map((m) => ({
    x1: g.x(m.budget),
    x2: g.x(m.budget),
    y1: g.y(m.value),
    y2: CURVE_HEIGHT,
  }));
  if (g.note !== null) {
    const y = g.note.onTop ? 8 : CURVE_HEIGHT - 20;
    fixed.push({ x1: g.x(g.note.from), x2: Number.POSITIVE_INFINITY, y1: y, y2: y + 12 });
  }
  const placed: Box[] = [];
  const free = (b: Box, others: readonly Box[]) => others.every((o) => !meets(o, b));
  const below = new Set<number>();
  const order = [...rows.keys()].sort((a, b) => rows[a]!.budget - rows[b]!.budget);
  for (const i of order) {
    const above = box(rows[i]!, LABEL_ABOVE);
    const under = box(rows[i]!, LABEL_BELOW);
    if (!free(above, placed) && free(under, placed) && free(under, fixed)) {
      below.add(i);
      placed.push(under);
    } else placed.push(above);
  }
  return rows.map((r, i) => ({ ...r, below: below.has(i) }));
}
