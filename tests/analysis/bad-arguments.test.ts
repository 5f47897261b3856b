/**
 * Bad library arguments are InputErrors that say what was expected, in the CLI's words where
 * the CLI has the same check: before, an object that is no override and an unknown allocation
 * objective threw raw TypeErrors, a backtest of horizon 0 or 'x' scored nothing without a
 * word, and a quota confidence of '0.7' was taken and echoed as a string.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/allocate/allocate.js';
import { prepare } from '../../src/analysis/evaluator.js';
import { quota } from '../../src/analysis/quota/index.js';
import { sensitivity } from '../../src/analysis/sensitivity/index.js';
import { backtest } from '../../src/history/backtest.js';
import { readActuals } from '../../src/history/read-actuals.js';
import type { AllocationObjective } from '../../src/model/types.js';
import { loadBundle, loadModel } from '../../src/scenario/index.js';
import { applyOverrides, type Override } from '../../src/scenario/overrides.js';
import { InputError } from '../../src/util/result.js';
import { runCli } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const B2B = join(ROOT, 'scenarios/b2b-saas.yaml');
const ACTUALS = join(ROOT, 'scenarios/history/b2b-actuals.csv');

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(InputError);
  return (e as Error).message;
}

describe('overrides', () => {
  it('an object that is no override is a diagnostic naming what an override is', async () => {
    const bundle = await loadBundle(B2B, { trials: 50 });
    const bad = [{ bogus: 'x', value: 1 }] as unknown as Override[];
    const r = applyOverrides({ model: bundle.base, bundle }, bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]!.message).toBe(
      'override: expected one of {set: PATH, value}, {spend: CHANNEL, value}, {fix | quantile | scale | reseed: INPUT, value} (item 1 of the list), got a map with bogus, value',
    );
    const ev = prepare(bundle, { workers: 1 });
    try {
      for (const o of [{ bogus: 'x', value: 1 }, { fix: 3, value: 1 }, { spend: 'paid_search' }, 7])
        expect(await refusal(ev.evaluate([o as never], { trials: 10 }))).toMatch(
          /override: expected one of \{set: PATH, value\}/,
        );
    } finally {
      await ev.close();
    }
  });
});

describe('allocate', () => {
  it('refuses an unknown objective and a budget that is no number ≥ 0, as --objective and --budget do', async () => {
    const bundle = await loadBundle(B2B, { trials: 50 });
    const run = { trials: 50, workers: 1 };
    expect(
      await refusal(allocate(bundle, { ...run, objective: 'nope' as AllocationObjective })),
    ).toBe('allocate: options.objective: ✖ expected revenue, profit, p10 or target, got "nope"');
    // The bad value is the caller's, so the message names the option, not the scenario.
    expect(await refusal(allocate(bundle, { ...run, budget: '100000' as never }))).toBe(
      'allocate: options.budget: ✖ expected a total spend per period ≥ 0, got string "100000"',
    );
    const cli = await runCli(['allocate', B2B, '--objective', 'nope', '--trials', '50']);
    expect(cli.stderr).toBe('--objective: ✖ expected revenue, profit, p10 or target, got "nope"\n');
  });
});

describe('sensitivity', () => {
  it('names the option, not the scenario, for a top outside 1 … 20', async () => {
    const bundle = await loadBundle(B2B, { trials: 50 });
    expect(await refusal(sensitivity(bundle, { trials: 50, workers: 1, top: 0 }))).toMatch(
      /^sensitivity: options\.top: ✖ /,
    );
  });
});

describe('backtest', () => {
  it('refuses a horizon or step that is no whole number from 1 to 240, and a history too short for the horizon', async () => {
    const a = await readActuals(ACTUALS);
    if (!a.ok) throw new Error('the sample actuals do not read');
    const actuals = a.value;
    expect(await refusal(backtest(actuals, { horizon: 0, trials: 50 }))).toBe(
      'backtest: options.horizon: ✖ expected a whole number from 1 to 240, got 0',
    );
    expect(await refusal(backtest(actuals, { horizon: 'x' as never, trials: 50 }))).toBe(
      'backtest: options.horizon: ✖ expected a whole number from 1 to 240, got string "x"',
    );
    expect(await refusal(backtest(actuals, { step: 1.5, trials: 50 }))).toBe(
      'backtest: options.step: ✖ expected a whole number from 1 to 240, got 1.5',
    );
    const months = actuals.periods.length;
    expect(await refusal(backtest(actuals, { horizon: months, trials: 50 }))).toMatch(
      new RegExp(
        `✖ the history has ${months} months; a backtest ${months} months ahead needs at least ${months + 3}$`,
      ),
    );
    // A first origin without 2 months before it or the horizon after it scores nothing.
    for (const first of [1, months, 2.5]) {
      expect(await refusal(backtest(actuals, { first, trials: 50 }))).toMatch(
        new RegExp(
          `^backtest: options\\.first: ✖ expected a period index of the history from 2 to ${months - 3} .*, got ${first}$`,
        ),
      );
    }
    const cli = await runCli(['backtest', ACTUALS, '--horizon', '0']);
    expect(cli.stderr).toBe('--horizon: ✖ expected a whole number from 1 to 240, got 0\n');
  });
});

describe('quota', () => {
  it('refuses a confidence given as text', async () => {
    const model = await loadModel(B2B, { trials: 50 });
    expect(await refusal(quota(model, { confidence: '0.7' as never, workers: 1 }))).toBe(
      'quota: options.confidence: ✖ expected a probability strictly between 0 and 1, got "0.7"',
    );
  });
});
