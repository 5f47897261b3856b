/**
 * Each command's --help lists what the command accepts: the common flags it refuses
 * (`merge --trials`, `schema --json`, …) are left out of its page, backtest does not offer
 * the deal-level flags it refuses, and reforecast marks --actuals as required.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import type { CommonFlag } from '../../src/cli/context.js';
import { runCli } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const COMMON: readonly CommonFlag[] = ['trials', 'seed', 'json', 'workers', 'quiet'];
/** A value for each common flag that the flag's own check accepts. */
const VALUE: Record<CommonFlag, string[]> = {
  trials: ['--trials', '10'],
  seed: ['--seed', '1'],
  json: ['--json'],
  workers: ['--workers', '1'],
  quiet: ['--quiet'],
};

/** The options a help page lists (`--trials`, `--as-of`, …), without --help and --version. */
function listed(help: string): string[] {
  const options = help.split('\nOptions:\n')[1] ?? '';
  return [...options.matchAll(/^\s+(?:-\w, )?--([\w-]+)/gm)]
    .map((m) => m[1]!)
    .filter((o) => o !== 'help' && o !== 'version');
}

describe('--help of each command', () => {
  it.each(COMMANDS.map((c) => [c.command.split(' ')[0]!, /[<[]/.test(c.command)]))(
    '%s lists a common flag exactly when the command accepts it',
    async (name, positional) => {
      // In a folder of its own: a flag let through may run the command (init writes a file).
      const cwd = mkdtempSync(join(tmpdir(), 'salesops-help-'));
      dirs.push(cwd);
      const r = await runCli([name, '--help']);
      expect(r.code).toBe(0);
      const shown = listed(r.stdout);
      for (const f of COMMON) {
        // What the command does with the flag: refused (checkUsedFlags) or let through.
        // The file is never read: flags are checked before it.
        const run = await runCli([name, ...(positional ? ['missing.yaml'] : []), ...VALUE[f]], cwd);
        const refused = run.stderr.includes(`${name} does not use --${f}`);
        expect({ flag: f, listed: shown.includes(f) }).toEqual({ flag: f, listed: !refused });
      }
    },
  );

  it('backtest does not offer --deals or --as-of, which it refuses', async () => {
    const shown = listed((await runCli(['backtest', '--help'])).stdout);
    expect(shown).not.toContain('deals');
    expect(shown).not.toContain('as-of');
    for (const flag of [
      ['--deals', 'd.csv'],
      ['--as-of', '2027-01'],
    ]) {
      const r = await runCli(['backtest', 'tests/fixtures/none.csv', ...flag]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(`^${flag[0]}: ✖ backtest reads the monthly actuals only`),
      );
    }
  });

  it('reforecast marks --actuals as required', async () => {
    const help = (await runCli(['reforecast', '--help'])).stdout;
    expect(help).toMatch(/--actuals\s+required:/);
    const r = await runCli(['reforecast', 'scenarios/minimal.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--actuals: ✖ name the monthly actuals CSV');
  });
});
