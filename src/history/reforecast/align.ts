/**
 * Monthly actuals laid onto a scenario: the first k months of its calendar, per cohort
 * (channel × market at `c·M + m`, the kernel's order). Actuals that are valid CSV but do
 * not fit the scenario — starting in another month, running past the calendar or covering
 * all of it, naming a channel or market the scenario lacks, a stage receiving more than
 * the stage before it held — are diagnostics naming the file, line, row and column.
 */
import type { Model } from '../../model/types.js';
import type { Diagnostic, Result } from '../../util/result.js';
import { fail, ok } from '../../util/result.js';
import { closest } from '../../util/suggest.js';
import { cellDiagnostic } from '../csv-stream.js';
import { hmsg } from '../messages.js';
import type { Actuals, ActualsCohort } from '../types.js';

/** The actuals of the first k periods of a model's calendar, by the model's cohorts. */
export interface PastActuals {
  /** Periods of actuals: calendar periods 0 … k − 1. */
  readonly k: number;
  /** Cohorts (channels × markets). */
  readonly H: number;
  /** Arrivals per stage (first = leads, last = wins), `[j][h·k + t]`. */
  readonly arrivals: readonly Float64Array[];
  /** New bookings, `[h·k + t]`. */
  readonly bookings: Float64Array;
  /** Spend per channel (summed over its markets), `[c·k + t]`. */
  readonly spend: Float64Array;
  /** 1 for cohorts the actuals have rows for. */
  readonly observed: Uint8Array;
  /** Channels of the scenario with no row in the actuals (taken as no spend and no leads). */
  readonly missingChannels: readonly string[];
}

/** Where cohort c's row for period t sits, for a diagnostic. */
function rowAt(c: ActualsCohort, t: number) {
  return { line: c.source?.line[t] ?? 0, row: c.source?.row[t] ?? 0 };
}

/** The first row (in file order) among the cohorts' rows of period t. */
function firstRowOf(actuals: Actuals, t: number): { line: number; row: number } | null {
  let best: { line: number; row: number } | null = null;
  for (const c of actuals.cohorts) {
    if (c.present[t] !== 1) continue;
    const at = rowAt(c, t);
    if (best === null || at.row < best.row) best = at;
  }
  return best;
}

/** The cohort's first row in the file. */
function firstRow(c: ActualsCohort): { line: number; row: number } {
  const t = c.present.indexOf(1);
  return rowAt(c, Math.max(0, t));
}

/**
 * Lays `actuals` onto `model`: checks that they start with the calendar's first month, end
 * before its last, name only the scenario's channels and markets, and, for every channel
 * with rows, have a row in every month for each market the plan sends its leads to (stage
 * columns were checked when the file was read with the model's stages).
 * @example const past = alignActuals(model, actuals); if (past.ok) past.value.k // 6
 */
export function alignActuals(model: Model, actuals: Actuals): Result<PastActuals> {
  const file = actuals.file;
  const cal = model.calendar;
  const k = actuals.periods.length;
  const errors: Diagnostic[] = [];
  const cell = (at: { line: number; row: number } | null, column: string, message: string) =>
    at === null || at.row === 0
      ? { file, line: null, path: `column ${column}`, message }
      : cellDiagnostic(file, { ...at, column }, message);
  if (actuals.periods[0] !== cal.start) {
    errors.push(
      cell(firstRowOf(actuals, 0), 'period', hmsg.actualsStart(actuals.periods[0]!, cal.start)),
    );
  } else if (k > cal.periods) {
    errors.push(
      cell(
        firstRowOf(actuals, cal.periods),
        'period',
        hmsg.actualsBeyond(actuals.periods[cal.periods]!, cal.labels.at(-1)!, cal.periods),
      ),
    );
  } else if (k === cal.periods) {
    errors.push({ file, line: null, path: '', message: hmsg.actualsWhole(cal.periods) });
  }
  const channelIds = model.channels.map((c) => c.id);
  const marketIds = model.markets.map((m) => m.id);
  const M = model.markets.length;
  const H = model.channels.length * M;
  const seen = new Set<string>();
  for (const c of actuals.cohorts) {
    for (const [kind, id, known] of [
      ['channel', c.channel, channelIds],
      ['market', c.market, marketIds],
    ] as const) {
      if (known.includes(id) || seen.has(`${kind}:${id}`)) continue;
      seen.add(`${kind}:${id}`);
      errors.push(cell(firstRow(c), kind, hmsg.unknownCohort(kind, id, known, closest(id, known))));
    }
  }
  if (errors.length > 0) return fail(errors);
  errors.push(...missingPairs(model, actuals));
  if (errors.length > 0) return fail(errors);

  const K = model.stages.length;
  const arrivals = Array.from({ length: K }, () => new Float64Array(H * k));
  const bookings = new Float64Array(H * k);
  const spend = new Float64Array(model.channels.length * k);
  const observed = new Uint8Array(H);
  for (const c of actuals.cohorts) {
    const ci = channelIds.indexOf(c.channel);
    const h = ci * M + marketIds.indexOf(c.market);
    observed[h] = 1;
    for (let t = 0; t < k; t++) {
      for (let j = 0; j < K; j++) arrivals[j]![h * k + t] = c.arrivals[j]![t]!;
      bookings[h * k + t] = c.bookings[t]!;
      spend[ci * k + t]! += c.spend[t]!;
    }
  }
  const missingChannels = model.channels
    .filter((_, c) => !observed.subarray(c * M, (c + 1) * M).some((x) => x === 1))
    .map((c) => c.id);
  return ok({ k, H, arrivals, bookings, spend, observed, missingChannels });
}

/**
 * For every channel the actuals have rows for, the (channel, market) pairs the plan sends
 * leads to (mix > 0) that lack a row in some month of the actuals: one diagnostic per pair,
 * naming its first missing month. A missing row would otherwise read as a month with no
 * spend, leads or bookings — a silent wrong number. A channel with no rows at all is a note
 * of the reforecast instead (taken as not run).
 * @example missingPairs(model, actuals) // [] when every planned pair has every month
 */
export function missingPairs(model: Model, actuals: Actuals): Diagnostic[] {
  const k = actuals.periods.length;
  const rows = new Map<string, ActualsCohort>();
  const withRows = new Set<string>();
  for (const c of actuals.cohorts) {
    rows.set(`${c.channel}\u0000${c.market}`, c);
    withRows.add(c.channel);
  }
  const errors: Diagnostic[] = [];
  for (const ch of model.channels) {
    if (!withRows.has(ch.id)) continue;
    model.markets.forEach((mk, m) => {
      const mix = ch.mix[m] ?? 0;
      if (!(mix > 0)) return;
      const c = rows.get(`${ch.id}\u0000${mk.id}`);
      let t = 0;
      while (t < k && c !== undefined && c.present[t] === 1) t++;
      if (t === k) return;
      errors.push({
        file: actuals.file,
        line: null,
        path: '',
        message: hmsg.missingPair(actuals.periods[t]!, ch.id, mk.id, mix, c === undefined),
      });
    });
  }
  return errors.slice(0, 20);
}

/**
 * Over the actuals, no stage of a cohort receives more items than the stage before it held:
 * its arrivals plus the scenario's opening pipeline (items that entered before the calendar,
 * which the first months of a running business resolve). More wins than leads means swapped
 * or mislabelled columns.
 * @example checkStageTotals(model, actuals) // [] when every stage fits
 */
export function checkStageTotals(model: Model, actuals: Actuals): Diagnostic[] {
  const file = actuals.file;
  const K = model.stages.length;
  const channelIds = model.channels.map((c) => c.id);
  const marketIds = model.markets.map((m) => m.id);
  const opening = Array.from({ length: K }, () => new Map<string, number>());
  for (const e of model.pipeline) {
    const key = `${channelIds[e.channel]}\u0000${marketIds[e.market]}`;
    opening[e.stage]!.set(key, (opening[e.stage]!.get(key) ?? 0) + e.count);
  }
  const stageNames = ['leads', ...model.stages.slice(1, -1).map((s) => s.id), 'wins'];
  const errors: Diagnostic[] = [];
  for (const c of actuals.cohorts) {
    const key = `${c.channel}\u0000${c.market}`;
    const total = (j: number) => c.arrivals[j]!.reduce((a, b) => a + b, 0);
    for (let j = 1; j < K; j++) {
      const open = opening[j - 1]!.get(key) ?? 0;
      const before = total(j - 1) + open;
      if (total(j) <= before) continue;
      const at = rowAt(c, c.present.lastIndexOf(1));
      errors.push(
        cellDiagnostic(
          file,
          { ...at, column: stageNames[j]! },
          hmsg.stageAboveStage(
            stageNames[j]!,
            total(j),
            stageNames[j - 1]!,
            before,
            c.channel,
            c.market,
          ) + (open > 0 ? ` (counting ${open} items of the scenario's opening pipeline)` : ''),
        ),
      );
      break;
    }
  }
  return errors.slice(0, 20);
}
