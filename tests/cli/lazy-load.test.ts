/**
 * A command line loads only the code it runs: `--version` and `--help` load neither the
 * analyses nor the scenario layer (zod, yaml), `validate` no analysis, and `forecast` none
 * of the other analyses, the charts or the report. Each case runs the built CLI in a child
 * process whose module loader lists every module it loads (a loader hook).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runChild } from '../helpers/child.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'salesops-lazy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The hook appends each module's URL to the file LOADED_LOG names, synchronously, so
// nothing is lost when the process exits.
const hooks = join(tmp, 'hooks.mjs');
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_LOG, url + '\\n');
  return next(url, context);
}
`,
);
const register = join(tmp, 'register.mjs');
writeFileSync(
  register,
  `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(hooks).href)});
`,
);

let runs = 0;
/** The modules (URLs relative to the project, `node_modules/…` for packages) a command line loads. */
async function loaded(args: readonly string[]): Promise<string[]> {
  const log = join(tmp, `loaded-${runs++}.txt`);
  writeFileSync(log, '');
  const r = await runChild(
    process.execPath,
    ['--import', pathToFileURL(register).href, 'dist/cli/main.js', ...args],
    // A hang, not slowness: the child is killed then.
    240_000,
    { cwd: ROOT, env: { ...process.env, LOADED_LOG: log } },
  );
  expect(r.code, r.output).toBe(0);
  const root = `${pathToFileURL(ROOT).href}/`;
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith(root))
    .map((u) => u.slice(root.length));
}

/** What none but its own commands need: the scenario layer, and each analysis. */
const SCENARIO = ['node_modules/zod/', 'node_modules/yaml/', 'dist/scenario/compile.js'];
const SIMULATION = [
  'dist/analysis/evaluator.js',
  'dist/analysis/forecast.js',
  'dist/sim/kernel.js',
];
const OTHERS = [
  'dist/analysis/allocate/',
  'dist/analysis/quota/',
  'dist/analysis/sensitivity/',
  'dist/analysis/goal/',
  'dist/analysis/compare/',
  'dist/analysis/shard.js',
  'dist/charts/goal.js',
  'dist/charts/theme.js',
  'dist/report/',
  'dist/history/',
  'dist/render/',
  'node_modules/vega',
  'node_modules/@resvg/',
  'node_modules/apache-arrow/',
];

/** The modules of `modules` under any of `prefixes`. */
const matching = (modules: readonly string[], prefixes: readonly string[]) =>
  modules.filter((m) => prefixes.some((p) => m.startsWith(p)));
/** The prefixes under which `modules` has none (a check that the listing works). */
const missing = (modules: readonly string[], prefixes: readonly string[]) =>
  prefixes.filter((p) => !modules.some((m) => m.startsWith(p)));

describe('what a command line loads', () => {
  it.each(['--version', '--help', 'forecast --help'])(
    '%s loads no scenario layer and no analysis',
    async (line) => {
      const modules = await loaded(line.split(' '));
      expect(modules).toContain('dist/cli/app.js');
      expect(matching(modules, [...SCENARIO, ...SIMULATION, ...OTHERS])).toEqual([]);
    },
    300_000,
  );

  it('validate loads the scenario layer and no analysis', async () => {
    const modules = await loaded(['validate', 'scenarios/minimal.yaml', '--quiet']);
    expect(missing(modules, SCENARIO)).toEqual([]);
    expect(matching(modules, [...SIMULATION, ...OTHERS])).toEqual([]);
  }, 300_000);

  it('forecast loads the forecast and none of the other analyses, charts or reports', async () => {
    const modules = await loaded([
      'forecast',
      'scenarios/minimal.yaml',
      '--trials',
      '50',
      '--workers',
      '1',
      '--quiet',
    ]);
    expect(missing(modules, SIMULATION)).toEqual([]);
    expect(matching(modules, OTHERS)).toEqual([]);
  }, 300_000);
});
