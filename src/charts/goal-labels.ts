/**
 * Where the goal chart writes the answer's and the plan's labels: near their marks, clear of
 * the curve as Vega draws it, of both marks, of the wanted rule and its label, and of each
 * other. The chart sets its own x domain (the one Vega would choose), so every mark's place in
 * pixels is known here; label widths are estimated on the wide side.
 */
import type { GoalResult } from '../analysis/goal/seek.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../defaults.js';
import { formatPercent } from './format.js';
import { type Box, boxesMeet } from './label-box.js';
import { monotoneCubics, type Point, sampleCubics } from './monotone-curve.js';
import { niceDomain } from './nice-domain.js';

/** Where a marked point's label sits: its side of the point, and its vertical offset in px. */
export interface LabelPlace {
  readonly align: 'left' | 'right';
  readonly dx: number;
  readonly dy: number;
}

/** The two labels' texts, which set their widths. */
export interface GoalLabelTexts {
  readonly answer: string;
  readonly plan: string;
}

/** Text size of both labels, px; the answer's is bold. */
const SIZE = 12;
// Upper bounds on DejaVu Sans's mean advance over such labels ("$94.8k: 49% on fresh trials"
// measures 0.57 em a character in bold, "plan: $106k" 0.53 em in regular).
const EM_BOLD = 0.64;
const EM_REGULAR = 0.6;
/** px kept between a label and anything else. */
const GAP = 3;
/** Half the extent Vega gives the plan's ring (size 110, stroke 2: 9.2 px) and the answer's diamond (5.5 px). */
const MARK = 10;
/** The wanted rule's label ("wanted: 50%"), as the chart writes it. */
const WANTED_DX = 4;
const WANTED_DY = -7;
const OFFSETS = [14, -14, 28, -28, 42, -42, 56, -56];

const right = (dy: number): LabelPlace => ({ align: 'left', dx: 8, dy });
const left = (dy: number): LabelPlace => ({ align: 'right', dx: -8, dy });

/**
 * The x domain of the goal chart: the lever's values, the answer and the plan's value,
 * widened to round ticks as Vega would.
 * @example goalXDomain(goal) // [10000, 120000] for a search from 15,000 to 120,000
 */
export function goalXDomain(goal: GoalResult): [number, number] {
  const xs = [...goal.points.map((p) => p.value)];
  if (goal.value !== null) xs.push(goal.value);
  if (goal.current !== null && goal.current_probability !== null) xs.push(goal.current);
  return niceDomain(Math.min(...xs), Math.max(...xs));
}

/**
 * Places the answer's and the plan's labels. Tried in turn: the places of the rule that
 * served before (each label on the side of its point away from the other point; both on the
 * right, the higher above, when the answer is in the axis's left 30% and the plan right of
 * it), then each side at 14, 28, 42 and 56 px below or above; the first pair that is clear
 * of the curve, the marks, the wanted rule and its label, the plot's edges and each other is
 * taken. When none is, the old rule's places are.
 * @example labelPlaces(goal, texts).answer // { align: 'left', dx: 8, dy: 14 }
 */
export function labelPlaces(
  goal: GoalResult,
  texts: GoalLabelTexts,
): { answer: LabelPlace; plan: LabelPlace } {
  const old = ruleOfThumb(goal);
  if (goal.value === null) return old;
  const [d0, d1] = goalXDomain(goal);
  const px = (v: number) => ((v - d0) / (d1 - d0 || 1)) * CHART_WIDTH;
  const py = (p: number) => (1 - p) * CHART_HEIGHT;
  const answerAt = {
    x: px(goal.value),
    y: py(goal.search_probability ?? goal.achieved_probability),
  };
  const planAt =
    goal.current !== null && goal.current_probability !== null
      ? { x: px(goal.current), y: py(goal.current_probability) }
      : null;
  const curve = sampleCubics(
    monotoneCubics(
      [...goal.points]
        .sort((a, b) => a.value - b.value)
        .map((p) => ({ x: px(p.value), y: py(p.probability) })),
    ),
    2,
  );
  const wantedY = py(goal.probability);
  const wantedText = `wanted: ${formatPercent(goal.probability)}`;
  const mark = (m: Point): Box => ({
    x1: m.x - MARK,
    x2: m.x + MARK,
    y1: m.y - MARK,
    y2: m.y + MARK,
  });
  // A label's own mark is not in its way: 8 px aside, the label is placed beside it.
  const fixed: Box[] = [
    { x1: 0, x2: CHART_WIDTH, y1: wantedY, y2: wantedY },
    boxAt(
      { x: 0, y: wantedY },
      { align: 'left', dx: WANTED_DX, dy: WANTED_DY },
      wantedText,
      EM_REGULAR,
    ),
  ];
  const answerRule: Box = { x1: answerAt.x, x2: answerAt.x, y1: 0, y2: CHART_HEIGHT };
  const clear = (b: Box, others: readonly Box[]) =>
    b.x1 >= 0 &&
    b.x2 <= CHART_WIDTH &&
    b.y1 >= 0 &&
    b.y2 <= CHART_HEIGHT &&
    others.every((o) => !meets(o, b)) &&
    curve.every((p) => !inside(p, b));
  const candidates = (first: LabelPlace) => [
    first,
    ...OFFSETS.flatMap((dy) => [right(dy), left(dy)]),
  ];
  for (const a of candidates(old.answer)) {
    const answerBox = boxAt(answerAt, a, texts.answer, EM_BOLD);
    if (!clear(answerBox, planAt === null ? fixed : [...fixed, mark(planAt)])) continue;
    if (planAt === null) return { answer: a, plan: old.plan };
    for (const p of candidates(old.plan)) {
      const planBox = boxAt(planAt, p, texts.plan, EM_REGULAR);
      if (clear(planBox, [...fixed, mark(answerAt), answerRule, answerBox]))
        return { answer: a, plan: p };
    }
  }
  return old;
}

/** The box of `text` placed at `at` by `place` (Vega's middle baseline: centred on y + dy). */
function boxAt(at: Point, place: LabelPlace, text: string, em: number): Box {
  const w = text.length * em * SIZE;
  const x = at.x + place.dx;
  const y = at.y + place.dy;
  return {
    x1: place.align === 'left' ? x : x - w,
    x2: place.align === 'left' ? x + w : x,
    y1: y - SIZE / 2,
    y2: y + SIZE / 2,
  };
}

const meets = (a: Box, b: Box) => boxesMeet(a, b, GAP);

const inside = (p: Point, b: Box) =>
  p.x > b.x1 - GAP && p.x < b.x2 + GAP && p.y > b.y1 - GAP && p.y < b.y2 + GAP;

/**
 * The rule of thumb the chart used alone before: each label on the side of its point away
 * from the other point; when that would push the answer's label off the plot's left edge
 * (the answer in the leftmost 30% of the axis, the plan right of it), both on the right, the
 * higher point's label above it and the lower one's below.
 */
function ruleOfThumb(goal: GoalResult): { answer: LabelPlace; plan: LabelPlace } {
  const answer = goal.value;
  const plan = goal.current;
  if (answer === null || plan === null || plan < answer)
    return { answer: right(14), plan: left(-8) };
  const xs = [...goal.points.map((p) => p.value), answer, plan];
  const lo = Math.min(...xs);
  const span = Math.max(...xs) - lo;
  if (span > 0 && (answer - lo) / span >= 0.3) return { answer: left(14), plan: right(-8) };
  const answerHigher =
    (goal.search_probability ?? goal.achieved_probability) >= (goal.current_probability ?? 0);
  return answerHigher
    ? { answer: right(-14), plan: right(20) }
    : { answer: right(14), plan: right(-8) };
}
