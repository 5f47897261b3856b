/**
 * A plan written in Chinese renders every PNG with real glyphs. Two plans that differ only
 * in which Chinese characters they use (same count, same layout) must give different PNGs:
 * were the glyphs missing, both would show the same row of missing-glyph boxes and the
 * PNGs would be byte-identical (the negative control shows exactly that with Latin fonts only).
 */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { buildForecastCharts } from '../../src/charts/index.js';
import { bundledFonts, renderSvg, svgToPng } from '../../src/render/index.js';
import { fixtureModel, fixtureResult } from '../charts/fixture.js';

/** The same plan in two wordings: every name and label a different string of the same length. */
const WORDINGS = [
  {
    scenario: '2027年 直播渠道计划',
    labels: {
      a: '直播',
      b: '电商平台',
      c: '经销商',
      lead: '线索',
      mid: '咨询',
      won: '成交',
      r1: '导购顾问',
      r2: '客户经理',
    },
  },
  {
    scenario: '2027年 门店销售方案',
    labels: {
      a: '门店',
      b: '社交种草',
      c: '代理商',
      lead: '访客',
      mid: '报价',
      won: '下单',
      r1: '销售代表',
      r2: '大区经理',
    },
  },
] as const;

function chartsFor(w: (typeof WORDINGS)[number]) {
  const result = fixtureResult({
    scenario: w.scenario,
    channels: ['a', 'b', 'c'],
    stages: ['lead', 'mid', 'won'],
    roles: ['r1', 'r2'],
  });
  return buildForecastCharts(result, fixtureModel(result, w.labels));
}

describe('a plan named and labelled in Chinese', () => {
  const [one, two] = WORDINGS.map(chartsFor);

  it.each(one!.map((c, i) => [c.name, i] as const))(
    '%s.png draws real CJK glyphs',
    async (_name, i) => {
      const svgA = await renderSvg(one![i]!.spec);
      const svgB = await renderSvg(two![i]!.spec);
      expect(svgA).toContain(WORDINGS[0].scenario);
      const a = svgToPng(svgA, { scale: 1 });
      const b = svgToPng(svgB, { scale: 1 });
      expect(Buffer.compare(a, b)).not.toBe(0);
      // Negative control (once): with the Latin face alone the two wordings rasterise identically.
      if (i !== 0) return;
      const latin = (svg: string) =>
        new Resvg(svg, {
          font: {
            fontFiles: [bundledFonts().regular],
            loadSystemFonts: false,
            defaultFontFamily: 'DejaVu Sans',
          },
        })
          .render()
          .asPng();
      expect(Buffer.compare(latin(svgA), latin(svgB))).toBe(0);
    },
    30_000,
  );
});
