/**
 * `salesops calibrate HISTORY.csv [--deals DEALS.csv] [--scenario BASE.yaml] [--out DIR]` —
 * the scenario's numbers from history: YAML on stdout (merged into the base when one is
 * given), or with `--out` a folder with the YAML, `fit.json`, `fit.html` and the charts.
 */
import { resolve } from 'node:path';
import { outputDirProblem, writeDirAtomically } from '../../report/atomic-dir.js';
import { compileScenario } from '../../scenario/load.js';
import { outputProblem } from '../../util/output-paths.js';
import { formatDiagnostic, InputError } from '../../util/result.js';
import { loadHistoryArgs } from '../commands/history-args.js';
import type { Command } from '../context.js';
import { EXIT } from '../context.js';

/** What `salesops calibrate` does; its options are in commands/calibrate.ts. */
export const run: Command['run'] = async (args, ctx) => {
  const out = typeof args.out === 'string' ? resolve(ctx.cwd, args.out) : null;
  if (out !== null) {
    const problem = (await outputDirProblem(out)) ?? (await outputProblem(out, 'folder'));
    if (problem !== null)
      throw new InputError([{ file: '--out', line: null, path: '', message: problem }]);
  }
  const { actuals, deals, base } = await loadHistoryArgs(args, ctx);
  // Loaded on use, so the other commands start as fast as before.
  const { calibrate } = await import('../../history/calibrate.js');
  const { calibrationJson } = await import('../../history/calibration-json.js');
  const { fragmentYaml, mergeYaml } = await import('../../history/fragment.js');
  const cal = calibrate(actuals, deals, { base: base?.model ?? null });
  const yaml = base ? mergeYaml(cal, base.text, base.file) : fragmentYaml(cal);
  // What calibrate writes must be a valid scenario; anything else is a bug of ours.
  const check = compileScenario(yaml, 'calibrated.yaml');
  if (!check.ok)
    throw new Error(
      `calibrate: the calibrated scenario does not validate:\n${check.errors.map(formatDiagnostic).join('\n')}`,
    );
  if (out !== null) {
    const { calibrationFiles } = await import('../../report/calibration-files.js');
    await writeDirAtomically(out, await calibrationFiles(cal, yaml, base?.model.currency ?? 'USD'));
  }
  if (args.json)
    ctx.out(`${JSON.stringify({ ...calibrationJson(cal), scenario: yaml, out }, null, 2)}\n`);
  else if (out === null) ctx.out(yaml);
  else if (!args.quiet) {
    const lines = [
      `calibrated from ${cal.periods.length} months (${cal.periods[0]} … ${cal.periods.at(-1)})${cal.dealsFile ? ` and ${cal.dealRows.toLocaleString('en-US')} deal-level items` : ''}`,
      ...cal.stages
        .slice(1)
        .map(
          (s) =>
            `  ${s.id}: ${s.rate!.successes.toLocaleString('en-US')} of ${s.rate!.trials.toLocaleString('en-US')} (${((100 * (s.rate!.successes + 1)) / (s.rate!.trials + 2)).toFixed(1)}%)`,
        ),
      ...cal.notes.map((n) => `note: ${n}`),
      `scenario: ${resolve(out, 'calibrated.yaml')}`,
      `fit report: ${resolve(out, 'fit.html')}`,
    ];
    ctx.out(`${lines.join('\n')}\n`);
  }
  return EXIT.ok;
};
