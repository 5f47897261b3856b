/**
 * Goal-seek's inputs are checked in goalSeek, once, and named as the caller knows them: the
 * library's options (`goalSeek: options.bounds.min`, "give bounds.min") or the CLI's flags
 * (`--min`). An unknown dot-path lever is refused naming the lever before its bounds are
 * asked for (before, `--lever nope` without --min said "give --min"), and tolerance −1 or 0
 * was accepted by the library while the CLI refused it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Evaluator, prepare } from '../../src/analysis/evaluator.js';
import { type GoalOptions, goalSeek } from '../../src/analysis/goal/seek.js';
import { loadBundle } from '../../src/scenario/index.js';
import { InputError } from '../../src/util/result.js';
import { runCli } from '../helpers/cli.js';

const B2B = join(import.meta.dirname, '../../scenarios/b2b-saas.yaml');
const base: GoalOptions = {
  lever: 'channels.paid_search.spend',
  metric: 'bookings',
  target: 12_000_000,
  probability: 0.5,
  trials: 50,
};

let ev: Evaluator;
beforeAll(async () => {
  ev = prepare(await loadBundle(B2B), { workers: 1 });
});
afterAll(() => ev.close());

async function refusal(o: Partial<GoalOptions>): Promise<string> {
  const e = await goalSeek(ev, { ...base, ...o }).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, JSON.stringify(o)).toBeInstanceOf(InputError);
  return (e as Error).message;
}

describe('goalSeek names its options', () => {
  it('refuses a tolerance that is not above 0, as --tolerance does', async () => {
    expect(await refusal({ tolerance: -1 })).toBe(
      'goalSeek: options.tolerance: ✖ expected a number above 0, got -1',
    );
    expect(await refusal({ tolerance: 0 })).toBe(
      'goalSeek: options.tolerance: ✖ expected a number above 0, got 0',
    );
  });

  it('names an unknown lever before asking for its bounds', async () => {
    expect(await refusal({ lever: 'nope' })).toBe(
      'goalSeek: options.lever: ✖ nope is not a number the goal can move: no field nope → at nope',
    );
    expect(await refusal({ lever: 'funnel.wonn.rate' })).toMatch(
      /^goalSeek: options\.lever: ✖ funnel\.wonn\.rate is not a number the goal can move: no field funnel\.wonn\.rate; did you mean funnel\.won\.rate\?/,
    );
  });

  it('asks for the bounds it lacks by the option’s name, not a flag', async () => {
    expect(await refusal({ lever: 'funnel.won.rate' })).toBe(
      'goalSeek: options.bounds.min: ✖ the lever funnel.won.rate has no lower bound of its own: give bounds.min',
    );
    expect(await refusal({ bounds: { min: Number.NaN } })).toBe(
      'goalSeek: options.bounds.min: ✖ expected a number, got NaN',
    );
    expect(await refusal({ metric: 'bookinks' })).toMatch(
      /^goalSeek: options\.metric: ✖ no metric/,
    );
  });
});

describe('salesops goal', () => {
  it('refuses an unknown lever naming --lever, with or without --min and --max', async () => {
    const args = ['goal', B2B, '--target', 'bookings=12000000', '--probability', '0.5'];
    const plain = await runCli([...args, '--lever', 'nope', '--trials', '50']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      '--lever: ✖ nope is not a number the goal can move: no field nope → at nope\n',
    );
    const bounded = await runCli([...args, '--lever', 'nope', '--min', '1', '--max', '2']);
    expect(bounded.stderr).toBe(plain.stderr);
    const tol = await runCli([
      ...args,
      '--lever',
      'channels.paid_search.spend',
      '--tolerance',
      '0',
    ]);
    expect(tol.stderr).toBe('--tolerance: ✖ expected a number above 0, got 0\n');
  });
});
