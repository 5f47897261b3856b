/**
 * The curve Vega itself draws for a line with `interpolate: 'monotone'` (vega-scenegraph's
 * `pathCurves`, d3-shape's curveMonotoneX), for tests that check our copy of it or marks
 * placed against it.
 */
import * as vega from 'vega';
import type { Point } from '../../src/charts/monotone-curve.js';

/** The Bézier pieces Vega's monotone curve draws through `points`, as [x1, y1, x2, y2, x, y]. */
export function vegaPieces(points: readonly Point[]): number[][] {
  const pieces: number[][] = [];
  let last: Point | null = null;
  const context = {
    moveTo: (x: number, y: number) => {
      last = { x, y };
    },
    lineTo: (x: number, y: number) => {
      pieces.push([last!.x, last!.y, x, y, x, y]);
      last = { x, y };
    },
    bezierCurveTo: (...a: number[]) => {
      pieces.push(a);
      last = { x: a[4]!, y: a[5]! };
    },
    closePath: () => {},
  };
  // vega exports vega-scenegraph's pathCurves; its typings leave it out.
  const { pathCurves } = vega as unknown as {
    pathCurves: (
      type: string,
      orientation: string,
    ) => (context: unknown) => {
      lineStart(): void;
      point(x: number, y: number): void;
      lineEnd(): void;
    };
  };
  const curve = pathCurves('monotone', 'vertical')(context);
  curve.lineStart();
  for (const p of points) curve.point(p.x, p.y);
  curve.lineEnd();
  return pieces;
}
