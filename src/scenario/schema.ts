/**
 * The complete zod schema of the scenario format (docs/scenario-format.md). It checks
 * shapes, types and single-field bounds, and turns every uncertain quantity into a
 * {@link Dist}; references between sections and per-calendar checks are in `compile.ts`.
 */
import { z } from 'zod';
import { MAX_PERIODS, MAX_TRIALS } from '../defaults.js';
import { MAX_ENTRIES, MAX_RAMP, MAX_SEED } from './limits.js';
import { int, lag, month, name, num, perPeriod, SPECS, uq } from './schema-parts.js';

const named = <T extends z.ZodType>(value: T, what: string) =>
  z.record(name(), value).describe(what);

const calendar = z
  .strictObject({
    start: month().describe('first period, YYYY-MM'),
    periods: int(1, MAX_PERIODS).describe('number of monthly periods'),
  })
  .describe('monthly calendar of the plan');

const simulation = z
  .strictObject({
    trials: int(1, MAX_TRIALS).optional().describe('Monte Carlo trials (default 10000)'),
    seed: int(0, MAX_SEED).optional().describe('random seed, an integer ≥ 0 (default 1)'),
    sampling: z
      .enum(['random', 'lhs'], { error: 'random or lhs' })
      .optional()
      .describe('random (default) or lhs: Latin hypercube over the uncertain inputs'),
    precision: z
      .strictObject({
        metric: z.literal('bookings', { error: 'bookings' }).describe('the metric: bookings'),
        relative_se: num()
          .gt(0)
          .lt(1)
          .describe('target Monte Carlo standard error of the mean, relative to it'),
      })
      .optional()
      .describe('add trials until the mean of horizon bookings is this precise'),
  })
  .describe('simulation settings');

const correlation = z
  .strictObject({
    between: z
      .tuple([z.string(), z.string()], { error: 'a list of two parameter paths' })
      .describe('two uncertain inputs, by dot path'),
    rank: num().gt(-1).lt(1).describe('target Spearman rank correlation in (-1, 1)'),
  })
  .describe('a rank correlation between two uncertain inputs (Iman-Conover)');

const market = z
  .strictObject({
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

const response = z
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

const channel = z
  .strictObject({
    spend: perPeriod(() => num().min(0), 'spend per period (default 0)').optional(),
    min_spend: num().min(0).optional().describe('lower bound for the allocation optimiser'),
    max_spend: num().min(0).optional().describe('upper bound for the allocation optimiser'),
    response,
    leads_cv: uq(SPECS.positive, 'extra period-to-period noise of leads (default 0)').optional(),
    carryover: uq(SPECS.carryover, 'geometric adstock (default 0)').optional(),
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

const stage = z
  .strictObject({
    stage: name().describe('stage id'),
    rate: uq(SPECS.rate, 'probability of advancing from the previous stage').optional(),
    lag: lag().optional(),
    worked_by: name().optional().describe('team role whose queue items arriving here join'),
  })
  .describe('a funnel stage');

const role = z
  .strictObject({
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

const customers = z
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

const effect = z
  .strictObject({
    stage: name().optional().describe('stage whose rate the effect multiplies'),
    rate: uq(SPECS.positive, 'multiplier on the stage rate').optional(),
    team: name().optional().describe('role whose capacity the effect multiplies'),
    capacity: uq(SPECS.positive, 'multiplier on capacity').optional(),
    channel: name().optional().describe('channel whose leads the effect multiplies'),
    leads: uq(SPECS.positive, 'multiplier on leads').optional(),
    market: name().optional().describe('market whose deal size or demand the effect multiplies'),
    deal_size: uq(SPECS.positive, 'multiplier on deal sizes').optional(),
    demand: uq(SPECS.positive, 'multiplier on demand').optional(),
  })
  .describe(
    'one effect: {stage, rate}, {team, capacity}, {channel, leads}, {market, deal_size} or {market, demand}',
  );

const initiative = z
  .strictObject({
    start: month().describe('month the initiative starts, YYYY-MM'),
    ramp: int(0, 10_000).optional().describe('periods to full effect, linear (default 0)'),
    cost: z
      .strictObject({
        once: uq(SPECS.positive, 'one-off cost in the start period (default 0)').optional(),
        per_period: uq(SPECS.positive, 'cost per period from the start (default 0)').optional(),
      })
      .optional()
      .describe('costs of the initiative'),
    effects: z.array(effect).max(MAX_ENTRIES).optional().describe('multipliers it applies'),
  })
  .describe('an initiative');

const targets = z
  .strictObject({
    bookings: num().min(0).optional().describe('horizon bookings target'),
    quarterly: z
      .array(num().min(0))
      .optional()
      .describe('bookings target per quarter (consecutive 3-period blocks)'),
    profit: num().optional().describe('horizon profit target'),
  })
  .describe('targets');

const allocation = z
  .strictObject({
    budget: num().min(0).describe('total channel spend per period'),
    channels: z.array(name()).min(1).optional().describe('channels the optimiser may move'),
    objective: z
      .enum(['revenue', 'profit', 'p10', 'target'], { error: 'revenue, profit, p10 or target' })
      .optional()
      .describe('what to maximise (default revenue)'),
    step: num().gt(0).optional().describe('spend step of the search (default budget / 100)'),
  })
  .describe('channel budget allocation settings');

const quota = z
  .strictObject({
    role: name().describe('role that carries quota'),
    confidence: num().gt(0).lt(1).describe('probability of reaching the team target'),
    over_assignment: num()
      .min(1)
      .optional()
      .describe('sum of rep quotas / team target (default 1)'),
  })
  .describe('quota settings');

const variant = z
  .strictObject({
    description: z.string().optional().describe('what the variant tries'),
    set: z
      .record(z.string(), z.unknown())
      .describe('dot path of the scenario → new value, e.g. channels.dealers.spend: 20000'),
  })
  .describe('a what-if against the plan');

/** The scenario file. */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference, for editors; ignored'),
    scenario: z.string().min(1).optional().describe('name shown on charts (default: file name)'),
    currency: z.string().min(1).max(12).optional().describe('currency code (default USD)'),
    calendar,
    simulation: simulation.optional(),
    correlations: z.array(correlation).max(MAX_ENTRIES).optional().describe('rank correlations'),
    markets: named(market, 'markets (segments) by id'),
    channels: named(channel, 'lead channels by id'),
    funnel: z.array(stage).min(2).max(MAX_ENTRIES).describe('stages, first (leads) to last (won)'),
    team: named(role, 'team roles by id').optional(),
    customers: customers.optional(),
    initiatives: named(initiative, 'initiatives by id').optional(),
    economics: z
      .strictObject({
        gross_margin: uq(SPECS.margin, 'gross margin on bookings (default 1)').optional(),
      })
      .optional()
      .describe('economics'),
    targets: targets.optional(),
    allocation: allocation.optional(),
    quota: quota.optional(),
    variants: named(variant, 'what-if variants by name').optional(),
  })
  .describe('a salesops scenario');

/** The validated (and uncertain-quantity-converted) scenario. */
export type ScenarioInput = z.output<typeof scenarioSchema>;
