/** Lag distributions prepared for the kernel, per stage and period of take-on. */
import type { Model } from '../model/types.js';

/**
 * Lag tables per (stage, period of take-on): lags 0 … min(L, T − t) − 1 land inside the
 * horizon; the rest is one "beyond" category. `cond[l]` = P(lag = l | lag ≥ l) (1 for the
 * last category when the whole pmf fits), `cum[l]` = P(lag ≤ l).
 */
export function lagTables(model: Model): { cond: Float64Array[]; cum: Float64Array[] } {
  const T = model.calendar.periods;
  const cond: Float64Array[] = [];
  const cum: Float64Array[] = [];
  for (const stage of model.stages) {
    const pmf = stage.lag;
    for (let t = 0; t < T; t++) {
      const cats = Math.min(pmf.length, T - t);
      const fits = pmf.length <= T - t;
      const c = new Float64Array(cats);
      const q = new Float64Array(cats);
      let mass = 1;
      let acc = 0;
      for (let l = 0; l < cats; l++) {
        const p = pmf[l]!;
        c[l] = mass > 0 ? Math.min(1, p / mass) : 0;
        acc += p;
        q[l] = Math.min(1, acc);
        mass -= p;
      }
      if (fits) {
        c[cats - 1] = 1;
        q[cats - 1] = 1;
      }
      cond.push(c);
      cum.push(q);
    }
  }
  return { cond, cum };
}
