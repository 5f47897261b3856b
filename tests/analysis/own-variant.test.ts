/**
 * A result's `variant` is the variant its compiled plan is (`model.variant`), never a label
 * the caller typed: an analysis of a compiled plan refuses a `variant` option that names
 * another plan (before, `quota(base, { variant: 'hire_q2' })` printed the base plan's numbers
 * labelled hire_q2, and a plan loaded as hire_q2 was labelled null).
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/allocate/allocate.js';
import { prepare } from '../../src/analysis/evaluator.js';
import { forecast } from '../../src/analysis/forecast.js';
import { stringifyForecast } from '../../src/analysis/forecast-json.js';
import { quota } from '../../src/analysis/quota/index.js';
import { sensitivity } from '../../src/analysis/sensitivity/sensitivity.js';
import { openTrialsFile } from '../../src/analysis/shard.js';
import { reforecast } from '../../src/history/reforecast/reforecast.js';
import type { Actuals } from '../../src/history/types.js';
import type { Model } from '../../src/model/types.js';
import { loadBundle, loadModel, type ScenarioBundle } from '../../src/scenario/index.js';
import { applyOverrides } from '../../src/scenario/overrides.js';
import { InputError } from '../../src/util/result.js';

const B2B = join(import.meta.dirname, '../../scenarios/b2b-saas.yaml');
const TRIALS = 200;
const run = { workers: 1 } as const;

let bundle: ScenarioBundle;
let base: Model;
let hire: Model;
beforeAll(async () => {
  bundle = await loadBundle(B2B, { trials: TRIALS });
  base = await loadModel(B2B, { trials: TRIALS });
  hire = await loadModel(B2B, { trials: TRIALS, variant: 'hire_q2' });
});

describe('a compiled plan knows its variant', () => {
  it('the base is null, a variant its name, a --set on a variant keeps it', () => {
    expect(base.variant).toBeNull();
    expect(bundle.base.variant).toBeNull();
    expect(hire.variant).toBe('hire_q2');
    for (const [name, plan] of bundle.variants) expect(plan.variant).toBe(name);
    const edited = applyOverrides({ model: hire, bundle }, [
      { set: 'channels.paid_search.spend', value: 50_000 },
    ]);
    expect(edited.ok && edited.value.variant).toBe('hire_q2');
    const onBase = applyOverrides({ model: base, bundle }, [
      { set: 'channels.paid_search.spend', value: 50_000 },
    ]);
    expect(onBase.ok && onBase.value.variant).toBeNull();
  });
});

describe('results take the label from the plan', () => {
  it('forecast and quota of a plan loaded as hire_q2 say hire_q2', async () => {
    const f = await forecast(hire, run);
    expect(f.variant).toBe('hire_q2');
    expect(JSON.parse(stringifyForecast(f)).variant).toBe('hire_q2');
    const q = await quota(hire, run);
    expect(q.variant).toBe('hire_q2');
    // Naming the plan's own variant is allowed and changes nothing.
    const again = await quota(hire, { ...run, variant: 'hire_q2' });
    expect(again.team_target).toBe(q.team_target);
  }, 60_000);

  it('sensitivity of an evaluator prepared on a variant names it', async () => {
    const ev = prepare(bundle, { ...run, variant: 'hire_q2', threadMin: 0 });
    try {
      const s = await sensitivity(ev, { trials: TRIALS, tornadoTrials: 50 });
      expect(s.variant).toBe('hire_q2');
    } finally {
      await ev.close();
    }
  }, 60_000);
});

describe('a variant option that is not the plan’s own is refused', () => {
  const refused = async (p: Promise<unknown>, where: RegExp) => {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(where);
  };

  it('forecast, quota, allocate, reforecast', async () => {
    await refused(
      forecast(base, { ...run, variant: 'recession' }),
      /^forecast: options\.variant: ✖ the model is the base plan, not variant "recession".*loadModel\(file, \{ variant: "recession" \}\)/,
    );
    await refused(
      forecast(hire, { ...run, variant: null }),
      /^forecast: options\.variant: ✖ the model is variant "hire_q2", not the base plan/,
    );
    await refused(quota(base, { ...run, variant: 'hire_q2' }), /^quota: options\.variant: ✖/);
    await refused(
      quota(base, { ...run, variant: 'no_such_variant' }),
      /not variant "no_such_variant"/,
    );
    await refused(allocate(base, { ...run, variant: 'hire_q2' }), /^allocate: options\.variant/);
    await refused(
      // Actuals in shape only: the variant is refused before they are read.
      reforecast(base, { file: 'a.csv', periods: [], stages: [], cohorts: [] } as Actuals, {
        variant: 'hire_q2',
      }),
      /^reforecast: options\.variant/,
    );
  });

  it('an evaluator of a compiled plan evaluates only that plan', async () => {
    const ev = prepare(base, run);
    await refused(ev.evaluate([], { trials: 10, variant: 'hire_q2' }), /^evaluate: options/);
    await ev.close();
    const own = prepare(hire, run);
    const r = await own.evaluate([], { trials: 10, variant: 'hire_q2' });
    expect(r.model.variant).toBe('hire_q2');
    await own.close();
  });

  describe('a trials file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'own-variant-'));
    afterAll(() => expect(readdirSync(dir)).toEqual([]));
    it('cannot record another variant than the plan simulated', () => {
      expect(() =>
        openTrialsFile(base, B2B, '', 'hire_q2', { k: 1, n: 1 }, join(dir, 't.arrow')),
      ).toThrow(/^writeShard: variant: ✖ the model is the base plan, not variant "hire_q2"/);
    });
  });
});
