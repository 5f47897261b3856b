/**
 * A flag that takes one value, given twice, is refused naming the flag (yargs added the
 * values of a number flag: `--trials 500 --trials 1` ran 501 trials); flags meant to repeat
 * still do.
 */
import { describe, expect, it } from 'vitest';
import { checkRepeatedFlags } from '../../src/cli/repeated-flags.js';
import { runCli } from '../helpers/cli.js';

describe('a scalar flag given twice', () => {
  it.each([
    [
      ['quota', 'scenarios/minimal.yaml', '--trials', '500', '--trials', '1'],
      '--trials: ✖ given twice (500 and 1): give it once',
    ],
    [
      ['forecast', 'scenarios/minimal.yaml', '--trials', '500', '--trials', '2'],
      '--trials: ✖ given twice (500 and 2): give it once',
    ],
    [
      ['quota', 'scenarios/minimal.yaml', '--confidence', '0.5', '--confidence=0.9'],
      '--confidence: ✖ given twice (0.5 and 0.9): give it once',
    ],
    [
      ['--seed', '1', 'forecast', 'scenarios/minimal.yaml', '--seed', '2', '--seed', '3'],
      '--seed: ✖ given 3 times (1, 2 and 3): give it once',
    ],
    [
      ['allocate', 'scenarios/minimal.yaml', '--budget', '5', '--budget', '-1'],
      '--budget: ✖ given twice (5 and -1): give it once',
    ],
  ])('%j exits 2 naming the flag', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(message);
    expect(r.stdout).toBe('');
  });

  it('flags meant to repeat (--set, --variants) and repeated switches still run', async () => {
    const r = await runCli([
      'forecast',
      'scenarios/minimal.yaml',
      '--trials',
      '20',
      '--json',
      '--json',
      '--quiet',
      '--set',
      'allocation.budget=1000',
      '--set',
      'allocation.budget=2000',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).trials).toBe(20);
  });

  it('reads the command line as typed: arrays, aliases, values after --', () => {
    const table = { array: ['vary'], boolean: ['json', 'help'], alias: { help: ['h'] } };
    expect(() =>
      checkRepeatedFlags(['s', '--vary', 'a=1', '--vary', 'b=2', '-h', '--help', '--json'], table),
    ).not.toThrow();
    expect(() => checkRepeatedFlags(['s', '--top', '1', '--', '--top', '2'], table)).not.toThrow();
    expect(() =>
      checkRepeatedFlags(['s', '--variants', 'a', '--variants', 'b'], table),
    ).not.toThrow();
    expect(() =>
      checkRepeatedFlags(['s', '--overAssignment', '1', '--over-assignment=2'], table),
    ).toThrow('given twice (1 and 2)');
  });
});
