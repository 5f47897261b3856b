/**
 * A {@link Calibration} as scenario YAML: either a complete scenario of its own (the
 * calibrated numbers, a 12-month calendar after the history, each channel at its last
 * month's spend) or merged into a base scenario, whose other fields, comments and layout
 * stay. Every calibrated field carries a comment above it saying where its number came from.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type YAMLMap } from 'yaml';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import type { Calibration } from './calibrate.js';
import type { CurveFit } from './fit-leads.js';
import { sizeForm } from './fit-size.js';

/** z of the 90th percentile. */
const Z90 = 1.2815515655446004;
/** Months a stand-alone fragment's calendar covers. */
export const FRAGMENT_PERIODS = 12;

const sig = (x: number, digits = 4): number => Number(x.toPrecision(digits));

/** A positive quantity with a log-sd: `{dist: lognormal, median, p90}`, or the number when the spread is nil. */
function uncertain(median: number, logSd: number): number | Record<string, unknown> {
  const m = sig(median);
  const p90 = sig(median * Math.exp(Z90 * logSd));
  return logSd > 0 && p90 > m ? { dist: 'lognormal', median: m, p90 } : m;
}

function responseForm(r: CurveFit): Record<string, unknown> {
  if (r.curve === 'fixed') return { curve: 'fixed', leads: uncertain(r.leads, r.logSd) };
  if (r.curve === 'linear')
    return { curve: 'linear', cost_per_lead: uncertain(r.costPerLead, r.logSd) };
  return {
    curve: 'hill',
    max_leads: uncertain(r.maxLeads, r.logSd.maxLeads),
    half_spend: uncertain(r.halfSpend, r.logSd.halfSpend),
    shape: r.shape,
  };
}

/** Shares rounded to 4 decimals that sum to 1 (largest remainders). */
function roundMix(mix: Record<string, number>): Record<string, number> {
  const keys = Object.keys(mix);
  const exact = keys.map((k) => mix[k]! * 1e4);
  const out = exact.map(Math.floor);
  let left = 1e4 - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, f: x - Math.floor(x) }))
    .sort((a, b) => b.f - a.f || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return Object.fromEntries(keys.map((k, i) => [k, out[i]! / 1e4]));
}

/** One calibrated value: where it goes, the value and its provenance. */
interface Edit {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
  readonly note: string;
}

/**
 * Every calibrated field as an edit of a scenario document: its path, value and provenance.
 * @example calibrationEdits(cal).map((e) => e.path.join('.')) // ['markets.smb.growth', …]
 */
export function calibrationEdits(cal: Calibration): Edit[] {
  const edits: Edit[] = [];
  const span = `${cal.periods[0]} … ${cal.periods.at(-1)}`;
  for (const m of cal.markets) {
    const at = ['markets', m.id];
    if (m.demand.growthSd > 0)
      edits.push({
        path: [...at, 'growth'],
        value:
          m.demand.growthSd > 0
            ? { dist: 'normal', mean: sig(m.demand.growth, 3), sd: sig(m.demand.growthSd, 3) }
            : sig(m.demand.growth, 3),
        note: `growth per month: Poisson fit of ${m.id} leads over ${span}, with its standard error`,
      });
    if (m.demand.seasonality)
      edits.push({
        path: [...at, 'seasonality'],
        value: m.demand.seasonality.map((x) => sig(x, 3)),
        note: `by calendar month, January first: ${m.id} leads against the fitted response, ${cal.periods.length} months`,
      });
    if (m.dealSize)
      edits.push({
        path: [...at, 'deal_size'],
        value: sizeForm(m.dealSize),
        note: `${m.dealSize.n} won deals: ${m.dealSize.note}`,
      });
    const last = cal.stages.at(-1)!;
    if (last.marketFactors[m.id] !== undefined)
      edits.push({
        path: [...at, 'win_factor'],
        value: last.marketFactors[m.id],
        note: `${m.id}'s win rate relative to the pooled rate (more than two standard errors from 1)`,
      });
  }
  for (const c of cal.channels) {
    const at = ['channels', c.channel];
    const best = c.candidates[0]!;
    const runner = c.candidates.find((x) => x.curve !== best.curve);
    edits.push({
      path: [...at, 'response'],
      value: responseForm(c.response),
      note: `${best.curve}${best.curve === 'hill' ? ` (shape ${best.shape})` : ''} chosen by quasi-AIC ${best.qaic.toFixed(1)}${runner ? ` over ${runner.curve} ${runner.qaic.toFixed(1)}` : ''} from monthly spend and leads, ${span}; p90s are parameter uncertainty given the curve, level at ${cal.anchor}`,
    });
    if (c.response.curve !== 'fixed')
      edits.push({
        path: [...at, 'carryover'],
        value: c.carryover,
        note: 'adstock that fitted best (grid 0 … 0.7)',
      });
    if (c.response.curve !== 'fixed' && c.carryover > 0) {
      // The spend whose steady adstock is the history's at its last month: the forecast then
      // starts with the adstock the history left instead of an empty one (docs/model.md).
      const e = c.effective[c.effective.length - 1] ?? 0;
      edits.push({
        path: [...at, 'spend_before'],
        value: Math.round((1 - c.carryover) * e),
        note: `spend per period that leaves the adstock where the history's left it at its last month (${Math.round(e)} effective), so the forecast starts warm`,
      });
    }
    edits.push({
      path: [...at, 'leads_cv'],
      value: sig(c.leadsCv, 3),
      note: 'month-to-month noise beyond Poisson, by moments',
    });
    edits.push({
      path: [...at, 'markets'],
      value: roundMix(c.mix),
      note: `share of ${c.channel} leads by market, at ${cal.anchor}`,
    });
    const factors = Object.fromEntries(
      cal.stages
        .filter((s) => s.channelFactors[c.channel] !== undefined)
        .map((s) => [s.id, s.channelFactors[c.channel]!]),
    );
    edits.push({
      path: [...at, 'rate_factors'],
      value: factors,
      note:
        Object.keys(factors).length > 0
          ? `${c.channel}'s rates relative to the pooled rate, where more than two standard errors from 1`
          : `${c.channel}'s rates do not differ from the pooled rates by more than two standard errors`,
    });
  }
  cal.stages.forEach((s, k) => {
    if (k === 0 || s.kept !== null) return;
    edits.push({
      path: ['funnel', k, 'rate'],
      value: { successes: s.rate!.successes, trials: s.rate!.trials },
      note: `${s.id} rate: ${s.rateSource}`,
    });
    if (s.lag)
      edits.push({ path: ['funnel', k, 'lag'], value: s.lag, note: `${s.id} lag: ${s.lagSource}` });
  });
  if (cal.dealsFile !== null)
    edits.push({
      path: ['pipeline'],
      value: cal.pipeline.map((p) => ({
        stage: p.stage,
        count: p.count,
        age: p.age,
        channel: p.channel,
        market: p.market,
      })),
      note: `open items of ${cal.dealsFile} at the start of ${cal.anchor}, by stage, channel, market and age in months (docs/model.md, "Opening pipeline")`,
    });
  return edits;
}

/** The pair of `map` whose key is `key`, its key made a Scalar so it can carry a comment. */
function keyNode(map: YAMLMap, key: string | number): Scalar | null {
  const pair = map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
  if (!pair) return null;
  if (!isScalar(pair.key)) pair.key = new Scalar(pair.key);
  return pair.key as Scalar;
}

/** Writes one edit into `doc` with its note as a comment above the field. */
function apply(doc: Document, e: Edit) {
  const flow = e.path[0] !== 'pipeline' && typeof e.value === 'object' && e.value !== null;
  doc.setIn(e.path, doc.createNode(e.value, { flow }));
  if (e.path[0] === 'pipeline') {
    const seq = doc.get('pipeline', true);
    if (isSeq(seq)) for (const item of seq.items) if (isMap(item)) item.flow = true;
  }
  const parent = doc.getIn(e.path.slice(0, -1), true);
  const last = e.path.at(-1)!;
  const note = ` ${e.note}`;
  if (isMap(parent)) {
    const k = keyNode(parent, last);
    if (k && !parent.flow) k.commentBefore = note;
    else if (isSeq(doc.getIn(e.path.slice(0, -2), true)))
      addItemComment(doc, e.path.slice(0, -1), note);
  }
}

function addItemComment(doc: Document, itemPath: readonly (string | number)[], note: string) {
  const item = doc.getIn(itemPath, true) as { commentBefore?: string | null } | undefined;
  if (!item) return;
  item.commentBefore = item.commentBefore ? `${item.commentBefore}\n${note}` : note;
}

const isEmptyFactors = (e: Edit): boolean =>
  e.path[0] === 'channels' &&
  e.path[2] === 'rate_factors' &&
  Object.keys(e.value as object).length === 0;

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * A complete scenario from the calibration alone.
 * @example fragmentYaml(cal).startsWith('# Calibrated') // true
 */
export function fragmentYaml(calibration: Calibration): string {
  checkArgument('fragmentYaml', 'calibration', calibration, ARG.calibration);
  const doc = new Document({});
  doc.set('scenario', 'Calibrated from history');
  doc.set(
    'calendar',
    doc.createNode({ start: calibration.anchor, periods: FRAGMENT_PERIODS }, { flow: true }),
  );
  const ids = calibration.stages.map((s) => s.id);
  doc.set(
    'markets',
    doc.createNode(Object.fromEntries(calibration.markets.map((m) => [m.id, { deal_size: 1 }]))),
  );
  doc.set(
    'channels',
    doc.createNode(
      Object.fromEntries(
        calibration.channels.map((c) => [
          c.channel,
          { spend: Math.round(calibration.lastSpend[c.channel] ?? 0) },
        ]),
      ),
    ),
  );
  doc.set(
    'funnel',
    doc.createNode(
      ids.map((stage) => ({ stage })),
      { flow: false },
    ),
  );
  const funnel = doc.get('funnel', true);
  if (isSeq(funnel)) for (const item of funnel.items) if (isMap(item)) item.flow = true;
  for (const e of calibrationEdits(calibration)) {
    if (isEmptyFactors(e)) continue;
    apply(doc, e);
  }
  for (const c of calibration.channels) {
    const ch = doc.getIn(['channels', c.channel], true);
    if (isMap(ch)) {
      const k = keyNode(ch, 'spend');
      if (k)
        k.commentBefore = ` spend in the last month of the history (${calibration.periods.at(-1)}): set the plan's`;
    }
  }
  doc.commentBefore = header(calibration, null);
  return doc.toString(STRINGIFY);
}

/**
 * The base scenario's text with the calibrated fields written into it (markets and
 * channels the history has and the base lacks are added).
 * @example mergeYaml(cal, baseText, 'plan.yaml')
 */
export function mergeYaml(calibration: Calibration, baseText: string, baseFile: string): string {
  checkArgument('mergeYaml', 'calibration', calibration, ARG.calibration);
  checkArgument('mergeYaml', 'baseText', baseText, ARG.scenarioText);
  checkArgument('mergeYaml', 'baseFile', baseFile, ARG.fileName);
  const doc = parseDocument(baseText);
  for (const m of calibration.markets)
    if (!doc.hasIn(['markets', m.id]))
      doc.setIn(['markets', m.id], doc.createNode({ deal_size: 1 }));
  for (const c of calibration.channels)
    if (!doc.hasIn(['channels', c.channel]))
      doc.setIn(
        ['channels', c.channel],
        doc.createNode({ spend: Math.round(calibration.lastSpend[c.channel] ?? 0) }),
      );
  for (const e of calibrationEdits(calibration)) {
    if (isEmptyFactors(e)) {
      doc.deleteIn(e.path);
      continue;
    }
    apply(doc, e);
  }
  const before = doc.commentBefore ? `${doc.commentBefore}\n` : '';
  doc.commentBefore = `${before}${header(calibration, baseFile)}`;
  return doc.toString(STRINGIFY);
}

function header(cal: Calibration, base: string | null): string {
  const lines = [
    '',
    ` Calibrated by \`salesops calibrate\` from ${cal.actualsFile} (${cal.periods.length} months, ${cal.periods[0]} … ${cal.periods.at(-1)})${cal.dealsFile ? ` and ${cal.dealsFile} (${cal.dealRows.toLocaleString('en-US')} items)` : ''}${base ? `, merged into ${base}` : ''}.`,
    ' The comment above each calibrated field says where its number came from (docs/history.md).',
    ...cal.notes.map((n) => ` Note: ${n}.`),
  ];
  return lines.join('\n');
}
