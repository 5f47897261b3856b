/**
 * The What-ifs and What drives it sections: shown only when there is something to show, the
 * numbers of the analyses in their tables, one figure per chart, scenario text escaped.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CompareResult, compare } from '../../src/analysis/compare/index.js';
import { type SensitivityResult, sensitivity } from '../../src/analysis/sensitivity/index.js';
import { buildCompareCharts } from '../../src/charts/compare/index.js';
import { formatMoney } from '../../src/charts/format.js';
import { buildSensitivityCharts } from '../../src/charts/sensitivity/index.js';
import { buildReport } from '../../src/report/index.js';
import { loadBundle } from '../../src/scenario/index.js';
import { fixtureModel, fixtureResult, HOSTILE } from '../charts/fixture.js';

const ROOT = resolve(import.meta.dirname, '../..');
let cmp: CompareResult;
let sens: SensitivityResult;

beforeAll(async () => {
  const bundle = await loadBundle(resolve(ROOT, 'scenarios/minimal.yaml'), { trials: 300 });
  cmp = await compare(bundle, {
    workers: 1,
    whatIfs: [{ name: HOSTILE, overrides: [{ set: 'channels.search_ads.spend', value: 9000 }] }],
  });
  sens = await sensitivity(bundle, { workers: 1 });
}, 60_000);

function page(extra: { compare?: CompareResult | null; sensitivity?: SensitivityResult | null }) {
  const result = fixtureResult();
  const model = fixtureModel(result);
  return buildReport({ result, model, charts: [], ...extra });
}

describe('what-if report sections', () => {
  it('are absent, from the page and its navigation, when nothing was compared or analysed', () => {
    const html = page({ compare: null, sensitivity: null });
    expect(html).not.toContain('id="compare"');
    expect(html).not.toContain('id="sensitivity"');
    expect(html).not.toContain('href="#compare"');
  });

  it('show each plan’s numbers and one figure per chart', () => {
    const html = page({ compare: cmp, sensitivity: sens });
    expect(html).toContain('<section id="compare">');
    expect(html).toContain('<section id="sensitivity">');
    expect(html).toContain('href="#sensitivity"');
    const v = Object.values(cmp.variants)[0]!;
    expect(html).toContain(formatMoney(v.difference.mean, cmp.currency));
    for (const c of [...buildCompareCharts(cmp), ...buildSensitivityCharts(sens)]) {
      expect(html).toContain(`id="figure-${c.name}"`);
    }
    const top = sens.inputs[0]!;
    // The input by its label, its dot path in small type beside it.
    expect(html).toContain(
      `${top.label} <small><code>${top.path}</code></small> moves horizon bookings most`,
    );
    expect(html).toContain('The funnel’s own randomness');
    // The charts' centre is named for what it is, and told apart from the forecast's median.
    const forecastMedian = fixtureResult().metrics.bookings.total.p50;
    expect(html).toContain(
      `${formatMoney(sens.base, sens.currency)}, is horizon bookings with every uncertain input fixed at its median. It is not the forecast’s median (${formatMoney(forecastMedian, sens.currency)})`,
    );
  });

  it('escape a hostile what-if name everywhere outside the embedded JSON', () => {
    const html = page({ compare: cmp, sensitivity: sens });
    const own = html.replace(/<script>\/\* vega[\s\S]*?\n<\/script>/g, '');
    expect(own).not.toContain('<script>alert(1)');
    expect(own).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
