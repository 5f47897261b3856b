/**
 * Trials, seed and worker threads are checked where a library caller's options enter, with
 * the CLI's wording: before, `evaluate([], { seed: 1.5 })` ran seed 1's trials, −1 and 2^53
 * ran, `compare(b, { seed: 1.5 })` reported seed 1.5 beside seed 1's numbers, and
 * `sensitivity(b, { seed: 1.5 })` blamed an override the caller never gave.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/allocate/allocate.js';
import { compare } from '../../src/analysis/compare/compare.js';
import { type Evaluator, prepare } from '../../src/analysis/evaluator.js';
import { forecast } from '../../src/analysis/forecast.js';
import { quota } from '../../src/analysis/quota/index.js';
import { sensitivity } from '../../src/analysis/sensitivity/sensitivity.js';
import { simulate } from '../../src/analysis/simulate.js';
import type { Model } from '../../src/model/types.js';
import { loadBundle, type ScenarioBundle } from '../../src/scenario/index.js';
import { InputError } from '../../src/util/result.js';
import { runCli } from '../helpers/cli.js';

const MINIMAL = join(import.meta.dirname, '../../scenarios/minimal.yaml');
const B2B = join(import.meta.dirname, '../../scenarios/b2b-saas.yaml');
const SEED = 'expected a whole number from 0 to 2^53 − 1';
const TRIALS = 'expected a whole number from 1 to 10000000';
const WORKERS = 'expected a whole number of worker threads from 1 to 256';

/** The InputError `p` rejects with (fails the test when it resolves or throws another error). */
async function refusal(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError, got a result');
}

let bundle: ScenarioBundle;
let model: Model;
let ev: Evaluator;
beforeAll(async () => {
  bundle = await loadBundle(MINIMAL, { trials: 100 });
  model = bundle.base;
  ev = prepare(bundle, { workers: 1 });
});
afterAll(() => ev.close());

describe('the evaluator', () => {
  it('refuses a seed that is not a whole number from 0 to 2^53 − 1', async () => {
    for (const seed of [1.5, -1, 2 ** 53, Number.NaN]) {
      expect(await refusal(ev.evaluate([], { trials: 10, seed }))).toBe(
        `evaluate: options.seed: ✖ ${SEED}, got ${seed}`,
      );
    }
    // The largest seed is fine.
    const top = await ev.evaluate([], { trials: 10, seed: 2 ** 53 - 1 });
    expect(top.seed).toBe(2 ** 53 - 1);
  });

  it('refuses bad trials and worker counts as input errors', async () => {
    expect(await refusal(ev.evaluate([], { trials: 0 }))).toBe(
      `evaluate: options.trials: ✖ ${TRIALS}, got 0`,
    );
    expect(await refusal(ev.evaluate([], { trials: 'abc' as never }))).toBe(
      `evaluate: options.trials: ✖ ${TRIALS}, got string "abc"`,
    );
    expect(await refusal(() => prepare(model, { workers: 0 }))).toBe(
      `prepare: options.workers: ✖ ${WORKERS}, got 0`,
    );
  });
});

describe('the analyses', () => {
  it('name themselves and the option, before any trial runs', async () => {
    expect(await refusal(compare(bundle, { seed: 1.5, workers: 1 }))).toBe(
      `compare: options.seed: ✖ ${SEED}, got 1.5`,
    );
    expect(await refusal(sensitivity(bundle, { seed: 1.5, workers: 1 }))).toBe(
      `sensitivity: options.seed: ✖ ${SEED}, got 1.5`,
    );
    expect(await refusal(sensitivity(bundle, { tornadoTrials: 0, workers: 1 }))).toBe(
      `sensitivity: options.tornadoTrials: ✖ ${TRIALS}, got 0`,
    );
    expect(await refusal(forecast(model, { workers: 1.5 }))).toBe(
      `forecast: options.workers: ✖ ${WORKERS}, got 1.5`,
    );
    expect(await refusal(simulate(model, { workers: 0 }, () => {}))).toBe(
      `simulate: options.workers: ✖ ${WORKERS}, got 0`,
    );
    const b2b = await loadBundle(B2B, { trials: 100 });
    expect(await refusal(quota(b2b.base, { workers: -1 }))).toBe(
      `quota: options.workers: ✖ ${WORKERS}, got -1`,
    );
    expect(await refusal(allocate(b2b, { seed: -1, workers: 1 }))).toBe(
      `allocate: options.seed: ✖ ${SEED}, got -1`,
    );
  });

  it('say what the command line says', async () => {
    const cli = await runCli(['forecast', MINIMAL, '--seed', '1.5']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toBe(`--seed: ✖ ${SEED}, got 1.5\n`);
  });
});
