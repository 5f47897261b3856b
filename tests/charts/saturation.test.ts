/**
 * Which months a role binds in. The kernel writes utilisation 0 when a role has no capacity
 * (docs/model.md), so a month with no capacity while items wait must be read as bound, not as
 * a month of spare capacity; a month with no capacity and nothing waiting stays unbound.
 */
import { describe, expect, it } from 'vitest';
import type { ForecastResult, SeriesSummary } from '../../src/analysis/types.js';
import { roleBindings } from '../../src/charts/saturation.js';
import { fixtureModel, fixtureResult, normalSummary } from './fixture.js';

/** `s` with period `t`'s summary replaced by a point mass at `v` (every quantile equal). */
function at(s: SeriesSummary, values: Readonly<Record<number, number>>): SeriesSummary {
  return {
    ...s,
    periods: s.periods.map((p, t) => (t in values ? normalSummary(values[t]!, 0) : p)),
  };
}

/**
 * The fixture's first role with: no capacity (and so utilisation 0) in months 0–4; items
 * waiting in months 1–3 (month 1 queued, month 2 lost, month 3 both); nothing waiting in
 * months 0 and 4; a full month 8 with capacity.
 */
function withUnstaffedMonths(): { result: ForecastResult; id: string } {
  const r = fixtureResult();
  const [id, role] = Object.entries(r.roles)[0]!;
  const zero = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 };
  const changed = {
    ...role,
    capacity: at(role.capacity, zero),
    taken: at(role.taken, zero),
    utilisation: at(role.utilisation, { ...zero, 8: 1 }),
    queue: at(role.queue, { 0: 0, 1: 40, 2: 0, 3: 25, 4: 0 }),
    lost: at(role.lost, { 0: 0, 1: 0, 2: 30, 3: 25, 4: 0 }),
  };
  return { result: { ...r, roles: { ...r.roles, [id]: changed } }, id };
}

describe('roleBindings', () => {
  it('counts a month with no capacity while items wait as capacity-bound, and only such a month', () => {
    const { result, id } = withUnstaffedMonths();
    const b = roleBindings(result, fixtureModel(result)).find((x) => x.id === id)!;
    expect(b.saturated).toEqual([1, 2, 3, 8]);
    expect(b.noCapacity).toEqual([1, 2, 3]);
  });

  it('does not count a month with no capacity when nothing waits', () => {
    const { result, id } = withUnstaffedMonths();
    const role = result.roles[id]!;
    const idle = {
      ...result,
      roles: {
        ...result.roles,
        [id]: {
          ...role,
          queue: at(role.queue, { 1: 0, 3: 0 }),
          lost: at(role.lost, { 2: 0, 3: 0 }),
        },
      },
    };
    const b = roleBindings(idle, fixtureModel(idle)).find((x) => x.id === id)!;
    expect(b.saturated).toEqual([8]);
    expect(b.noCapacity).toEqual([]);
  });
});
