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
});
