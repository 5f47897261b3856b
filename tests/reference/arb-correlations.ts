/**
 * Correlations for generated plans: up to two disjoint pairs of inputs that the plan made
 * uncertain (demand shocks, win factors, growth, curve parameters, funnel rates, capacity).
 */

type Doc = Record<string, unknown>;

/** Dot paths of the inputs that may be correlated, when the document made them uncertain. */
function uncertainPaths(doc: Doc): string[] {
  const out: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (value !== undefined && typeof value !== 'number') out.push(path);
  };
  const sections = doc as Record<string, Record<string, Record<string, unknown>>>;
  for (const [id, m] of Object.entries(sections.markets ?? {})) {
    for (const f of ['growth', 'demand_shock', 'win_factor']) visit(m[f], `markets.${id}.${f}`);
  }
  for (const [id, c] of Object.entries(sections.channels ?? {})) {
    const r = c.response as Record<string, unknown>;
    for (const f of ['max_leads', 'cost_per_lead', 'leads'])
      visit(r[f], `channels.${id}.response.${f}`);
  }
  for (const st of doc.funnel as { stage: string; rate?: unknown }[]) {
    visit(st.rate ?? 0, `funnel.${st.stage}.rate`);
  }
  for (const [id, r] of Object.entries(sections.team ?? {}))
    visit(r.capacity, `team.${id}.capacity`);
  return out;
}

/**
 * Up to two disjoint pairs of uncertain inputs with rank correlations ±0.1 … ±0.9, chosen by `picks`.
 * @example pairs(doc, [[0, 1, 6]]) // [{between: [first, second uncertain path], rank: 0.6}]
 */
export function pairs(doc: Doc, picks: readonly [number, number, number][]): unknown[] {
  const free = uncertainPaths(doc);
  const out: unknown[] = [];
  for (const [i, j, k] of picks) {
    if (free.length < 2) break;
    const a = free.splice(i % free.length, 1)[0]!;
    const b = free.splice(j % free.length, 1)[0]!;
    out.push({ between: [a, b], rank: (k === 0 ? 5 : k) / 10 });
  }
  return out;
}
