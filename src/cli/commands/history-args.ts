/** Flags the history commands (calibrate, backtest) share, and reading their inputs. */
import type { Argv } from 'yargs';
import type { LoadedHistory } from '../../history/load-history.js';
import type { DateOrder } from '../../history/parse-values.js';
import { InputError } from '../../util/result.js';
import type { CliContext } from '../context.js';
import { scenarioArg } from '../scenario-arg.js';

/**
 * `<history>`, `--deals`, `--scenario`, `--as-of`, `--dates`.
 * @example historyOptions(y).option('out', { type: 'string' })
 */
export function historyOptions<T>(y: Argv<T>) {
  return y
    .positional('history', {
      type: 'string',
      describe: 'monthly actuals CSV (docs/data-formats.md)',
    })
    .option('deals', { type: 'string', requiresArg: true, describe: 'deal-level CRM export CSV' })
    .option('scenario', {
      type: 'string',
      requiresArg: true,
      describe: 'base scenario: its funnel names the stage columns; results merge into it',
    })
    .option('as-of', {
      type: 'string',
      requiresArg: true,
      describe:
        'last month the deals export covers in full, YYYY-MM (default: the last month of the history)',
    })
    .option('dates', {
      type: 'string',
      requiresArg: true,
      choices: ['auto', 'dmy', 'mdy'],
      describe:
        "how a/b/yyyy dates are read (default auto: in the one order the file's dates allow)",
    });
}

/**
 * Reads the inputs the flags name; paths resolve against the working folder.
 * @example const { actuals, deals, base } = await loadHistoryArgs(args, ctx);
 */
export async function loadHistoryArgs(
  args: Record<string, unknown>,
  ctx: CliContext,
): Promise<LoadedHistory> {
  const file = (v: unknown) => ({ path: scenarioArg(v, ctx).path, display: String(v) });
  if (typeof args.history !== 'string' || args.history === '')
    throw new InputError([
      { file: '<history>', line: null, path: '', message: 'name the monthly actuals CSV' },
    ]);
  const { loadHistory } = await import('../../history/load-history.js');
  return loadHistory({
    actuals: file(args.history),
    deals: typeof args.deals === 'string' ? file(args.deals) : null,
    scenario: typeof args.scenario === 'string' ? file(args.scenario) : null,
    asOf: typeof args['as-of'] === 'string' ? args['as-of'] : null,
    ...(typeof args.dates === 'string' ? { dates: args.dates as DateOrder } : {}),
  });
}
