/**
 * Models whose product of counts is too large, or whose trial count is not a whole number
 * (a model edited by hand), are refused before anything is allocated.
 */
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/analysis/forecast.js';
import { modelOf } from '../helpers/model.js';

/** A valid scenario with `channels` channels, `markets` markets, `stages` stages and `periods` periods. */
function scenario(channels: number, markets: number, stages: number, periods: number): string {
  const share = 1 / markets;
  const mix = Array.from({ length: markets }, (_, m) => `m${m}: ${share}`).join(', ');
  return [
    'scenario: size',
    'currency: USD',
    `calendar: {start: 2027-01, periods: ${periods}}`,
    'simulation: {trials: 100, seed: 1}',
    'markets:',
    ...Array.from({ length: markets }, (_, m) => `  m${m}: {deal_size: 1000}`),
    'channels:',
    ...Array.from(
      { length: channels },
      (_, c) => `  c${c}: {response: {curve: fixed, leads: 10}, markets: {${mix}}}`,
    ),
    'funnel:',
    '  - {stage: s0}',
    ...Array.from({ length: stages - 1 }, (_, k) => `  - {stage: s${k + 1}, rate: 0.5}`),
    '',
  ].join('\n');
}

describe('model size', () => {
  it('refuses a grid of channels × markets × stages × periods above 2²², naming the sizes', async () => {
    const model = modelOf(scenario(100, 64, 4, 240)); // 6,144,000 cohort-stage-periods
    await expect(forecast(model, { workers: 1 })).rejects.toThrow(
      /too large to simulate: 100 channels × 64 markets × 4 stages × 240 periods = 6,144,000 cohort-stage-periods/,
    );
  });

  it('refuses a trial row of more than 2¹⁶ values', async () => {
    const model = modelOf(scenario(300, 1, 2, 240)); // ~920 series × 240 periods
    await expect(forecast(model, { workers: 2 })).rejects.toThrow(
      /too large to simulate: \d+ series × 240 periods = [\d,]+ values per trial, above the limit of 65,536/,
    );
  });

  it('refuses a hand-edited model with a trial count that is not a whole number ≥ 1', async () => {
    const model = modelOf(scenario(1, 1, 2, 12));
    for (const trials of [0, 2.5, Number.NaN]) {
      const bad = { ...model, simulation: { ...model.simulation, trials } };
      await expect(forecast(bad, { workers: 1 })).rejects.toThrow(
        /expected model\.simulation\.trials to be a whole number from 1/,
      );
    }
  });

  it('runs a large model that is inside both limits', async () => {
    const model = modelOf(scenario(40, 10, 4, 60)); // 96,000 cohort-stage-periods
    const r = await forecast(model, { workers: 1 });
    expect(r.trials).toBe(100);
  });
});
