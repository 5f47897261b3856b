/**
 * Reading actuals for a reforecast: the monthly actuals CSV (docs/data-formats.md) with the
 * scenario's stages as its stage columns, checked against the scenario's calendar, channels
 * and markets. Every problem is an {@link InputError} naming the file, line, row and column.
 */
import type { Model } from '../../model/types.js';
import { ARG } from '../../util/argument-kinds.js';
import { checkArgument } from '../../util/arguments.js';
import { checkOptionNames, type OptionNames } from '../../util/option-names.js';
import { InputError } from '../../util/result.js';
import { type ReadActualsOptions, readActuals } from '../read-actuals.js';
import type { Actuals } from '../types.js';
import { alignActuals, checkStageTotals } from './align.js';

/** What readActualsFor takes of readActuals' options: the stages are the scenario's. */
type ReadActualsForOptions = Pick<ReadActualsOptions, 'display' | 'dates'>;
const READ_ACTUALS_FOR_OPTIONS: OptionNames<ReadActualsForOptions> = { display: true, dates: true };

/**
 * Streams `path` as the actuals of `model`'s first months.
 * @throws InputError with every problem found (CSV, values, or fit with the scenario), or
 * naming an option it does not take, before the file is read.
 * @example const actuals = await readActualsFor(model, 'actuals-2027-h1.csv');
 */
export async function readActualsFor(
  model: Model,
  path: string,
  opts: ReadActualsForOptions = {},
): Promise<Actuals> {
  checkArgument('readActualsFor', 'model', model, ARG.model);
  checkArgument('readActualsFor', 'path', path, ARG.path);
  checkOptionNames('readActualsFor', opts, READ_ACTUALS_FOR_OPTIONS, "the stages are the model's");
  const r = await readActuals(path, {
    ...opts,
    stages: model.stages.map((s) => s.id),
    // alignActuals checks stage totals with the scenario's opening pipeline counted
    stageTotals: false,
  });
  if (!r.ok) throw new InputError(r.errors);
  const aligned = alignActuals(model, r.value);
  if (!aligned.ok) throw new InputError(aligned.errors);
  const totals = checkStageTotals(model, r.value);
  if (totals.length > 0) throw new InputError(totals);
  return r.value;
}
