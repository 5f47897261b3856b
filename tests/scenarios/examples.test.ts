/**
 * The bundled example scenarios: each compiles (base and every variant), starts with the
 * schema line, and together they use every field and every form of the scenario format
 * (the list of required shapes below is written from docs/scenario-format.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileScenario } from '../../src/scenario/index.js';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const FILES = readdirSync(DIR)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();
const SCHEMA_LINE = '# yaml-language-server: $schema=../docs/scenario.schema.json';

/** Keys whose children are user-chosen names, so their shapes use `*`. */
const NAMED_COLLECTIONS = new Set([
  'markets',
  'channels',
  'team',
  'initiatives',
  'variants',
  'channels.*.markets',
  'channels.*.rate_factors',
  'variants.*.set',
]);
/** String fields whose value is an enumeration worth recording (`…curve=hill`). */
const ENUM_KEYS = new Set(['curve', 'sampling', 'objective', 'metric']);
/** Same reading of "LOW to HIGH" as the format: two numbers, optional percent signs. */
const RANGE = /^\s*[+-]?[\d.,_]+\s*%?\s+to\s+[+-]?[\d.,_]+\s*%?\s*$/;

/** Name of the uncertain-quantity form of an object, or null if it is not one. */
function uncertainForm(o: Record<string, unknown>): string | null {
  if ('successes' in o) return 'successes/trials';
  switch (o.dist) {
    case 'lognormal':
      return 'median' in o ? 'lognormal(median,p90)' : 'lognormal(mean,sd)';
    case 'beta':
      return 'alpha' in o ? 'beta(alpha,beta)' : 'beta(mean,sd)';
    case undefined:
      return null;
    default:
      return String(o.dist);
  }
}

/**
 * Every shape a document uses: a dot path with named keys as `*`, list items as `[]` and
 * `YYYY-MM` keys as `YYYY-MM`, alone and with the form of its value
 * (`=number`, `=list`, `=map`, `=range`, `=uncertain`, `=<enum value>`), plus
 * `uncertain:<form>` for each uncertain-quantity form. Variant `set` values are not
 * walked: the base plans must cover the format by themselves.
 */
function shapesOf(doc: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown, path: string, key: string): void => {
    if (path !== '') out.add(path);
    if (typeof node === 'number') out.add(`${path}=number`);
    else if (typeof node === 'string') {
      if (RANGE.test(node)) {
        out.add(`${path}=range`);
        out.add(node.includes('%') ? 'uncertain:range%' : 'uncertain:range');
      } else out.add(ENUM_KEYS.has(key) ? `${path}=${node}` : `${path}=string`);
    } else if (Array.isArray(node)) {
      if (node.every((x) => typeof x !== 'object' || x === null)) out.add(`${path}=list`);
      else for (const item of node) walk(item, `${path}[]`, key);
    } else if (typeof node === 'object' && node !== null) {
      const o = node as Record<string, unknown>;
      const form = uncertainForm(o);
      if (form !== null) {
        out.add(`${path}=uncertain`);
        out.add(`uncertain:${form}`);
        return;
      }
      if (path !== '') out.add(`${path}=map`);
      const named = NAMED_COLLECTIONS.has(path);
      for (const [k, v] of Object.entries(o)) {
        const seg = named ? '*' : /^\d{4}-\d{2}$/.test(k) ? 'YYYY-MM' : k;
        const child = path === '' ? seg : `${path}.${seg}`;
        if (path === 'variants.*.set') out.add(child);
        else walk(v, child, k);
      }
    }
  };
  walk(doc, '', '');
  return out;
}

/** Every field and form of the format, from docs/scenario-format.md. */
const REQUIRED: readonly string[] = [
  // calendar and simulation
  'scenario=string',
  'currency=string',
  'calendar.start',
  'calendar.periods=number',
  'simulation.trials=number',
  'simulation.seed=number',
  'simulation.sampling=random',
  'simulation.sampling=lhs',
  'simulation.precision.metric=bookings',
  'simulation.precision.relative_se=number',
  'correlations[].between=list',
  'correlations[].rank=number',
  // uncertain quantities: every form
  'uncertain:normal',
  'uncertain:lognormal(median,p90)',
  'uncertain:lognormal(mean,sd)',
  'uncertain:beta(mean,sd)',
  'uncertain:beta(alpha,beta)',
  'uncertain:uniform',
  'uncertain:triangular',
  'uncertain:pert',
  'uncertain:range',
  'uncertain:range%',
  'uncertain:successes/trials',
  // markets
  'markets.*.growth=number',
  'markets.*.growth=uncertain',
  'markets.*.growth=range',
  'markets.*.seasonality=list',
  'markets.*.demand_shock=range',
  'markets.*.demand_shock=uncertain',
  'markets.*.win_factor=number',
  'markets.*.deal_size=uncertain',
  // channels, with every per-period form of spend and every response curve
  'channels.*.spend=number',
  'channels.*.spend=list',
  'channels.*.spend=map',
  'channels.*.spend.default',
  'channels.*.spend.YYYY-MM',
  'channels.*.min_spend',
  'channels.*.max_spend',
  'channels.*.response.curve=hill',
  'channels.*.response.curve=linear',
  'channels.*.response.curve=fixed',
  'channels.*.response.max_leads=uncertain',
  'channels.*.response.half_spend=uncertain',
  'channels.*.response.shape',
  'channels.*.response.cost_per_lead=range',
  'channels.*.response.leads=range',
  'channels.*.leads_cv',
  'channels.*.carryover=number',
  'channels.*.carryover=uncertain',
  'channels.*.markets.*',
  'channels.*.rate_factors.*',
  // funnel: rate in every form, lag in all three
  'funnel[].stage=string',
  'funnel[].rate=number',
  'funnel[].rate=range',
  'funnel[].rate=uncertain',
  'funnel[].lag=number',
  'funnel[].lag=list',
  'funnel[].lag.median',
  'funnel[].lag.p90',
  'funnel[].worked_by=string',
  // team
  'team.*.headcount',
  'team.*.capacity=uncertain',
  'team.*.ramp=list',
  'team.*.attrition=number',
  'team.*.attrition=uncertain',
  'team.*.backfill.lag',
  'team.*.hires=map',
  'team.*.hires=list',
  'team.*.hires.YYYY-MM',
  'team.*.cost',
  'team.*.queue_loss',
  // customers
  'customers.accounts',
  'customers.churn',
  'customers.repeat.rate',
  'customers.repeat.deal_size=uncertain',
  // initiatives: every effect kind
  'initiatives.*.start',
  'initiatives.*.ramp',
  'initiatives.*.cost.once',
  'initiatives.*.cost.per_period',
  'initiatives.*.effects[].stage',
  'initiatives.*.effects[].rate',
  'initiatives.*.effects[].team',
  'initiatives.*.effects[].capacity',
  'initiatives.*.effects[].channel',
  'initiatives.*.effects[].leads',
  'initiatives.*.effects[].market',
  'initiatives.*.effects[].deal_size',
  // beyond the format's examples, documented in docs/scenario-format.md
  'initiatives.*.effects[].demand',
  'targets.profit=number',
  // economics, targets, allocation, quota, variants
  'economics.gross_margin',
  'targets.bookings=number',
  'targets.quarterly=list',
  'allocation.budget',
  'allocation.channels=list',
  'allocation.objective=revenue',
  'allocation.objective=profit',
  'allocation.objective=p10',
  'allocation.step',
  'allocation.max_share',
  'quota.role',
  'quota.confidence',
  'quota.over_assignment',
  'variants.*.description',
  'variants.*.set.*',
];

const texts = new Map(FILES.map((f) => [f, readFileSync(join(DIR, f), 'utf8')]));

describe('example scenarios', () => {
  it('ships the four documented examples', () => {
    expect(FILES).toEqual(
      expect.arrayContaining([
        'b2b-saas.yaml',
        'consumer-brand.yaml',
        'distributor.yaml',
        'minimal.yaml',
      ]),
    );
  });

  it.each(FILES)('%s compiles, and so does every variant', (file) => {
    const text = texts.get(file) ?? '';
    const base = compileScenario(text, file);
    if (!base.ok) expect.fail(base.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    const declared = Object.keys((parse(text) as { variants?: object }).variants ?? {});
    expect(base.value.variants.map((v) => v.name)).toEqual(declared);
    for (const v of declared) {
      const r = compileScenario(text, file, { variant: v });
      if (!r.ok) expect.fail(`${v}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      // A variant must change the plan it is compared with, or the comparison is empty.
      expect(JSON.stringify(r.value), v).not.toBe(JSON.stringify(base.value));
    }
  });

  it.each(FILES)('%s starts with the schema line and a comment block', (file) => {
    const lines = (texts.get(file) ?? '').split('\n');
    expect(lines[0]).toBe(SCHEMA_LINE);
    expect(lines[1]?.startsWith('#')).toBe(true);
    expect(lines[2]?.startsWith('#')).toBe(true);
  });

  it('together use every field and form of the scenario format', () => {
    const used = new Set<string>();
    for (const text of texts.values()) for (const s of shapesOf(parse(text))) used.add(s);
    const missing = REQUIRED.filter((s) => !used.has(s));
    expect(missing).toEqual([]);
  });
});

describe('shapesOf', () => {
  // Guards the coverage test above: a walker that saw nothing would make it vacuous.
  it('names forms, collections and per-period keys', () => {
    const shapes = shapesOf(
      parse(`
markets: {smb: {deal_size: {dist: lognormal, mean: 5, sd: 1}, demand_shock: "0.9 to 1.1"}}
channels: {ads: {spend: {default: 1, "2027-03": 2}, rate_factors: {won: 1.2}}}
funnel: [{stage: lead}, {stage: won, rate: "10% to 20%", lag: [0.5, 0.5]}]
variants: {v: {set: {channels.ads.spend: 3}}}
`),
    );
    for (const s of [
      'markets.*.deal_size=uncertain',
      'uncertain:lognormal(mean,sd)',
      'markets.*.demand_shock=range',
      'uncertain:range',
      'uncertain:range%',
      'channels.*.spend=map',
      'channels.*.spend.YYYY-MM',
      'channels.*.rate_factors.*',
      'funnel[].lag=list',
      'variants.*.set.*',
    ]) {
      expect(shapes).toContain(s);
    }
    expect(shapes).not.toContain('uncertain:lognormal(median,p90)');
    expect(shapes).not.toContain('channels.*.spend=number');
  });
});
