/** The reforecast's plan of the months ahead carries the adstock in once, not twice. */
import { describe, expect, it } from 'vitest';
import { restPlan } from '../../src/history/reforecast/slice-plan.js';
import { TrialInputs } from '../../src/sim/trial-inputs.js';
import { modelOf } from '../helpers/model.js';

// Spend 50,000 a month, as before the horizon, with carryover 0.5: the effective spend is
// 100,000 in every month, so 1,000 leads a month at 100 per lead.
const model = modelOf(`
scenario: warm
calendar: {start: 2027-01, periods: 6}
markets: {m: {deal_size: 1}}
channels:
  c:
    spend: 50000
    spend_before: 50000
    carryover: 0.5
    response: {curve: linear, cost_per_lead: 100}
funnel:
  - {stage: lead}
  - {stage: won, rate: 0.1}
`);

function leads(m: typeof model): number[] {
  const inputs = new TrialInputs(m);
  inputs.compute(Float64Array.from(m.params, (p) => (p.dist.kind === 'fixed' ? p.dist.value : 0)));
  return Array.from(inputs.leadsBase.slice(0, m.calendar.periods));
}

describe('restPlan', () => {
  it('starts the months ahead from the carried adstock alone, not spend_before again', () => {
    expect(leads(model)).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
    // After k = 2 months at plan spend, the adstock carries 0.5 · 100,000 into month 2.
    const rest = restPlan(model, 2, {
      params: new Map(),
      addedParams: [],
      addedInitiatives: [],
      mix: model.channels.map((c) => c.mix.map(() => 1)),
      carryIn: Float64Array.of(50_000),
      pipeline: [],
      correlations: [],
      design: model.design,
    });
    expect(leads(rest)).toEqual([1000, 1000, 1000, 1000]);
  });
});
