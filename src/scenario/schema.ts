/**
 * The complete zod schema of the scenario format (docs/scenario-format.md). It checks
 * shapes, types and single-field bounds, and turns every uncertain quantity into a
 * {@link Dist}; references between sections and per-calendar checks are in `compile.ts`.
 */
import { z } from 'zod';
import { MAX_PERIODS, MAX_TRIALS } from '../defaults.js';
import { MAX_ENTRIES, MAX_PIPELINE_ENTRIES, MAX_SEED } from './limits.js';
import { int, label, month, name, num, SPECS, text, uq } from './schema-parts.js';
import {
  channelSchema as channel,
  customersSchema as customers,
  marketSchema as market,
  pipelineItemSchema as pipelineItem,
  roleSchema as role,
  stageSchema as stage,
} from './schema-sections.js';

/** How a field that takes a probability, or a rank correlation, says what it expects. */
const PROBABILITY = 'a probability strictly between 0 and 1 (0.6 for 60%)';
const RANK = 'a rank correlation strictly between -1 and 1';

const named = <T extends z.ZodType>(value: T, what: string) =>
  z.record(name(), value).describe(what);

const calendar = z
  .strictObject({
    start: month().describe('first period, YYYY-MM'),
    periods: int(1, MAX_PERIODS).describe('number of monthly periods'),
    fiscal_year_start: int(1, 12)
      .optional()
      .describe(
        'month (1-12) that starts the fiscal year (default 1); quarters and years are labelled by it, e.g. FY2027 Q1',
      ),
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
    rank: num()
      .gt(-1, { error: RANK })
      .lt(1, { error: RANK })
      .describe('target Spearman rank correlation in (-1, 1)'),
  })
  .describe('a rank correlation between two uncertain inputs (Iman-Conover)');

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
    label: label().optional(),
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
    max_share: num()
      .gt(0)
      .max(1)
      .optional()
      .describe('largest share of the budget any one channel may take (0–1; default no cap)'),
  })
  .describe('channel budget allocation settings');

const quota = z
  .strictObject({
    role: name().describe('role that carries quota'),
    confidence: num()
      .gt(0, { error: PROBABILITY })
      .lt(1, { error: PROBABILITY })
      .describe('probability of reaching the team target'),
    over_assignment: num()
      .min(1)
      .optional()
      .describe('sum of rep quotas / team target (default 1)'),
    performance_cv: num()
      .min(0)
      .optional()
      .describe(
        "spread of rep performance: coefficient of variation of each rep's multiplier (default 0.3)",
      ),
  })
  .describe('quota settings');

const variant = z
  .strictObject({
    label: label().optional(),
    description: text().optional().describe('what the variant tries'),
    set: z
      .record(z.string(), z.unknown())
      .describe('dot path of the scenario → new value, e.g. channels.dealers.spend: 20000'),
  })
  .describe('a what-if against the plan');

/** The scenario file. */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference, for editors; ignored'),
    scenario: text().min(1).optional().describe('name shown on charts (default: file name)'),
    currency: text().min(1).max(12).optional().describe('currency code (default USD)'),
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
    pipeline: z
      .array(pipelineItem)
      .max(MAX_PIPELINE_ENTRIES)
      .optional()
      .describe('the opening pipeline: items open in each stage at the start, with their age'),
  })
  .describe('a salesops scenario');

/** The validated (and uncertain-quantity-converted) scenario. */
export type ScenarioInput = z.output<typeof scenarioSchema>;
