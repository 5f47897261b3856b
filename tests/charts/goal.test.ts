/**
 * The goal chart's footnote says what the fresh trials made of the answer, as `confirmed` and
 * the sentence do (docs/goal.md, step 4): confirmed, not borne out, too few, or no answer.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { GoalResult } from '../../src/analysis/goal/seek.js';
import { buildGoalChart } from '../../src/charts/goal.js';
import { validateSpec } from '../../src/charts/validate.js';
import { bundledFonts } from '../../src/render/fonts.js';
import { useFontMetrics } from '../../src/render/text-metrics.js';
import { overlaps, sceneItems } from './scene.js';
import { vegaPieces } from './vega-curve.js';

// The numbers of `salesops goal scenarios/b2b-saas.yaml --lever allocation.budget --target
// bookings=12500000 --probability 0.5 --trials 500`, trimmed to three points.
const base: GoalResult = {
  lever: 'allocation.budget',
  target: { metric: 'bookings', value: 12_500_000 },
  probability: 0.5,
  value: 93_916,
  achieved_probability: 0.486,
  achieved_se: Math.sqrt((0.486 * 0.514) / 500),
  search_probability: 0.506,
  confirmed: true,
  bounds: { min: 20_000, max: 310_000 },
  current: 105_833,
  current_probability: 0.44,
  tolerance: 290,
  trials: 500,
  seed: 5,
  confirm_seed: 6,
  points: [
    { value: 20_000, probability: 0 },
    { value: 93_916, probability: 0.506 },
    { value: 310_000, probability: 0.9 },
  ],
  lever_kind: 'budget',
  unit: 'money',
  money: true,
  sentence: '',
};

function footnote(g: GoalResult): string {
  const chart = buildGoalChart(g, 'USD', 'test');
  expect(validateSpec(chart.spec)).toEqual([]);
  const notes = JSON.stringify(chart.spec).match(/"note":"([^"]*)"/);
  return notes?.[1] ?? '';
}

describe('the goal chart footnote', () => {
  it('says the answer was confirmed only when it was, with the fresh trials’ numbers', () => {
    expect(footnote(base)).toBe(
      '500 trials per point, the same trials for every point · seed 5; the answer confirmed on fresh trials (seed 6): 48.6% ± 2.2 pp · salesops goal-seek',
    );
  });

  it('says when the fresh trials fall short of the goal by more than their error', () => {
    // docs/goal.md's example: 46.9% of 1,000 fresh trials against 50%.
    const p = 0.469;
    const note = footnote({
      ...base,
      trials: 1000,
      achieved_probability: p,
      achieved_se: Math.sqrt((p * (1 - p)) / 1000),
      confirmed: false,
    });
    expect(note).toBe(
      '1,000 trials per point, the same trials for every point · seed 5; not borne out on fresh trials (seed 6): 46.9% ± 1.6 pp, short of 50.0% beyond its error · salesops goal-seek',
    );
    expect(note).not.toContain('confirmed');
  });

  it('says when the fresh trials are too few to confirm it (two hits of two, against 90%)', () => {
    const note = footnote({
      ...base,
      probability: 0.9,
      trials: 2,
      achieved_probability: 1,
      achieved_se: 0,
      confirmed: false,
    });
    expect(note).toBe(
      '2 trials per point, the same trials for every point · seed 5; 2 fresh trials (seed 6), 100.0%, are too few to confirm 90.0% (it takes 29) · salesops goal-seek',
    );
  });

  it('confirms nothing without an answer', () => {
    const none = { ...base, value: null, search_probability: null, confirmed: null };
    expect(footnote(none)).toBe(
      '500 trials per point, the same trials for every point · seed 5; no answer, so nothing to confirm · salesops goal-seek',
    );
    expect(footnote({ ...none, trials: 1, achieved_se: null })).toBe(
      '1 trial per point, the same trial for every point · seed 5; no answer, so nothing to confirm · salesops goal-seek',
    );
  });

  it('keeps the one-trial footnote for an answer from one trial', () => {
    expect(
      footnote({
        ...base,
        trials: 1,
        achieved_probability: 1,
        achieved_se: null,
        confirmed: false,
      }),
    ).toBe(
      '1 trial per point, the same trial for every point · seed 5; 1 fresh trial (seed 6) cannot confirm the answer · salesops goal-seek',
    );
  });
});

describe('the goal chart labels', () => {
  /** The rendered bounds (px) of the answer's and the plan's labels. */
  async function labelBounds(g: GoalResult) {
    useFontMetrics(bundledFonts());
    const chart = buildGoalChart(g, 'USD', 'test');
    const view = new View(parse(compile(chart.spec as TopLevelSpec).spec), { renderer: 'none' });
    try {
      await view.runAsync();
      const found: Record<string, { x1: number; x2: number; y1: number; y2: number }> = {};
      const walk = (node: unknown): void => {
        if (node === null || typeof node !== 'object') return;
        const n = node as { items?: unknown[]; text?: unknown; bounds?: never };
        if (typeof n.text === 'string') {
          if (n.text.startsWith('plan:')) found.plan = n.bounds!;
          // The answer's label ("$93.9k: 49% on fresh trials"), not the footnote.
          if (/: [\d.]+% on fresh trials$/.test(n.text)) found.answer = n.bounds!;
        }
        for (const child of n.items ?? []) walk(child);
      };
      walk((view.scenegraph() as unknown as { root: unknown }).root);
      return found;
    } finally {
      view.finalize();
    }
  }

  const overlap = (a: { x1: number; x2: number; y1: number; y2: number }, b: typeof a) =>
    a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

  it.each([
    // The B2B run: the plan ($106k, 44%) just right of and below the answer ($93.9k, 51%),
    // the answer in the axis's left third. The labels overlapped.
    ['the plan just right of the answer, near the left', base],
    ['the plan right of the answer, mid-axis', { ...base, value: 150_000, current: 160_000 }],
    ['the plan left of the answer', { ...base, current: 80_000, current_probability: 0.45 }],
    ['the plan just right of and above the answer', { ...base, current_probability: 0.56 }],
  ] as const)('do not overlap: %s', async (_case, g) => {
    const b = await labelBounds(g as GoalResult);
    expect(b.plan).toBeDefined();
    expect(b.answer).toBeDefined();
    expect(overlap(b.plan!, b.answer!), JSON.stringify(b)).toBe(false);
  });
});

describe('the goal chart labels and the curve', () => {
  /** Points along the curve Vega draws through the line's points (its own monotone curve). */
  function drawnCurve(points: { x: number; y: number }[]): { x: number; y: number }[] {
    const out: { x: number; y: number }[] = [];
    let at = points[0]!;
    for (const [x1, y1, x2, y2, x, y] of vegaPieces(points)) {
      for (let k = 0; k <= 200; k++) {
        const s = k / 200;
        const r = 1 - s;
        out.push({
          x: r * r * r * at.x + 3 * r * r * s * x1! + 3 * r * s * s * x2! + s * s * s * x!,
          y: r * r * r * at.y + 3 * r * r * s * y1! + 3 * r * s * s * y2! + s * s * s * y!,
        });
      }
      at = { x: x!, y: y! };
    }
    return out;
  }

  // `salesops goal scenarios/b2b-saas.yaml --lever allocation.budget --target
  // bookings=12500000 --probability 0.5 --trials 2000`: the answer's label started on the
  // curve, which rises steeply through the answer.
  const budgetRun: GoalResult = {
    ...base,
    value: 94_765.625,
    achieved_probability: 0.494,
    achieved_se: Math.sqrt((0.494 * 0.506) / 2000),
    search_probability: 0.502,
    current: 105_833.33,
    current_probability: 0.42,
    trials: 2000,
    seed: 2027,
    confirm_seed: 2028,
    points: [
      [20000, 0.0005],
      [56250, 0.1415],
      [92500, 0.482],
      [93632.8125, 0.482],
      [94199.21875, 0.4855],
      [94482.421875, 0.4875],
      [94765.625, 0.502],
      [97031.25, 0.5125],
      [101562.5, 0.545],
      [110625, 0.6155],
      [128750, 0.6765],
      [165000, 0.728],
      [201250, 0.721],
      [237500, 0.673],
      [273750, 0.627],
      [310000, 0.6135],
    ].map(([value, probability]) => ({ value: value!, probability: probability! })),
  };
  // docs/goal.md's example, --lever channels.paid_search.spend --target bookings=12000000
  // --probability 0.5 --trials 2000: a flat curve just above the wanted 50%.
  const spendRun: GoalResult = {
    ...budgetRun,
    lever: 'channels.paid_search.spend',
    target: { metric: 'bookings', value: 12_000_000 },
    value: 38_789.0625,
    achieved_probability: 0.5025,
    search_probability: 0.5015,
    bounds: { min: 15_000, max: 120_000 },
    current: 50_000,
    current_probability: 0.517,
    points: [
      [15000, 0.339],
      [28125, 0.459],
      [34687.5, 0.4905],
      [37968.75, 0.494],
      [38378.90625, 0.498],
      [38583.984375, 0.4995],
      [38686.5234375, 0.4995],
      [38789.0625, 0.5015],
      [39609.375, 0.5025],
      [41250, 0.5045],
      [50000, 0.517],
      [54375, 0.52],
      [67500, 0.541],
      [80625, 0.545],
      [93750, 0.5515],
      [106875, 0.549],
      [120000, 0.554],
    ].map(([value, probability]) => ({ value: value!, probability: probability! })),
    lever_kind: 'spend',
  };

  it.each([
    ['the budget lever, the curve steep through the answer', budgetRun],
    ['the spend lever, the curve flat above the wanted line', spendRun],
    ['the plan just right of the answer, near the left', base],
    ['the plan right of the answer, mid-axis', { ...base, value: 150_000, current: 160_000 }],
    ['the plan left of the answer', { ...base, current: 80_000, current_probability: 0.45 }],
    ['no plan value', { ...budgetRun, current: null, current_probability: null }],
  ] as const)(
    'keeps the labels off the drawn curve, the marks and each other: %s',
    async (_case, g) => {
      const chart = buildGoalChart(g as GoalResult, 'USD', 'test');
      expect(validateSpec(chart.spec)).toEqual([]);
      const items = await sceneItems(chart.spec);
      const line = items.filter((i) => i.type === 'line' && i.role === 'mark');
      const curve = drawnCurve(
        [...line].sort((a, b) => a.x - b.x).map((i) => ({ x: i.x, y: i.y })),
      );
      expect(curve.length).toBeGreaterThan(100);
      const texts = items.filter((i) => i.type === 'text' && i.role === 'mark');
      const answer = texts.find((t) => t.text.endsWith('on fresh trials'))!;
      const plan = texts.find((t) => t.text.startsWith('plan:'));
      expect(answer).toBeDefined();
      // The answer's diamond and the plan's ring (the curve's points are smaller).
      const marks = items.filter(
        (i) => i.type === 'symbol' && i.role === 'mark' && i.bounds.x2 - i.bounds.x1 > 9,
      );
      for (const label of [answer, ...(plan === undefined ? [] : [plan])]) {
        const b = label.bounds;
        const on = curve.filter((p) => p.x > b.x1 && p.x < b.x2 && p.y > b.y1 && p.y < b.y2);
        expect(on, `${label.text} ${JSON.stringify(b)}`).toEqual([]);
        for (const m of marks) {
          if (m.x === label.x && m.y === label.y) {
            // Its own mark, which it sits beside: clear of the round mark, if not of the
            // corner of the mark's box.
            const near = {
              x: Math.min(Math.max(m.x, b.x1), b.x2),
              y: Math.min(Math.max(m.y, b.y1), b.y2),
            };
            // Vega draws a symbol of size s in a square of side √s; the ring (110) has a
            // 2 px stroke, the diamond (120) none. The box Vega gives a symbol is wider.
            const radius = label === plan ? Math.sqrt(110) / 2 + 1 : Math.sqrt(120) / 2;
            expect(Math.hypot(near.x - m.x, near.y - m.y), label.text).toBeGreaterThan(radius);
          } else expect(overlaps(b, m.bounds), label.text).toBe(false);
        }
      }
      if (plan !== undefined) expect(overlaps(answer.bounds, plan.bounds)).toBe(false);
    },
  );
});

describe('the goal chart writes the lever in its unit', () => {
  /** The rendered x-axis labels, the answer's and the plan's labels, and the axis title. */
  async function texts(g: GoalResult, currency = 'USD') {
    const chart = buildGoalChart(g, currency, 'test');
    expect(validateSpec(chart.spec)).toEqual([]);
    const items = await sceneItems(chart.spec);
    const visible = items.filter((i) => i.type === 'text' && i.visible).map((i) => i.text);
    // The lever axis's labels: the lowest row of axis labels (the y axis's are above it).
    const labels = items.filter((i) => i.role === 'axis-label' && i.visible);
    const bottom = Math.max(...labels.map((i) => i.bounds.y1));
    const ticks = labels.filter((i) => i.bounds.y1 === bottom).map((i) => i.text);
    return { visible, ticks, meaning: JSON.stringify(chart.spec) };
  }

  // `salesops goal scenarios/b2b-saas.yaml --lever team.ae.cost --min 5000 --max 30000
  // --target profit=5000000 --probability 0.5`, trimmed: a dot-path lever that is money read
  // "5k", "plan: 15k" on an axis of "4,000", "8,000".
  it('a cost as money in the currency, without "per month"', async () => {
    const cost: GoalResult = {
      ...base,
      lever: 'team.ae.cost',
      target: { metric: 'profit', value: 5_000_000 },
      value: 5_000,
      bounds: { min: 5_000, max: 30_000 },
      current: 15_000,
      current_probability: 0.802,
      tolerance: 25,
      points: [
        { value: 5_000, probability: 0.948 },
        { value: 15_000, probability: 0.802 },
        { value: 30_000, probability: 0.45 },
      ],
      lever_kind: 'path',
      unit: 'money',
    };
    const t = await texts(cost);
    expect(t.visible).toContain('$5k: 49% on fresh trials');
    expect(t.visible).toContain('plan: $15k');
    expect(t.visible).toContain('team.ae.cost (USD)');
    expect(t.ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of t.ticks) expect(tick).toMatch(/^\$\d+k$/);
    expect(t.meaning).toContain('the smallest team.ae.cost that reaches it: $5k');
  });

  // `salesops goal scenarios/consumer-brand.yaml --lever markets.tier1.growth --min -0.02
  // --max 0.03 --target bookings=220000000 --probability 0.5`, trimmed: the answer read
  // "0.00583" on an axis of "−0.020", "0.004".
  it('a growth rate as a percentage, negatives with a true minus', async () => {
    const growth: GoalResult = {
      ...base,
      lever: 'markets.tier1.growth',
      target: { metric: 'bookings', value: 220_000_000 },
      value: 0.00583,
      bounds: { min: -0.02, max: 0.03 },
      current: null,
      current_probability: null,
      tolerance: 0.00005,
      points: [
        { value: -0.02, probability: 0.36 },
        { value: 0.00583, probability: 0.502 },
        { value: 0.03, probability: 0.65 },
      ],
      lever_kind: 'path',
      unit: 'percent',
      money: false,
    };
    const t = await texts(growth, 'CNY');
    expect(t.visible).toContain('0.58%: 49% on fresh trials');
    expect(t.visible).toContain('markets.tier1.growth');
    expect(t.ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of t.ticks) expect(tick).toMatch(/^−?\d(\.\d)?%$/);
    expect(t.ticks.some((x) => x.startsWith('−'))).toBe(true);
    expect(new Set(t.ticks).size).toBe(t.ticks.length);
    expect(t.meaning).toContain('the smallest markets.tier1.growth that reaches it: 0.58%');
  });
});
