/**
 * The curve Vega draws for a line with `interpolate: 'monotone'`: d3-shape's `curveMonotoneX`
 * (Steffen, "A simple method for monotonic interpolation in one dimension", A&A 239, 1990),
 * one cubic Bézier per pair of neighbouring points. A chart that knows where its points land
 * in pixels can then keep labels off the line as drawn, not off straight chords, which a
 * steep stretch of the curve bows away from.
 */

/** A point in px. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One cubic Bézier piece: from `p0` to `p3`, with control points `p1` and `p2`. */
export interface Cubic {
  readonly p0: Point;
  readonly p1: Point;
  readonly p2: Point;
  readonly p3: Point;
}

const sign = (x: number) => (x < 0 ? -1 : 1);

/** The tangent at b, between a and c (d3's slope3, with its guards for a zero step). */
function innerSlope(a: Point, b: Point, c: Point): number {
  const h0 = b.x - a.x;
  const h1 = c.x - b.x;
  const s0 = (b.y - a.y) / (h0 || (h1 < 0 ? -0 : 0));
  const s1 = (c.y - b.y) / (h1 || (h0 < 0 ? -0 : 0));
  const p = (s0 * h1 + s1 * h0) / (h0 + h1);
  return (sign(s0) + sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
}

/** The tangent at an end, from the segment's slope and the tangent at its other end (d3's slope2). */
function endSlope(a: Point, b: Point, t: number): number {
  const h = b.x - a.x;
  return h ? ((3 * (b.y - a.y)) / h - t) / 2 : t;
}

/**
 * The Bézier pieces through `points` (in drawing order; a point equal to the one before it is
 * skipped, as d3 does). Two points give one straight piece, fewer none.
 * @example monotoneCubics([{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 1 }]).length // 2
 */
export function monotoneCubics(points: readonly Point[]): Cubic[] {
  const pts = points.filter(
    (p, i) => i === 0 || p.x !== points[i - 1]!.x || p.y !== points[i - 1]!.y,
  );
  const n = pts.length;
  if (n < 2) return [];
  const cubic = (a: Point, b: Point, t0: number, t1: number): Cubic => {
    const dx = (b.x - a.x) / 3;
    return {
      p0: a,
      p1: { x: a.x + dx, y: a.y + dx * t0 },
      p2: { x: b.x - dx, y: b.y - dx * t1 },
      p3: b,
    };
  };
  // d3 draws two points as a straight line: a piece whose control points are its ends.
  if (n === 2) return [{ p0: pts[0]!, p1: pts[0]!, p2: pts[1]!, p3: pts[1]! }];
  const t = pts.map((p, i) =>
    i === 0 || i === n - 1 ? Number.NaN : innerSlope(pts[i - 1]!, p, pts[i + 1]!),
  );
  t[0] = endSlope(pts[0]!, pts[1]!, t[1]!);
  t[n - 1] = endSlope(pts[n - 2]!, pts[n - 1]!, t[n - 2]!);
  return pts.slice(1).map((b, i) => cubic(pts[i]!, b, t[i]!, t[i + 1]!));
}

/**
 * Points along the pieces, no more than `step` px apart, ends included. A cubic's speed is at
 * most 3 × its longest control-polygon leg per unit of parameter, which sets the count.
 * @example sampleCubics(monotoneCubics(points), 2)
 */
export function sampleCubics(cubics: readonly Cubic[], step: number): Point[] {
  const out: Point[] = [];
  for (const c of cubics) {
    const leg = Math.max(
      Math.hypot(c.p1.x - c.p0.x, c.p1.y - c.p0.y),
      Math.hypot(c.p2.x - c.p1.x, c.p2.y - c.p1.y),
      Math.hypot(c.p3.x - c.p2.x, c.p3.y - c.p2.y),
    );
    const k = Math.max(1, Math.ceil((3 * leg) / step));
    for (let j = out.length === 0 ? 0 : 1; j <= k; j++) {
      const s = j / k;
      const r = 1 - s;
      const [a, b, d, e] = [r * r * r, 3 * r * r * s, 3 * r * s * s, s * s * s];
      out.push({
        x: a * c.p0.x + b * c.p1.x + d * c.p2.x + e * c.p3.x,
        y: a * c.p0.y + b * c.p1.y + d * c.p2.y + e * c.p3.y,
      });
    }
  }
  return out;
}
