/**
 * The scenario entry points refuse an option they do not take, the way each reports bad
 * input: loadModel and loadBundle throw an InputError, compileScenario, compileAll,
 * compileScenarioFile and applyOverrides (its target) return it as a diagnostic. Before, `loadModel(file, { varient: 'x' })`
 * from JavaScript compiled the base plan without a word, and every number after it was the
 * base plan's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileAll,
  compileScenario,
  compileScenarioFile,
  loadBundle,
  loadModel,
} from '../../src/scenario/index.js';
import { applyOverrides } from '../../src/scenario/overrides.js';
import { type Loose, only, refusal } from '../helpers/refusal.js';

const B2B = join(import.meta.dirname, '../../scenarios/b2b-saas.yaml');
const TEXT = readFileSync(B2B, 'utf8');
const MISSING = join(import.meta.dirname, 'no-such-scenario.yaml');

const FILE_TAKES = 'variant, trials, seed and displayName';
const TEXT_TAKES = 'variant, trials and seed';

describe('loadModel and loadBundle', () => {
  it('refuse a misspelt option, naming the one meant, before reading the file', async () => {
    expect(await refusal(() => loadModel(B2B, { varient: 'hire_q2' } as Loose))).toBe(
      `loadModel: options.varient: ✖ unknown option varient; did you mean variant? (loadModel takes ${FILE_TAKES})`,
    );
    expect(await refusal(() => loadBundle(MISSING, { trails: 50 } as Loose))).toBe(
      `loadBundle: options.trails: ✖ unknown option trails; did you mean trials? (loadBundle takes ${FILE_TAKES})`,
    );
  });

  it('refuse options that are not an object (a variant name passed alone)', async () => {
    expect(await refusal(() => loadModel(B2B, 'hire_q2' as Loose))).toBe(
      'loadModel: options: ✖ expected an object of options, got string "hire_q2"',
    );
    expect(await refusal(() => loadBundle(B2B, null as Loose))).toMatch(
      /^loadBundle: options: ✖ expected an object of options, got nothing/,
    );
  });

  it('take every option they know', async () => {
    const model = await loadModel(B2B, {
      variant: 'hire_q2',
      trials: 50,
      seed: 3,
      displayName: 'plan.yaml',
    });
    expect([model.variant, model.simulation.trials, model.simulation.seed]).toEqual([
      'hire_q2',
      50,
      3,
    ]);
    const bundle = await loadBundle(B2B, { trials: 50, displayName: 'plan.yaml' });
    expect([bundle.file, bundle.base.simulation.trials]).toEqual(['plan.yaml', 50]);
  });
});

describe('compileScenario, compileAll and compileScenarioFile', () => {
  it('return a misspelt option as their one diagnostic', async () => {
    expect(only(compileScenario(TEXT, 'b2b-saas.yaml', { variants: 'hire_q2' } as Loose))).toBe(
      `compileScenario: options.variants: ✖ unknown option variants; did you mean variant? (compileScenario takes ${TEXT_TAKES})`,
    );
    expect(only(compileAll(TEXT, 'b2b-saas.yaml', { sed: 3 } as Loose))).toBe(
      `compileAll: options.sed: ✖ unknown option sed; did you mean seed? (compileAll takes ${TEXT_TAKES})`,
    );
    // displayName is the file entry points' only: the text ones are given the name
    expect(only(compileAll(TEXT, 'b2b-saas.yaml', { displayName: 'x' } as Loose))).toMatch(
      /^compileAll: options\.displayName: ✖ unknown option displayName \(compileAll takes /,
    );
    expect(only(await compileScenarioFile(MISSING, { display: 'plan.yaml' } as Loose))).toBe(
      `compileScenarioFile: options.display: ✖ unknown option display; did you mean displayName? (compileScenarioFile takes ${FILE_TAKES})`,
    );
  });

  it('return options that are not an object as a diagnostic, never throw', async () => {
    expect(only(compileScenario(TEXT, 'b2b-saas.yaml', 5 as Loose))).toBe(
      'compileScenario: options: ✖ expected an object of options, got number 5',
    );
    expect(only(await compileScenarioFile(B2B, null as Loose))).toMatch(
      /^compileScenarioFile: options: ✖ expected an object of options/,
    );
  });

  it('take every option they know', async () => {
    const r = compileScenario(TEXT, 'b2b-saas.yaml', { variant: 'hire_q2', trials: 50, seed: 1 });
    expect(r.ok && r.value.variant).toBe('hire_q2');
    const all = compileAll(TEXT, 'b2b-saas.yaml', { trials: 50, seed: 1 });
    expect(all.ok && all.value.base.simulation.trials).toBe(50);
    const f = await compileScenarioFile(B2B, { displayName: 'plan.yaml', trials: 50 });
    expect(f.ok && f.value.simulation.trials).toBe(50);
  });
});

describe('applyOverrides', () => {
  it('returns a name its target does not take as its one diagnostic', async () => {
    const bundle = await loadBundle(B2B, { trials: 50 });
    const edit = [{ set: 'channels.paid_search.spend', value: 1000 }];
    const target = { model: bundle.base, bundle, varient: 'hire_q2' } as Loose;
    expect(only(applyOverrides(target, edit))).toBe(
      'applyOverrides: target.varient: ✖ unknown option varient; did you mean variant? (target takes model, bundle and variant)',
    );
    const r = applyOverrides({ model: bundle.base, bundle, variant: 'hire_q2' }, edit);
    expect(r.ok && r.value.variant).toBe('hire_q2');
  });
});
