/**
 * Properties of the engine over random small scenarios (fast-check): conservation through
 * the funnel, and monotonicity of mean wins in a rate and in the leads, paired trial by trial
 * under common random numbers (same seed → same trial streams).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanSummary, prepare } from '../../src/analysis/evaluator.js';
import { simulate } from '../../src/analysis/simulate.js';
import { buildLayout } from '../../src/sim/layout.js';
import { modelOf } from '../helpers/model.js';

/** A rate a scenario accepts: 0, or 1e-15 … 1 (smaller non-zero numbers are refused). */
const rate = fc.oneof(fc.constant(0), fc.double({ min: 1e-15, max: 1, noNaN: true }));

const scenarioArb = fc.record({
  leads: fc.integer({ min: 0, max: 300 }),
  rates: fc.array(rate, { minLength: 2, maxLength: 4 }),
  lags: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
  capacity: fc.integer({ min: 0, max: 80 }),
  queueLoss: rate,
  worked: fc.integer({ min: 1, max: 4 }),
});

interface Small {
  leads: number;
  rates: number[];
  lags: number[];
  capacity: number;
  queueLoss: number;
  worked: number;
}

function yamlOf(s: Small, trials: number): string {
  const names = ['mql', 'sql', 'opp', 'won'].slice(4 - s.rates.length);
  const worked = Math.min(s.worked, s.rates.length);
  const stages = s.rates
    .map(
      (r, i) =>
        `  - {stage: ${names[i]}, rate: ${r}, lag: ${s.lags[i]}${i + 1 === worked ? ', worked_by: rep' : ''}}`,
    )
    .join('\n');
  return `
scenario: prop
currency: USD
calendar: {start: 2027-01, periods: 6}
simulation: {trials: ${trials}, seed: 1}
markets: {a: {deal_size: 100}, b: {deal_size: {dist: lognormal, median: 50, p90: 90}}}
channels:
  paid: {spend: 1000, response: {curve: linear, cost_per_lead: ${1000 / Math.max(1, s.leads)}}, markets: {a: 0.5, b: 0.5}}
  ref: {response: {curve: fixed, leads: ${s.leads}}, markets: {a: 0.3, b: 0.7}}
funnel:
  - {stage: lead}
${stages}
team:
  rep: {headcount: 1, capacity: ${s.capacity}, queue_loss: ${s.queueLoss}}
`;
}

describe('engine properties', () => {
  it('never has more arrivals at a stage than at the stage before it, per trial and period', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const model = modelOf(yamlOf(s, 40));
        const layout = buildLayout(model);
        const T = model.calendar.periods;
        await simulate(model, { workers: 1 }, (_f, count, rows) => {
          for (let i = 0; i < count; i++) {
            const row = rows.subarray(i * layout.width, (i + 1) * layout.width);
            // Cumulated over periods: with lags, a stage's arrivals by t never exceed the previous stage's by t.
            for (let k = 1; k < model.stages.length; k++) {
              let prev = 0;
              let cur = 0;
              for (let t = 0; t < T; t++) {
                prev += row[layout.stageArrivals[k - 1]! * T + t]!;
                cur += row[layout.stageArrivals[k]! * T + t]!;
                expect(cur).toBeLessThanOrEqual(prev);
              }
            }
            let wins = 0;
            let leads = 0;
            for (let t = 0; t < T; t++) {
              wins += row[layout.metric.wins * T + t]!;
              leads += row[layout.metric.leads * T + t]!;
              expect(row[layout.metric.pipeline * T + t]!).toBeGreaterThanOrEqual(0);
            }
            expect(wins).toBeLessThanOrEqual(leads);
          }
        });
      }),
      { numRuns: 25, seed: 42 },
    );
  });

  it('raising a rate or the leads never lowers mean wins (paired under common random numbers, 4 SE)', async () => {
    /** Per-trial horizon wins of a scenario (same seed, so trial i of two runs is paired). */
    const wins = async (s: Small) => {
      const ev = prepare(modelOf(yamlOf(s, 400)), { workers: 1 });
      try {
        return (await ev.evaluate([], { metrics: ['wins'] })).values.wins!;
      } finally {
        await ev.close();
      }
    };
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.integer({ min: 0, max: 3 }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        async (s, which, bump) => {
          const base = await wins(s);
          const i = which % s.rates.length;
          const higherRate = {
            ...s,
            rates: s.rates.map((r, j) => (j === i ? Math.min(1, r * bump + 0.05) : r)),
          };
          const more = { ...s, leads: Math.round(s.leads * bump) + 5 };
          for (const changed of [await wins(higherRate), await wins(more)]) {
            // Paired bound: the mean per-trial difference is at least −4 of its own standard
            // errors (0 when every trial moved by the same amount, e.g. not at all).
            const d = changed.map((x, t) => x - base[t]!);
            const { mean, se } = meanSummary(d);
            expect(mean).toBeGreaterThanOrEqual(-4 * se! - 1e-9);
          }
        },
      ),
      { numRuns: 12, seed: 7 },
    );
  });
});
