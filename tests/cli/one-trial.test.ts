/**
 * One trial cannot estimate a standard error: forecast, compare and sensitivity still answer
 * (exit 0) and say on stderr that every ± reads 0; two trials say nothing.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const WARNING = /warning: 1 trial cannot estimate a Monte Carlo standard error/;

describe('--trials 1', () => {
  it.each([
    ['forecast', 'scenarios/minimal.yaml'],
    ['compare', 'scenarios/minimal.yaml'],
    ['sensitivity', 'scenarios/minimal.yaml'],
  ])(
    '%s answers and warns that its ± cannot be estimated',
    async (command, file) => {
      const one = await runCli([command, file, '--trials', '1', '--workers', '1']);
      expect(one.code).toBe(0);
      expect(one.stderr).toMatch(WARNING);
      const two = await runCli([command, file, '--trials', '2', '--workers', '1']);
      expect(two.code).toBe(0);
      expect(two.stderr).not.toMatch(WARNING);
    },
    120_000,
  );
});
