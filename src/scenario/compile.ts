/**
 * A parsed document → the compiled {@link Model}: zod checks shapes and single fields, then
 * the compile steps resolve references, expand per-period inputs, apply defaults and build
 * the parameter table. Every problem found is reported, in file order.
 */
import { basename, extname } from 'node:path';
import { DEFAULT_SEED, DEFAULT_TRIALS, MAX_TRIALS } from '../defaults.js';
import type { Model, SimulationSettings } from '../model/types.js';
import type { Diagnostic, Result } from '../util/result.js';
import { fail, ok } from '../util/result.js';
import { buildCalendar } from './calendar.js';
import { compileChannels } from './compile-channels.js';
import { type CompileContext, indexOf } from './compile-context.js';
import { compileMarkets, compileRoles, compileStages } from './compile-funnel.js';
import { compilePipeline } from './compile-pipeline.js';
import {
  compileAllocation,
  compileCustomers,
  compileInitiatives,
  compileQuota,
  compileTargets,
} from './compile-plan.js';
import { resolveCorrelations } from './correlations.js';
import { designBasis } from './design-basis.js';
import { diagnosticAt, issuesToDiagnostics, NO_PHRASE } from './issues.js';
import { displayLabel } from './labels.js';
import { MAX_ENTRIES, MAX_SEED } from './limits.js';
import { msg } from './messages.js';
import { ParamTable } from './params.js';
import type { Segment } from './path.js';
import { type ScenarioInput, scenarioSchema } from './schema.js';
import type { SourceMap } from './source-map.js';

/** Options that override the file. */
export interface CompileOptions {
  /** Apply this variant before compiling. */
  readonly variant?: string | undefined;
  /** Trials, overriding `simulation.trials`. */
  readonly trials?: number | undefined;
  /** Seed, overriding `simulation.seed`. */
  readonly seed?: number | undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array);

/** Runs the zod schema over a document; diagnostics carry lines from `source`. */
export function validateDocument(
  doc: unknown,
  source: SourceMap,
  file: string,
): Result<ScenarioInput> {
  if (!isPlainObject(doc))
    return fail([{ file, line: source.lineOf([]), path: '', message: msg.topLevel(doc) }]);
  const r = scenarioSchema.safeParse(doc, { error: () => NO_PHRASE });
  if (r.success) return ok(r.data);
  return fail(issuesToDiagnostics(r.error.issues, { file, doc, schema: scenarioSchema, source }));
}

function simulationSettings(
  s: ScenarioInput,
  opts: CompileOptions,
  err: (p: readonly Segment[], m: string) => void,
): SimulationSettings {
  const trials = opts.trials ?? s.simulation?.trials ?? DEFAULT_TRIALS;
  if (!(Number.isInteger(trials) && trials >= 1 && trials <= MAX_TRIALS))
    err([], msg.trialsFlag(trials));
  const seed = opts.seed ?? s.simulation?.seed ?? DEFAULT_SEED;
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) err([], msg.seedFlag(seed));
  const p = s.simulation?.precision;
  return {
    trials,
    seed,
    sampling: s.simulation?.sampling ?? 'random',
    precision: p === undefined ? null : { metric: p.metric, relativeSe: p.relative_se },
  };
}

/** Compiles a validated scenario into a {@link Model}. */
export function buildModel(
  s: ScenarioInput,
  source: SourceMap,
  file: string,
  opts: CompileOptions = {},
): Result<Model> {
  const errors: Diagnostic[] = [];
  const err = (path: readonly Segment[], message: string) =>
    errors.push(diagnosticAt({ file, source }, path, message));
  const calendar = buildCalendar(
    s.calendar.start,
    s.calendar.periods,
    s.calendar.fiscal_year_start ?? 1,
  );
  const sections: [string, Record<string, unknown> | undefined, string][] = [
    ['markets', s.markets, 'market'],
    ['channels', s.channels, 'channel'],
    ['team', s.team, 'role'],
    ['initiatives', s.initiatives, 'initiative'],
    ['variants', s.variants, 'variant'],
  ];
  for (const [key, rec, what] of sections) {
    const n = Object.keys(rec ?? {}).length;
    if (n > MAX_ENTRIES) err([key], msg.tooManyEntries(MAX_ENTRIES, n));
    if (n === 0 && (key === 'markets' || key === 'channels')) err([key], msg.atLeastOne(what));
  }
  const stageIds = s.funnel.map((f) => f.stage);
  stageIds.forEach((id, i) => {
    if (stageIds.indexOf(id) !== i) err(['funnel', i, 'stage'], msg.duplicateStage(id));
  });
  const ctx: CompileContext = {
    params: new ParamTable(),
    calendar,
    markets: indexOf(Object.keys(s.markets)),
    stages: indexOf(stageIds),
    roles: indexOf(Object.keys(s.team ?? {})),
    channels: indexOf(Object.keys(s.channels)),
    err,
  };
  const simulation = simulationSettings(s, opts, err);
  const markets = compileMarkets(ctx, s.markets);
  const stages = compileStages(ctx, s.funnel);
  const roles = compileRoles(ctx, s.team ?? {}, s.funnel);
  const channels = compileChannels(ctx, s.channels);
  const customers = compileCustomers(ctx, s.customers);
  const initiatives = compileInitiatives(ctx, s.initiatives);
  const grossMargin = ctx.params.add(
    'economics.gross_margin',
    s.economics?.gross_margin,
    'positive',
    1,
  );
  const targets = compileTargets(ctx, s.targets);
  const allocation = compileAllocation(
    ctx,
    s,
    channels.map((c) => c.minSpend),
    channels.map((c) => c.maxSpend),
  );
  const quota = compileQuota(
    ctx,
    s.quota,
    roles.map((r) => r.stage),
  );
  const correlations = resolveCorrelations(
    s.correlations ?? [],
    ctx.params.params,
    stageIds,
    (p, m) => err(['correlations', ...p], m),
  );
  const pipeline = compilePipeline(ctx, s.pipeline, {
    params: ctx.params.params,
    markets,
    channels,
    stages,
    firstMonth: calendar.months[0]!,
  });
  const variants = Object.entries(s.variants ?? {}).map(([name, v]) => {
    if (Object.keys(v.set).length === 0) err(['variants', name, 'set'], msg.variantNoSet);
    return { name, label: displayLabel(name, v.label), description: v.description ?? '' };
  });
  if (errors.length > 0) return fail(sortByLine(errors));
  const design = designBasis(ctx.params.params, correlations, simulation.sampling);
  return ok({
    name: s.scenario ?? (basename(file, extname(file)) || 'scenario'),
    currency: s.currency ?? 'USD',
    calendar,
    simulation,
    params: ctx.params.params,
    correlations,
    design,
    markets,
    channels,
    stages,
    roles,
    customers,
    initiatives,
    grossMargin,
    targets,
    allocation,
    quota,
    variants,
    // compileBundle and applyOverrides name the variant they applied.
    variant: null,
    pipeline,
  });
}

/** Diagnostics in file order (those without a line first), stable otherwise. */
export function sortByLine(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || a.i - b.i)
    .map((x) => x.d);
}
