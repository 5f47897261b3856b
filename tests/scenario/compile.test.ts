/** Normalisation into the compiled Model: defaults, indices, params, per-period arrays, overrides. */
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/model/types.js';
import { compileScenario } from '../../src/scenario/index.js';
import { formatDiagnostic } from '../../src/util/result.js';
import { BASE } from './base.js';

function compile(text: string, opts = {}): Model {
  const r = compileScenario(text, 'test.yaml', opts);
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  return r.value;
}
const param = (m: Model, path: string) => {
  const p = m.params.find((x) => x.path === path);
  if (p === undefined) throw new Error(`no param ${path}`);
  return p;
};

describe('compileScenario', () => {
  const m = compile(BASE);

  it('turns names into indices and fills the calendar', () => {
    expect(m.name).toBe('Test plan');
    expect(m.currency).toBe('USD');
    expect(m.calendar.labels[11]).toBe('2027-12');
    expect(m.markets.map((x) => x.id)).toEqual(['smb', 'enterprise']);
    expect(m.stages.map((s) => s.role)).toEqual([-1, -1, 0, -1]);
    expect(m.roles[0]!.stage).toBe(2);
    expect([...m.channels[0]!.mix]).toEqual([0.8, 0.2]);
    const mql = m.params.indexOf(param(m, 'channels.paid_search.rate_factors.mql'));
    expect(m.channels[0]!.rateFactors).toEqual([-1, mql, -1, -1]);
    expect(m.initiatives[0]!.start).toBe(3);
    expect(m.initiatives[0]!.effects.map((e) => e.target)).toEqual([
      { kind: 'stage_rate', stage: 3 },
      { kind: 'market_demand', market: 1 },
    ]);
  });

  it('gives every named thing a display label: its own in any script, or a readable default', () => {
    expect(m.markets.map((x) => x.label)).toEqual(['SMB', 'Enterprise']);
    expect(m.channels.map((x) => x.label)).toEqual(['Paid search', 'Referrals']);
    expect(m.stages.map((x) => x.label)).toEqual(['Lead', 'MQL', 'Opportunity', 'Won']);
    expect(m.roles.map((x) => x.label)).toEqual(['AE']);
    expect(m.initiatives.map((x) => x.label)).toEqual(['CRM']);
    expect(m.variants.map((x) => x.label)).toEqual(['More search']);
    const own = compile(
      BASE.replace('  paid_search:\n', '  paid_search:\n    label: 直播 «Live» \n')
        .replace('{stage: mql,', '{stage: mql, label: マーケティング適格リード,')
        .replace('ae: {headcount', 'ae: {label: Account executives, headcount')
        .replace('  crm:\n', '  crm:\n    label: CRM rollout\n')
        .replace('  more_search:\n', '  more_search:\n    label: 搜索加倍\n')
        .replace('  smb: {deal_size', '  smb: {label: Малый бизнес, deal_size')
        .replace(
          'calendar: {start: 2027-01, periods: 12}',
          'calendar: {start: 2027-01, periods: 12, fiscal_year_start: 7}',
        ),
    );
    expect(own.channels[0]!.label).toBe('直播 «Live»');
    expect(own.channels[0]!.id).toBe('paid_search');
    expect(own.stages[1]!.label).toBe('マーケティング適格リード');
    expect(own.roles[0]!.label).toBe('Account executives');
    expect(own.initiatives[0]!.label).toBe('CRM rollout');
    expect(own.variants[0]!.label).toBe('搜索加倍');
    expect(own.markets[0]!.label).toBe('Малый бизнес');
    // Emoji (a surrogate pair), Korean, Thai, Arabic and a tab are text; only characters no
    // chart can draw are refused (tests/fixtures/invalid/text-unprintable.json).
    const wide = compile(
      BASE.replace('  paid_search:\n', '  paid_search:\n    label: "🚀 검색 ค้นหา بحث\\tads"\n'),
    );
    expect(wide.channels[0]!.label).toBe('🚀 검색 ค้นหา بحث\tads');
    // Labels never reach dot paths: params keep the ids.
    expect(
      own.params.some(
        (p) =>
          p.path === 'channels.paid_search.spend' || p.path.startsWith('channels.paid_search.'),
      ),
    ).toBe(true);
    expect(own.calendar.fiscalYearStart).toBe(7);
    expect(own.calendar.quarterLabels).toEqual([
      'FY2027 Q3',
      'FY2027 Q4',
      'FY2028 Q1',
      'FY2028 Q2',
    ]);
    expect(m.calendar.quarterLabels).toEqual(['FY2027 Q1', 'FY2027 Q2', 'FY2027 Q3', 'FY2027 Q4']);
  });

  it('expands per-period inputs', () => {
    const spend = [...m.channels[0]!.spend];
    expect(spend.filter((s) => s === 40000)).toHaveLength(11);
    expect(spend[10]).toBe(80000);
    expect([...m.channels[1]!.spend]).toEqual(new Array(12).fill(0));
    expect([...m.roles[0]!.hires]).toEqual([0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('applies every default as a fixed param', () => {
    const fixed = (path: string) => param(m, path).dist;
    expect(fixed('markets.smb.growth')).toEqual({ kind: 'fixed', value: 0 });
    expect(fixed('markets.smb.seasonality[5]')).toEqual({ kind: 'fixed', value: 1 });
    expect(fixed('markets.enterprise.demand_shock')).toEqual({ kind: 'fixed', value: 1 });
    expect(fixed('markets.smb.win_factor')).toEqual({ kind: 'fixed', value: 1 });
    expect(fixed('channels.paid_search.response.shape')).toEqual({ kind: 'fixed', value: 1 });
    expect(fixed('channels.paid_search.leads_cv')).toEqual({ kind: 'fixed', value: 0 });
    expect(fixed('channels.paid_search.carryover')).toEqual({ kind: 'fixed', value: 0 });
    expect(fixed('team.ae.attrition')).toEqual({ kind: 'fixed', value: 0 });
    expect(fixed('team.ae.cost')).toEqual({ kind: 'fixed', value: 0 });
    expect(fixed('team.ae.queue_loss')).toEqual({ kind: 'fixed', value: 0.5 });
    expect(fixed('economics.gross_margin')).toEqual({ kind: 'fixed', value: 1 });
    expect(fixed('customers.accounts')).toEqual({ kind: 'fixed', value: 0 });
    expect(fixed('customers.churn')).toEqual({ kind: 'fixed', value: 0 });
    expect(fixed('customers.repeat.rate')).toEqual({ kind: 'fixed', value: 0 });
    expect(fixed('initiatives.crm.cost.once')).toEqual({ kind: 'fixed', value: 0 });
    expect(m.customers.repeatDealSize).toEqual({ kind: 'fixed', value: 0 });
    expect(m.channels[1]!.minSpend).toBe(0);
    expect(m.channels[1]!.maxSpend).toBe(Number.POSITIVE_INFINITY);
    expect([...m.stages[0]!.lag]).toEqual([1]);
    expect(m.roles[0]!.backfillLag).toBe(-1);
    expect(m.simulation).toEqual({ trials: 10000, seed: 1, sampling: 'random', precision: null });
    expect(m.targets).toEqual({ bookings: null, quarterly: [], profit: null });
    expect(m.allocation).toBeNull();
    expect(m.quota).toBeNull();
  });

  it('gives rates, growth and the rest their domains, and keeps deal sizes as Dists', () => {
    expect(param(m, 'funnel.won.rate').domain).toBe('rate');
    expect(param(m, 'funnel.opportunity.rate').dist).toEqual({
      kind: 'beta',
      alpha: 311,
      beta: 211,
    });
    expect(param(m, 'markets.smb.growth').domain).toBe('real');
    expect(param(m, 'initiatives.crm.effects[0]').domain).toBe('positive');
    expect(m.markets[1]!.dealSize).toEqual({ kind: 'fixed', value: 60000 });
    expect(new Set(m.params.map((p) => p.path)).size).toBe(m.params.length);
  });

  it('resolves correlations by any spelling of the funnel path', () => {
    expect(m.correlations).toEqual([
      {
        a: m.params.indexOf(param(m, 'markets.smb.demand_shock')),
        b: m.params.indexOf(param(m, 'funnel.won.rate')),
        rank: 0.5,
      },
    ]);
  });

  it('lets --trials and --seed override the file, and applies a variant on request', () => {
    const o = compile(BASE, { trials: 500, seed: 7 });
    expect(o.simulation.trials).toBe(500);
    expect(o.simulation.seed).toBe(7);
    const v = compile(BASE, { variant: 'more_search' });
    expect([...v.channels[0]!.spend]).toEqual(new Array(12).fill(80000));
    expect(v.variants).toEqual([
      { name: 'more_search', label: 'More search', description: 'Double search' },
    ]);
    const bad = compileScenario(BASE, 'test.yaml', { variant: 'nope', trials: 0.5 });
    expect(bad.ok).toBe(false);
  });

  it('names the file when the scenario has no name, and reads JSON with line numbers', () => {
    const noName = BASE.replace('scenario: Test plan\n', '');
    expect(compileScenario(noName, 'dir/plan-a.yaml').ok && compile(noName).name).toBe('test');
    const json = JSON.stringify(
      {
        calendar: { start: '2027-01', periods: 3 },
        markets: { m: { deal_size: 1 } },
        channels: { c: { response: { curve: 'fixed', leads: 5 } } },
        funnel: [{ stage: 'a' }, { stage: 'b', rate: 2 }],
      },
      null,
      2,
    );
    const r = compileScenario(json, 'x.json');
    const line = json.split('\n').findIndex((l) => l.includes('"rate": 2')) + 1;
    expect(line).toBeGreaterThan(20);
    expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([
      `x.json:${line}: ✖ expected a rate between 0 and 1, got number 2 → at funnel[1].rate`,
    ]);
  });

  it('reports every problem of a file at once', () => {
    const text = BASE.replace('worked_by: ae', 'worked_by: aee')
      .replace('{mql: 1.1}', '{mqll: 1.1}')
      .replace('"2027-11": 80000', '"2028-11": 80000');
    const r = compileScenario(text, 'test.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.path)).toEqual([
        'channels.paid_search.spend["2028-11"]',
        'channels.paid_search.rate_factors.mqll',
        'funnel[2].worked_by',
      ]);
  });
});
