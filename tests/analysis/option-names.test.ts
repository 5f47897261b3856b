/**
 * An option a library function does not take is refused, naming the function, the option,
 * the closest option and every option: before, `allocate(model, { channels, step, maxShare })`
 * from JavaScript ignored all three without a word (TypeScript callers got a type error,
 * JavaScript callers and notebooks nothing). Nothing is simulated before the check.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/allocate/allocate.js';
import { compare } from '../../src/analysis/compare/compare.js';
import { type Evaluator, prepare } from '../../src/analysis/evaluator.js';
import { forecast, forecastWith, runForecast } from '../../src/analysis/forecast.js';
import { lever } from '../../src/analysis/goal/lever.js';
import { goalSeek } from '../../src/analysis/goal/seek.js';
import { quota, quotaWithForecast } from '../../src/analysis/quota/index.js';
import { sensitivity } from '../../src/analysis/sensitivity/sensitivity.js';
import { writeShard } from '../../src/analysis/shard.js';
import { simulate } from '../../src/analysis/simulate.js';
import { whatIfAnalyses } from '../../src/analysis/what-ifs.js';
import { backtest } from '../../src/history/backtest.js';
import { calibrate } from '../../src/history/calibrate.js';
import { reforecast } from '../../src/history/reforecast/reforecast.js';
import { synthesize } from '../../src/history/synthesize.js';
import type { Actuals } from '../../src/history/types.js';
import type { Model } from '../../src/model/types.js';
import { loadBundle, type ScenarioBundle } from '../../src/scenario/index.js';
import { type Loose, refusal } from '../helpers/refusal.js';

const B2B = join(import.meta.dirname, '../../scenarios/b2b-saas.yaml');

let bundle: ScenarioBundle;
let model: Model;
let ev: Evaluator;
// Actuals in shape only: the option names are refused before they are read.
const actuals: Actuals = { file: 'a.csv', periods: [], stages: [], cohorts: [] };
beforeAll(async () => {
  bundle = await loadBundle(B2B, { trials: 20 });
  model = bundle.base;
  ev = prepare(bundle, { workers: 1 });
});
afterAll(() => ev.close());

describe('allocate', () => {
  it('refuses channels, step and maxShare, saying where they are set', async () => {
    for (const [key, value] of [
      ['channels', ['paid_search']],
      ['step', 5000],
      ['maxShare', 0.5],
    ] as const) {
      const message = await refusal(() => allocate(model, { [key]: value } as Loose));
      expect(message).toMatch(
        new RegExp(
          `^allocate: options\\.${key}: ✖ unknown option ${key} \\(allocate takes objective, budget, trials, seed, variant, workers, curves, onProgress, logger and budgetLabel\\); the split's channels, step and max_share are the scenario's allocation block`,
        ),
      );
    }
  });

  it('names the closest option of a misspelt one', async () => {
    expect(await refusal(() => allocate(model, { seeds: 3 } as Loose))).toMatch(
      /^allocate: options\.seeds: ✖ unknown option seeds; did you mean seed\? \(allocate takes /,
    );
    expect(await refusal(() => allocate(model, { budet: 9e4 } as Loose))).toMatch(
      /unknown option budet; did you mean budget\?/,
    );
  });

  it('refuses options that are not an object', async () => {
    for (const bad of [null, 5, 'fast', ['trials']])
      expect(await refusal(() => allocate(model, bad as Loose))).toMatch(
        /^allocate: options: ✖ expected an object of options, got /,
      );
  });
});

describe('every analysis that takes options', () => {
  const source = async () => {
    throw new Error('nothing may be simulated before the options are checked');
  };
  const cases: [string, (o: Loose) => unknown, string, string][] = [
    ['forecast', (o) => forecast(model, o), 'worker', 'workers'],
    ['forecastWith', (o) => forecastWith(ev, [], o), 'varient', 'variant'],
    ['runForecast', (o) => runForecast(model, source, o), 'onProgres', 'onProgress'],
    ['compare', (o) => compare(bundle, o), 'variant', 'variants'],
    ['sensitivity', (o) => sensitivity(bundle, o), 'tornadotrials', 'tornadoTrials'],
    ['quota', (o) => quota(model, o), 'overassignment', 'overAssignment'],
    ['quota', (o) => quotaWithForecast(model, o), 'confidance', 'confidence'],
    [
      'goalSeek',
      (o) =>
        goalSeek(ev, {
          lever: 'channels.paid_search.spend',
          metric: 'bookings',
          target: 1e7,
          probability: 0.5,
          ...o,
        }),
      'tolerence',
      'tolerance',
    ],
    ['prepare', (o) => prepare(model, o), 'label2', 'label'],
    ['evaluate', (o) => ev.evaluate([], o), 'metric', 'metrics'],
    ['evaluatePlan', (o) => ev.evaluatePlan(model, o), 'input', 'inputs'],
    ['simulate', (o) => simulate(model, o, () => {}), 'form', 'from'],
    [
      'whatIfAnalyses',
      (o) => whatIfAnalyses(bundle, { trials: 20, ...o }),
      'sensitivty',
      'sensitivity',
    ],
    ['backtest', (o) => backtest(actuals, o), 'horizons', 'horizon'],
    ['calibrate', (o) => calibrate(actuals, null, o), 'bse', 'base'],
    ['reforecast', (o) => reforecast(model, actuals, o), 'logge', 'logger'],
    ['synthesize', (o) => synthesize(model, o), 'sed', 'seed'],
  ];
  it.each(cases)(
    '%s refuses an unknown option, naming the closest',
    async (fn, call, key, near) => {
      const message = await refusal(() => call({ [key]: 1 }));
      expect(message).toMatch(
        new RegExp(
          `^${fn}: options\\.${key}: ✖ unknown option ${key}; did you mean ${near}\\? \\(${fn} takes `,
        ),
      );
    },
  );

  it('lets every known option through (the CLI passes only those)', async () => {
    const r = await forecast(model, { workers: 1, variant: null, onProgress: () => {} });
    expect(r.trials).toBe(20);
  });
});

describe('objects inside the options, and options under another name', () => {
  const goal = {
    lever: 'channels.paid_search.spend',
    metric: 'bookings',
    target: 1e7,
    probability: 0.5,
  };

  it("goalSeek and lever refuse a bound other than min and max (it left the lever's own)", async () => {
    expect(await refusal(() => goalSeek(ev, { ...goal, bounds: { mn: 0 } } as Loose))).toBe(
      'goalSeek: options.bounds.mn: ✖ unknown option mn; did you mean min? (options.bounds takes min and max)',
    );
    expect(await refusal(() => lever(model, goal.lever, { maximum: 9e4 } as Loose))).toBe(
      'lever: bounds.maximum: ✖ unknown option maximum; did you mean max? (bounds takes min and max)',
    );
    expect(lever(model, goal.lever, { min: 1000, max: 9e4 }).max).toBe(9e4);
  });

  it('writeShard refuses from and to, which the shard sets, before writing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesops-shard-options-'));
    const out = join(dir, 'shard.arrow');
    try {
      expect(
        await refusal(() =>
          writeShard(model, B2B, null, { k: 1, n: 2 }, out, { workers: 1, from: 0 } as Loose),
        ),
      ).toBe(
        "writeShard: sim.from: ✖ unknown option from (sim takes workers and onProgress); the shard's trials are its k of n (shardRange)",
      );
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
