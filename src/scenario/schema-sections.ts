/**
 * Section schemas of the plan's moving parts: markets, response curves, channels, funnel
 * stages, team roles and the installed base (assembled in `schema.ts`).
 */
import { z } from 'zod';
import { MAX_LAG, MAX_PIPELINE_COUNT, MAX_RAMP } from './limits.js';
import { int, label, lag, name, num, perPeriod, SPECS, uq } from './schema-parts.js';

/** Schema of `market`. */
export const marketSchema = z
  .strictObject({
    label: label().optional(),
    growth: uq(SPECS.growth, 'compounding demand growth per period (default 0)').optional(),
    seasonality: z
      .array(uq(SPECS.positive, 'demand multiplier of a calendar month'))
      .length(12, { error: 'a list of 12 monthly multipliers, January first' })
      .optional()
      .describe('12 demand multipliers by calendar month, January first (default all 1)'),
    demand_shock: uq(SPECS.positive, 'per-trial multiplier on all demand (default 1)').optional(),
    win_factor: uq(SPECS.positive, 'multiplier on the final stage rate (default 1)').optional(),
    deal_size: uq(SPECS.strict, 'size of one deal; every deal draws its own'),
  })
  .describe('a market (segment)');

/** Schema of `response`. */
export const responseSchema = z
  .discriminatedUnion(
    'curve',
    [
      z.strictObject({
        curve: z.literal('hill'),
        max_leads: uq(SPECS.positive, 'leads at saturation'),
        half_spend: uq(SPECS.strict, 'spend that gives half of max_leads'),
        shape: uq(SPECS.strict, 'hill exponent (default 1)').optional(),
      }),
      z.strictObject({
        curve: z.literal('linear'),
        cost_per_lead: uq(SPECS.strict, 'spend per lead'),
      }),
      z.strictObject({
        curve: z.literal('fixed'),
        leads: uq(SPECS.positive, 'leads per period, independent of spend'),
      }),
    ],
    { error: 'a response {curve: hill | linear | fixed, …}' },
  )
  .describe('response curve: leads per period as a function of effective spend');

/** Schema of `channel`. */
export const channelSchema = z
  .strictObject({
    label: label().optional(),
    spend: perPeriod(() => num().min(0), 'spend per period (default 0)').optional(),
    min_spend: num().min(0).optional().describe('lower bound for the allocation optimiser'),
    max_spend: num().min(0).optional().describe('upper bound for the allocation optimiser'),
    response: responseSchema,
    leads_cv: uq(SPECS.positive, 'extra period-to-period noise of leads (default 0)').optional(),
    carryover: uq(SPECS.carryover, 'geometric adstock (default 0)').optional(),
    spend_before: num()
      .min(0)
      .optional()
      .describe(
        'spend per period before the horizon (default 0): the adstock starts where that spend has carried it, as for a channel already running',
      ),
    markets: z
      .record(name(), num().min(0).max(1))
      .optional()
      .describe('lead mix over markets, sums to 1 (optional with a single market)'),
    rate_factors: z
      .record(name(), uq(SPECS.positive, 'channel quality factor on a stage rate'))
      .optional()
      .describe('per stage id: multiplier on that stage rate'),
  })
  .describe('a lead channel');

/** Schema of `stage`. */
export const stageSchema = z
  .strictObject({
    stage: name().describe('stage id'),
    label: label().optional(),
    rate: uq(SPECS.rate, 'probability of advancing from the previous stage').optional(),
    lag: lag().optional(),
    worked_by: name().optional().describe('team role whose queue items arriving here join'),
  })
  .describe('a funnel stage');

/** Schema of `role`. */
export const roleSchema = z
  .strictObject({
    label: label().optional(),
    headcount: uq(SPECS.positive, 'fully ramped reps at the start (default 0)').optional(),
    capacity: uq(SPECS.positive, 'items one fully ramped rep takes on per period').optional(),
    ramp: z
      .array(num().min(0).max(1))
      .max(MAX_RAMP)
      .optional()
      .describe("productivity in a new hire's first periods, then 1 (default none)"),
    attrition: uq(SPECS.rate, 'probability that a rep leaves, per period (default 0)').optional(),
    backfill: z
      .strictObject({ lag: int(0, MAX_RAMP).describe('periods until a leaver is replaced') })
      .optional()
      .describe('replace leavers (default: no backfill)'),
    hires: perPeriod(() => int(0, 1_000_000), 'reps joining in each period (default 0)').optional(),
    cost: uq(SPECS.positive, 'cost per rep per period (default 0)').optional(),
    queue_loss: uq(SPECS.rate, 'share of waiting items lost each period (default 0.5)').optional(),
  })
  .describe('a team role');

/** Schema of `customers`. */
export const customersSchema = z
  .strictObject({
    accounts: uq(SPECS.positive, 'installed accounts at the start (default 0)').optional(),
    churn: uq(SPECS.rate, 'probability an account leaves, per period (default 0)').optional(),
    repeat: z
      .strictObject({
        rate: uq(SPECS.rate, 'probability an account buys again, per period'),
        deal_size: uq(SPECS.strict, 'size of one repeat deal; every deal draws its own'),
      })
      .optional()
      .describe('repeat purchases of the installed base (default none)'),
  })
  .describe('the installed base');

/** Schema of one `pipeline` entry: open items of one stage (and cohort, where known) and age. */
export const pipelineItemSchema = z
  .strictObject({
    stage: name().describe('stage the items are in (any stage but the last)'),
    count: int(0, MAX_PIPELINE_COUNT).describe('number of open items'),
    age: int(0, MAX_LAG)
      .optional()
      .describe(
        'whole periods since the items were taken on at the stage, counted at the start: 1 = in the period before the start (default 0: at the start)',
      ),
    channel: name()
      .optional()
      .describe('channel the items came from (default: spread over the channels by their leads)'),
    market: name()
      .optional()
      .describe('market of the items (default: spread over the markets by their leads)'),
    queued: z
      .boolean({ error: 'true or false' })
      .optional()
      .describe(
        "true: the items wait in the queue of the stage's role, not yet taken on (default false)",
      ),
  })
  .describe('open items at the start of the horizon');
