/**
 * Boxes in a chart's pixels, for the label placers (budget-curve-labels.ts, goal-labels.ts)
 * that keep a label clear of other labels, marks and rules before Vega draws it.
 */

/** A rectangle in px: x to the right, y downwards. */
export interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/**
 * Whether two boxes meet or come within `gap` px of each other.
 * @example boxesMeet({ x1: 0, x2: 10, y1: 0, y2: 5 }, { x1: 12, x2: 20, y1: 0, y2: 5 }, 3) // true
 */
export function boxesMeet(a: Box, b: Box, gap: number): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}
