/**
 * The allocation settings of a plan without an `allocation` block when a budget is given
 * (`allocate --budget N`): the defaults docs/scenario-format.md gives for the block's fields.
 */
import type { AllocationSettings, Model } from '../../model/types.js';
import { msg } from '../../scenario/messages.js';
import { InputError } from '../../util/result.js';

/**
 * `model` itself when it has an allocation block or no `budget` is given; otherwise the model
 * with the block's defaults at `budget`: every channel whose response is not `fixed`,
 * objective revenue, step budget / 100 (1 when the budget is 0), no share cap.
 * @throws InputError (path `allocation`, against `file`) when every channel has a fixed response.
 * @example withDefaultAllocation(model, 10000).allocation?.step // 100
 */
export function withDefaultAllocation(
  model: Model,
  budget: number | undefined,
  file: string = model.name,
): Model {
  if (model.allocation !== null || budget === undefined) return model;
  const channels = model.channels.flatMap((c, i) => (c.response.curve === 'fixed' ? [] : [i]));
  if (channels.length === 0) {
    throw new InputError([
      {
        file,
        line: null,
        path: 'allocation',
        message: msg.allocationNoChannels,
      },
    ]);
  }
  const allocation: AllocationSettings = {
    budget,
    channels,
    objective: 'revenue',
    step: budget > 0 ? budget / 100 : 1,
    maxShare: null,
  };
  return { ...model, allocation };
}
