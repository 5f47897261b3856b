import { describe, expect, it } from 'vitest';
import { StreamPlan, TrialStreams } from '../../src/sim/streams.js';
import { modelOf } from '../helpers/model.js';

const model = modelOf(`
scenario: streams
calendar: {start: 2027-01, periods: 3}
markets: {a: {deal_size: 100}, b: {deal_size: 50}}
channels:
  c: {response: {curve: fixed, leads: 10}, markets: {a: 0.5, b: 0.5}}
  d: {response: {curve: fixed, leads: "5 to 9"}, markets: {a: 0.5, b: 0.5}}
funnel: [{stage: lead}, {stage: won, rate: "20% to 30%"}]
`);

const draws = (rs: TrialStreams, n: number) => Array.from({ length: n }, () => rs.next());

describe('TrialStreams', () => {
  const plan = new StreamPlan(model);

  it('gives every slot its own key: no two slots share their counter words', () => {
    const keys = new Set<string>();
    for (let s = 0; s < plan.slots; s++)
      keys.add([...plan.words.subarray(3 * s, 3 * s + 3)].join(','));
    expect(keys.size).toBe(plan.slots);
  });

  it('draws the same numbers from a stream whatever other streams were used before', () => {
    const a = new TrialStreams(plan);
    a.begin(9, 4);
    a.use(plan.deals + 1);
    const alone = draws(a, 5);
    const b = new TrialStreams(plan);
    b.begin(9, 3);
    b.use(plan.deals + 1);
    draws(b, 7);
    b.begin(9, 4);
    b.use(plan.leads);
    draws(b, 11);
    b.use(plan.deals + 1);
    const first = draws(b, 2);
    b.use(plan.leads);
    draws(b, 3);
    b.use(plan.deals + 1);
    expect([...first, ...draws(b, 3)]).toEqual(alone);
  });

  it('gives different numbers per seed, trial and slot', () => {
    const rs = new TrialStreams(plan);
    const firstOf = (seed: number, trial: number, slot: number) => {
      rs.begin(seed, trial);
      rs.use(slot);
      return rs.next();
    };
    const seen = new Set<number>();
    for (const seed of [0, 1, 2 ** 33]) {
      for (const trial of [0, 1, 2]) {
        for (let s = 0; s < plan.slots; s++) seen.add(firstOf(seed, trial, s));
      }
    }
    expect(seen.size).toBe(3 * 3 * plan.slots);
  });

  it('keys an input by its dot path, not its position', () => {
    const paths = model.params.map((p) => p.path);
    const i = paths.indexOf('funnel.won.rate');
    expect(i).toBeGreaterThanOrEqual(0);
    const w = (p: StreamPlan, at: number) => [...p.words.subarray(3 * at, 3 * at + 3)];
    const other = new StreamPlan({ ...model, params: [model.params[i]!] });
    expect(w(other, other.param[0]!)).toEqual(w(plan, plan.param[i]!));
  });
});
