/**
 * A flag that takes one value, given twice, is refused naming the flag (yargs added the
 * values of a number flag: `--trials 500 --trials 1` ran 501 trials); flags meant to repeat
 * still do. A number flag's value that is not a number is quoted as typed, not as NaN.
 */
import { describe, expect, it } from 'vitest';
import { checkTypedFlags } from '../../src/cli/typed-flags.js';
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

  it.each([
    [
      ['allocate', 'scenarios/b2b-saas.yaml', '--budget', 'abc'],
      '--budget: ✖ expected a decimal number, got "abc"',
    ],
    [
      ['forecast', 'scenarios/minimal.yaml', '--trials', 'abc'],
      '--trials: ✖ expected a decimal number, got "abc"',
    ],
    [
      ['forecast', 'scenarios/minimal.yaml', '--trials='],
      '--trials: ✖ expected a decimal number, got ""',
    ],
    [
      ['forecast', 'scenarios/minimal.yaml', '--workers', 'two'],
      '--workers: ✖ expected a decimal number, got "two"',
    ],
    [
      [
        'goal',
        'scenarios/minimal.yaml',
        '--lever',
        'allocation.budget',
        '--target',
        'bookings=1',
        '--probability',
        '0.5',
        '--min',
        '-1e3x',
      ],
      '--min: ✖ expected a decimal number, got "-1e3x"',
    ],
    [
      ['sensitivity', 'scenarios/minimal.yaml', '--top', 'x'],
      '--top: ✖ expected a decimal number, got "x"',
    ],
    [
      ['forecast', 'scenarios/minimal.yaml', '--trials', '0x10'],
      '--trials: ✖ expected a decimal number, got "0x10"',
    ],
    [
      ['forecast', 'scenarios/minimal.yaml', '--seed=0b11'],
      '--seed: ✖ expected a decimal number, got "0b11"',
    ],
    [
      ['allocate', 'scenarios/b2b-saas.yaml', '--budget', ' 5'],
      '--budget: ✖ expected a decimal number, got " 5"',
    ],
    [
      ['quota', 'scenarios/b2b-saas.yaml', '--confidence', '0x0'],
      '--confidence: ✖ expected a decimal number, got "0x0"',
    ],
    [
      [
        'goal',
        'scenarios/minimal.yaml',
        '--lever',
        'allocation.budget',
        '--target',
        'bookings=0x10',
        '--probability',
        '0.5',
      ],
      '--target: ✖ expected METRIC=VALUE (e.g. bookings=9000000), got "bookings=0x10"',
    ],
  ])(
    '%j quotes the value that is not a decimal number (yargs said NaN, or read 0x10 as 16)',
    async (argv, message) => {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(message);
    },
  );

  it.each([
    [
      ['forecast', 'scenarios/minimal.yaml', '--trials', '0'],
      '--trials: ✖ expected a whole number from 1 to 10000000, got 0',
    ],
    [
      ['forecast', 'scenarios/minimal.yaml', '--trials', '2.5'],
      '--trials: ✖ expected a whole number from 1 to 10000000, got 2.5',
    ],
    [
      ['quota', 'scenarios/minimal.yaml', '--seed', '-1'],
      '--seed: ✖ expected a whole number from 0 to 2^53 − 1, got -1',
    ],
    [
      ['sensitivity', 'scenarios/minimal.yaml', '--top', '0'],
      '--top: ✖ expected a whole number of inputs for the spider chart from 1 to 20, got number 0',
    ],
  ])(
    '%j names the flag, not the scenario line, for a number out of range',
    async (argv, message) => {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(message);
    },
  );

  it.each([
    [['forecast', 'scenarios/minimal.yaml', '--no-trials'], '--trials'],
    [['--no-workers', 'forecast', 'scenarios/minimal.yaml'], '--workers'],
    [['sensitivity', 'scenarios/minimal.yaml', '--no-top'], '--top'],
  ])('%j refuses --no- of a number flag, naming it (yargs made it 0)', async (argv, flag) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `--no-${flag.slice(2)}: ✖ ${flag} takes a number and cannot be turned off: leave it out for the default, or give ${flag} N`,
    );
  });

  it.each([
    [['forecast', 'scenarios/minimal.yaml', '--no-csv'], '--csv'],
    [['run', 'scenarios/minimal.yaml', '--no-out'], '--out'],
  ])('%j refuses --no- of a flag that takes text (yargs ignored it)', async (argv, flag) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `--no-${flag.slice(2)}: ✖ ${flag} takes a value and cannot be turned off: leave it out for the default, or give ${flag} VALUE`,
    );
  });

  it('still takes --no- of a switch', async () => {
    const r = await runCli(['forecast', 'scenarios/minimal.yaml', '--trials', '20', '--no-json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('takes exponents and signs as decimal numbers', async () => {
    const r = await runCli([
      'forecast',
      'scenarios/minimal.yaml',
      '--trials',
      '2e1',
      '--seed',
      '+7',
      '--json',
      '--workers',
      '1',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).trials).toBe(20);
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
    const table = {
      array: ['vary'],
      boolean: ['json', 'help'],
      number: ['top'],
      alias: { help: ['h'] },
    };
    expect(() =>
      checkTypedFlags(['s', '--vary', 'a=1', '--vary', 'b=2', '-h', '--help', '--json'], table),
    ).not.toThrow();
    expect(() => checkTypedFlags(['s', '--top', '1', '--', '--top', '2'], table)).not.toThrow();
    expect(() => checkTypedFlags(['s', '--variants', 'a', '--variants', 'b'], table)).not.toThrow();
    expect(() =>
      checkTypedFlags(['s', '--overAssignment', '1', '--over-assignment=2'], table),
    ).toThrow('given twice (1 and 2)');
  });
});
