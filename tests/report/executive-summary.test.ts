/**
 * The executive summary states no number the results do not hold: every number in every
 * sentence is read back from the forecast's JSON (and from the JSON of the optional
 * analyses passed in), recomputed here from the JSON alone, independently of the summary.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { forecast } from '../../src/analysis/forecast.js';
import { stringifyForecast } from '../../src/analysis/forecast-json.js';
import { formatCount, formatMoney, formatPercent } from '../../src/charts/format.js';
import { SATURATED_UTILISATION } from '../../src/defaults.js';
import type { Model } from '../../src/model/types.js';
import { executiveSummary, type SummaryExtras } from '../../src/report/executive-summary.js';
import { loadModel } from '../../src/scenario/index.js';
import { modelOf } from '../helpers/model.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Summary shape of the forecast JSON, as far as the test reads it. */
interface Json {
  trials: number;
  currency: string;
  periods: string[];
  metrics: Record<string, { total: Record<string, number> }>;
  roles: Record<
    string,
    {
      utilisation: { periods: { p50: number }[] };
      capacity: { periods: { p50: number }[] };
      queue: { periods: { p50: number }[] };
      lost: { total: { mean: number }; periods: { p50: number }[] };
      taken: { total: { mean: number } };
    }
  >;
  targets: {
    bookings?: { value: number; probability: number };
    profit?: { value: number; probability: number };
    quarterly_detail?: { value: number; probability: number }[];
  };
}

/**
 * Number tokens of a sentence: digits with their decimal part and k/M/B/T or % suffix. A
 * number glued to a letter (P10, FY2027, Q1) is a name, not a figure; "90% interval" names
 * the interval every paired analysis reports (docs/report.md).
 */
function numbersIn(text: string): string[] {
  const plain = text.replaceAll('90% interval', 'interval');
  return [...plain.matchAll(/(?<![\p{L}\d.,])\d[\d,]*(?:\.\d+)?(?:[kMBT%])?/gu)].map((m) =>
    m[0].replace(/[.,]$/, ''),
  );
}

/** Every way the summary may print a value: money (without its symbol), percent, count, plain. */
function renderings(values: readonly number[], currency: string): Set<string> {
  const out = new Set<string>();
  for (const v of values) {
    for (const x of [v, Math.abs(v)]) {
      out.add(
        formatMoney(x, currency)
          .replace(/^−/, '')
          .replace(/[$€£¥]/g, ''),
      );
      out.add(formatPercent(x));
      out.add(formatCount(x));
      out.add(String(x));
    }
  }
  return out;
}

/** The values a summary of this forecast may state, computed from its JSON alone. */
function allowedFromJson(j: Json, extras: SummaryExtras = {}): number[] {
  const b = j.metrics.bookings!.total;
  const t = j.targets;
  const values = [b.p10!, b.p50!, b.p90!, j.trials, j.periods.length];
  for (const p of j.periods) values.push(Number(p.slice(0, 4)));
  if (t.bookings) values.push(t.bookings.value, t.bookings.probability, t.bookings.value - b.p50!);
  if (t.profit) values.push(t.profit.value, t.profit.probability);
  for (const q of t.quarterly_detail ?? []) values.push(q.value, q.probability);
  const newBookings = j.metrics.new_bookings!.total.mean!;
  for (const r of Object.values(j.roles)) {
    // Capacity-bound months: nearly full, or no capacity while items waited (docs/report.md).
    const bound = r.utilisation.periods.filter(
      (s, t) =>
        s.p50 >= SATURATED_UTILISATION ||
        (r.capacity.periods[t]!.p50 === 0 &&
          (r.queue.periods[t]!.p50 > 0 || r.lost.periods[t]!.p50 > 0)),
    );
    values.push(bound.length);
    const lost = r.lost.total.mean;
    const taken = r.taken.total.mean;
    values.push(
      lost,
      taken > 0 ? (lost * newBookings) / taken : 0,
      taken > 0 ? newBookings / taken : 0,
    );
  }
  for (const i of extras.sensitivity?.inputs ?? []) values.push(i.swing);
  for (const v of Object.values(extras.compare?.variants ?? {}))
    values.push(
      v.difference.mean,
      (v.difference.hi! - v.difference.lo!) / 2,
      ...(v.difference.spread ? [v.difference.spread.p10, v.difference.spread.p90] : []),
      v.probability_better,
    );
  if (extras.allocation) {
    const a = extras.allocation;
    values.push(a.uplift.mean, ((a.uplift.hi ?? 0) - (a.uplift.lo ?? 0)) / 2, a.probability_better);
    for (const v of [a.budget, a.spent, a.current_total]) if (v !== undefined) values.push(v);
    if (a.budget_curve) values.push(a.budget_curve.trials);
    for (const p of a.budget_curve?.points ?? []) {
      values.push(p.budget);
      if (p.value !== null) values.push(p.value);
    }
  }
  return values;
}

/** The numbers of `sentences` that the JSON does not back. */
function unbacked(sentences: readonly string[], j: Json, extras?: SummaryExtras): string[] {
  const ok = renderings(allowedFromJson(j, extras), j.currency);
  return sentences.flatMap((s) =>
    numbersIn(s)
      .filter((n) => !ok.has(n))
      .map((n) => `${n} in "${s}"`),
  );
}

describe('executive summary of the B2B example', () => {
  let model: Model;
  let json: Json;
  let sentences: string[];
  beforeAll(async () => {
    model = await loadModel(resolve(ROOT, 'scenarios/b2b-saas.yaml'), { trials: 2000, seed: 2027 });
    const result = await forecast(model, { workers: 1 });
    json = JSON.parse(stringifyForecast(result)) as Json;
    sentences = executiveSummary(result, model).map((s) => s.text);
  }, 60_000);

  it('says what we will book, the chance of each target, the median gap and the binding constraint', () => {
    expect(sentences[0]).toMatch(/^We expect to book \$[\d.]+M in Jan–Dec 2027/);
    expect(sentences.some((s) => s.includes('FY2027 Q4'))).toBe(true);
    expect(sentences.some((s) => /^The median (falls|clears)/.test(s))).toBe(true);
    // The example's own header: "The binding constraint is AE capacity".
    expect(
      sentences.some((s) => /^AE capacity binds: capacity-bound in \d+ of 12 months/.test(s)),
    ).toBe(true);
  });

  it('states no number that the forecast JSON does not hold', () => {
    const numbers = sentences.flatMap(numbersIn);
    expect(numbers.length).toBeGreaterThan(15);
    expect(unbacked(sentences, json)).toEqual([]);
  });

  it('catches a typed number (negative control of the check)', () => {
    expect(
      unbacked(['We expect to book $9.73M.', 'Odds 41.5%.', 'AE binds in 13 months.'], json),
    ).toHaveLength(3);
  });
});

describe('the summary takes other analyses when they are passed in', () => {
  it('prints the sensitivity, variant and allocation sentences only with their results, numbers from them', async () => {
    const model = await loadModel(resolve(ROOT, 'scenarios/minimal.yaml'), {
      trials: 300,
      seed: 5,
    });
    const result = await forecast(model, { workers: 1 });
    const json = JSON.parse(stringifyForecast(result)) as Json;
    const without = executiveSummary(result, model).map((s) => s.link);
    expect(without).not.toContain('sensitivity');
    expect(without).not.toContain('compare');
    expect(without).not.toContain('allocation');
    // Hand-written results in the JSON shapes the analyses print (docs/report.md); the
    // summary must only quote them.
    const extras: SummaryExtras = {
      sensitivity: {
        metric: 'bookings',
        inputs: [
          { path: 'funnel.won.rate', label: 'Win rate', swing: 123456, variance_share: 0.4 },
          { path: 'markets.web.deal_size', swing: 65432 },
        ],
      },
      compare: {
        variants: {
          cheap: {
            difference: { mean: -1000, lo: -2500, hi: 300, spread: { p10: -9000, p90: 7000 } },
            probability_better: 0.31,
          },
          bold: {
            difference: { mean: 42000, lo: 21000, hi: 63000, spread: { p10: -18000, p90: 99000 } },
            probability_better: 0.87,
          },
        },
      },
      allocation: {
        objective: 'revenue',
        uplift: { mean: 15500, lo: 9000, hi: 22000 },
        probability_better: 0.93,
      },
    };
    const withExtras = executiveSummary(result, model, extras);
    const links = withExtras.map((s) => s.link);
    expect(links).toEqual(expect.arrayContaining(['sensitivity', 'compare', 'allocation']));
    const text = withExtras.map((s) => s.text);
    expect(text.find((s) => s.startsWith('The inputs'))).toContain('Win rate');
    expect(text.find((s) => s.startsWith('Best variant'))).toContain('Bold');
    // Intervals of a mean difference read as its simulation error, never as a range of
    // outcomes a board could set beside "beats the plan in 87% of trials".
    expect(text.find((s) => s.startsWith('Best variant'))).toContain(
      'adds €42k of bookings on average (simulation error ±€21k); trial by trial the difference runs from −€18k to +€99k (P10 to P90)',
    );
    expect(text.find((s) => s.startsWith('Re-splitting'))).toContain(
      'by €15.5k on average (simulation error ±€6.5k)',
    );
    for (const t of text) expect(t).not.toMatch(/interval/);
    expect(unbacked(text, json, extras)).toEqual([]);
  }, 60_000);
});

/** The minimal scenario forecast at 200 trials (seed 7), with its JSON. */
async function minimalForecast() {
  const model = await loadModel(resolve(ROOT, 'scenarios/minimal.yaml'), { trials: 200, seed: 7 });
  const result = await forecast(model, { workers: 1 });
  return { model, result, json: JSON.parse(stringifyForecast(result)) as Json };
}

describe('the allocation sentence', () => {
  let model: Model;
  let result: Awaited<ReturnType<typeof forecast>>;
  let json: Json;
  beforeAll(async () => {
    ({ model, result, json } = await minimalForecast());
  }, 60_000);
  // Hand-written in the shape of `salesops allocate --json`, like consumer-brand's: the
  // allocation spends 3M a month, the plan 2.25M, and the curve does best near 2.25M.
  const base = {
    objective: 'profit',
    uplift: { mean: 10_300_000, lo: 9_970_000, hi: 10_620_000 },
    probability_better: 0.85,
    budget: 3_000_000,
    spent: 3_000_000,
    step: 50_000,
  };
  const curve = {
    trials: 500,
    points: [
      {
        share: 0.75,
        budget: 2_250_000,
        value: 76_000_000,
        difference: { mean: 4.18e6, se: 1.6e5 },
      },
      { share: 1, budget: 3_000_000, value: 71_800_000, difference: { mean: 0, se: 0 } },
      { share: 1.1, budget: 3_300_000, value: 69_100_000, difference: { mean: -2.7e6, se: 3e4 } },
    ],
  };
  const texts = (allocation: NonNullable<SummaryExtras['allocation']>) =>
    executiveSummary(result, model, { allocation })
      .filter((s) => s.link === 'allocation')
      .map((s) => s.text);

  it('does not call a change of total spend a re-split', () => {
    const extras = { allocation: { ...base, current_total: 2_245_833 } };
    const t = texts(extras.allocation);
    expect(t[0]).not.toMatch(/Re-splitting/);
    expect(t[0]).toMatch(
      /^Spending €3M a month on the channels, against the €2\.25M the plan spends/,
    );
    expect(unbacked(t, json, extras)).toEqual([]);
  });

  it('calls it a re-split when the plan spends the same total', () => {
    const t = texts({ ...base, current_total: 3_010_000 });
    expect(t).toHaveLength(1);
    expect(t[0]).toMatch(/^Re-splitting the channel budget raises the profit objective by/);
  });

  it('says when the budget curve does clearly better at another budget, e.g. the current spend', () => {
    const extras = { allocation: { ...base, current_total: 2_245_833, budget_curve: curve } };
    const t = texts(extras.allocation);
    expect(t[1]).toBe(
      "The budget curve does better at another budget: spending €2.25M a month (about what the plan spends now), split as the curve's best, gives €76M against €71.8M at €3M (on the curve's 500 trials).",
    );
    expect(unbacked(t, json, extras)).toEqual([]);
    // Not when the best other point is within twice its standard error of the budget's own.
    const close = {
      ...curve,
      points: curve.points.map((p) =>
        p.share === 0.75 ? { ...p, difference: { mean: 3e5, se: 1.6e5 } } : p,
      ),
    };
    expect(texts({ ...base, current_total: 2_245_833, budget_curve: close })).toHaveLength(1);
    // A larger budget beating the allocation's is news only when the objective counts spend.
    const upward = {
      ...curve,
      points: curve.points.map((p) =>
        p.share === 1.1 ? { ...p, value: 80e6, difference: { mean: 8e6, se: 1e5 } } : p,
      ),
    };
    expect(texts({ ...base, budget_curve: upward })).toHaveLength(2);
    expect(texts({ ...base, objective: 'revenue', budget_curve: upward })).toHaveLength(1);
    expect(texts({ ...base, objective: 'revenue', budget_curve: curve })).toHaveLength(2);
  });
});

/**
 * A role with no capacity: the kernel writes its utilisation as 0 (docs/model.md), which
 * must not read as spare capacity while items wait for it. One AE works the sql stage; 200
 * leads a month, half of them reach it in their own month.
 */
const UNSTAFFED = `scenario: Unstaffed
calendar: {start: 2027-01, periods: 12}
simulation: {trials: 200, seed: 3}
markets:
  all: {deal_size: 1000}
channels:
  web:
    response: {curve: fixed, leads: 200}
funnel:
  - {stage: lead}
  - {stage: sql, rate: 0.5, worked_by: ae}
  - {stage: won, rate: 0.2}
team:
  ae: {headcount: 0, capacity: 40, hires: {"2027-07": 4}}
`;

describe('a role with no capacity while items wait', () => {
  const summaryOf = async (yaml: string, extras: SummaryExtras = {}) => {
    const model = modelOf(yaml);
    const result = await forecast(model, { workers: 1 });
    const json = JSON.parse(stringifyForecast(result)) as Json;
    return { json, text: executiveSummary(result, model, extras).map((s) => s.text) };
  };

  it('binds in the months before the first hire, and says it had no capacity', async () => {
    const { json, text } = await summaryOf(UNSTAFFED);
    const ae = text.find((s) => s.startsWith('AE capacity binds'));
    // Jan–Jun: no reps while items queue; in July 4 reps take 160 of the ~100 queued plus
    // ~100 arriving (full); after that 160 a month is more than the ~100 arriving.
    expect(ae).toMatch(
      /^AE capacity binds: capacity-bound in 7 of 12 months \(Jan–Jul 2027; no capacity at all in Jan–Jun 2027 while items waited\); its queue loses [\d,]+ items at the SQL stage \(mean\), worth about/,
    );
    expect(text.join(' ')).not.toMatch(/spare capacity/);
    expect(unbacked(text, json)).toEqual([]);
  }, 60_000);

  it('binds in every month items wait when capacity is 0 all year, and values no item', async () => {
    const yaml = UNSTAFFED.replace(
      '{headcount: 0, capacity: 40, hires: {"2027-07": 4}}',
      '{headcount: 3, capacity: 0}',
    );
    const { json, text } = await summaryOf(yaml);
    expect(text.join(' ')).not.toMatch(/spare capacity/);
    expect(text.find((s) => s.startsWith('AE capacity binds'))).toMatch(
      /^AE capacity binds: capacity-bound in 12 of 12 months \(Jan–Dec 2027; no capacity at all in Jan–Dec 2027 while items waited\); its queue loses [\d,]+ items at the SQL stage \(mean\) and it takes none on\.$/,
    );
    expect(unbacked(text, json)).toEqual([]);
  }, 60_000);

  it('keeps a role with no capacity and nothing waiting unbound, without calling it spare', async () => {
    // Nothing reaches the AE: the sql rate is 0.
    const yaml = UNSTAFFED.replace('rate: 0.5, worked_by', 'rate: 0, worked_by').replace(
      '{headcount: 0, capacity: 40, hires: {"2027-07": 4}}',
      '{headcount: 3, capacity: 0}',
    );
    const { text } = await summaryOf(yaml);
    expect(text).toContain(
      'No role is capacity-bound: in every month most trials leave each role spare capacity or nothing waiting for it.',
    );
  }, 60_000);

  it('says when capacity binds at the allocation\'s recommended split, and does not say "raises by €0"', async () => {
    const extras: SummaryExtras = {
      allocation: {
        objective: 'revenue',
        uplift: { mean: 0, lo: 0, hi: 0 },
        probability_better: 0,
        capacity: { binding: ['ae'] },
      },
    };
    const { json, text } = await summaryOf(UNSTAFFED, extras);
    expect(text).toContain(
      'Re-splitting the channel budget changes the revenue objective by $0 on average (simulation error ±$0), better than the current plan in 0% of trials.',
    );
    expect(text).toContain(
      'AE capacity binds at the recommended split: leads beyond what the team can work wait or go cold and add little until the team grows.',
    );
    expect(unbacked(text, json, extras)).toEqual([]);
  }, 60_000);
});

describe('the variant sentence when no variant beats the plan', () => {
  let model: Model;
  let result: Awaited<ReturnType<typeof forecast>>;
  let json: Json;
  beforeAll(async () => {
    ({ model, result, json } = await minimalForecast());
  }, 60_000);
  const sentence = (compare: NonNullable<SummaryExtras['compare']>) =>
    executiveSummary(result, model, { compare }).find((s) => s.link === 'compare')!.text;

  it('says so and names the closest when every variant costs bookings (plg.yaml: More social −€20.7k)', () => {
    const extras: SummaryExtras = {
      compare: {
        variants: {
          more_social: {
            difference: {
              mean: -20_700,
              lo: -23_220,
              hi: -18_180,
              se: 1_532,
              spread: { p10: -109_000, p90: 58_600 },
            },
            probability_better: 0.39,
          },
        },
      },
    };
    const text = sentence(extras.compare!);
    expect(text).toBe(
      'No variant beats the plan on average; the closest, More social, costs €20.7k of bookings on average (simulation error ±€2.52k); trial by trial the difference runs from −€109k to +€58.6k (P10 to P90), and it beats the plan in 39% of trials.',
    );
    expect(unbacked([text], json, extras)).toEqual([]);
  });

  it('does not call a gain within twice its standard error the best variant', () => {
    // se from the 90% half-width when the result does not carry it: 3290 / 1.645 = 2000, so
    // a mean of 3000 is within 2 se and one of 5000 is not.
    const within = { mean: 3000, lo: -290, hi: 6290 };
    expect(
      sentence({ variants: { bold: { difference: within, probability_better: 0.6 } } }),
    ).toMatch(/^No variant clearly beats the plan on average; the closest, Bold, adds €3k/);
    const beyond = { mean: 5000, lo: 1710, hi: 8290 };
    expect(
      sentence({ variants: { bold: { difference: beyond, probability_better: 0.7 } } }),
    ).toMatch(/^Best variant against the plan: Bold adds €5k/);
  });

  it('calls no variant best from one trial, whose standard error is not available', () => {
    const one = { mean: 5000, lo: null, hi: null, se: null, spread: { p10: 5000, p90: 5000 } };
    const text = sentence({
      trials: 1,
      variants: { bold: { difference: one, probability_better: 1 } },
    });
    expect(text).toMatch(/^Variants: with one trial no difference to the plan can be told/);
    expect(text).not.toMatch(/Best variant|±/);
    // Without the trial count, the null error alone says the same.
    expect(sentence({ variants: { bold: { difference: one, probability_better: 1 } } })).toMatch(
      /^Variants: with one trial/,
    );
  });
});
