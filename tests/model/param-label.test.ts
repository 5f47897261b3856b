/**
 * Input labels from the scenario's own labels: the B2B example's paths read as the entity's
 * label and the field in words, and an entity's own `label:` wins over its id.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paramLabel } from '../../src/model/param-label.js';
import { loadModel } from '../../src/scenario/index.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('paramLabel', () => {
  it('reads a dot path as "entity · field" with the scenario labels', async () => {
    const model = await loadModel(resolve(ROOT, 'scenarios/b2b-saas.yaml'), { trials: 10 });
    const label = (p: string) => paramLabel(model, p);
    expect(label('funnel.won.rate')).toBe(
      `${model.stages.find((s) => s.id === 'won')!.label} · rate`,
    );
    expect(label('channels.paid_search.response.half_spend')).toBe(
      `${model.channels.find((c) => c.id === 'paid_search')!.label} · half spend`,
    );
    expect(label('markets.smb.demand_shock')).toBe(
      `${model.markets.find((m) => m.id === 'smb')!.label} · demand shock`,
    );
    expect(label('team.ae.capacity')).toBe(
      `${model.roles.find((r) => r.id === 'ae')!.label} · capacity`,
    );
    expect(label('customers.repeat.rate')).toBe('Customers · repeat rate');
    for (const p of model.params) expect(label(p.path)).not.toMatch(/\.|_/);
  });

  it("uses an entity's own label, not its id", async () => {
    const model = await loadModel(resolve(ROOT, 'scenarios/b2b-saas.yaml'), { trials: 10 });
    const renamed = {
      ...model,
      channels: model.channels.map((c) => (c.id === 'events' ? { ...c, label: 'Trade shows' } : c)),
    };
    expect(paramLabel(renamed, 'channels.events.response.cost_per_lead')).toBe(
      'Trade shows · cost per lead',
    );
  });

  it('names an initiative effect by what it multiplies, never by its index (consumer-brand: "effects[0]")', async () => {
    const model = await loadModel(resolve(ROOT, 'scenarios/consumer-brand.yaml'), { trials: 10 });
    const label = (p: string) => paramLabel(model, p);
    // consumer-brand.yaml's crm_rollout: effects on the order stage's rate, the advisors'
    // capacity, social's leads, tier-1's deal size and lower-tier demand, in that order.
    expect([0, 1, 2, 3, 4].map((k) => label(`initiatives.crm_rollout.effects[${k}]`))).toEqual([
      'CRM 上线 CRM rollout · 下单 Order rate multiplier',
      'CRM 上线 CRM rollout · 导购顾问 Advisors capacity multiplier',
      'CRM 上线 CRM rollout · 社交种草 Social leads multiplier',
      'CRM 上线 CRM rollout · 一线城市 Tier-1 cities deal size multiplier',
      'CRM 上线 CRM rollout · 下沉市场 Lower-tier cities demand multiplier',
    ]);
    // No label of any input carries an index, a dot path or an id's underscore.
    for (const p of model.params) expect(label(p.path), p.path).not.toMatch(/[[\]._]/);
  });

  it('names a seasonality factor by its month and a rate factor by its stage, and says CV (b2b-saas)', async () => {
    const model = await loadModel(resolve(ROOT, 'scenarios/b2b-saas.yaml'), { trials: 10 });
    const label = (p: string) => paramLabel(model, p);
    expect(label('markets.smb.seasonality[0]')).toBe('SMB · Jan seasonality');
    expect(label('markets.smb.seasonality[11]')).toBe('SMB · Dec seasonality');
    expect(label('channels.events.rate_factors.mql')).toBe('Events · MQL rate factor');
    expect(label('channels.paid_search.leads_cv')).toBe('Paid search · leads CV');
    for (const p of model.params) expect(label(p.path), p.path).not.toMatch(/[[\]._]/);
  });
});
