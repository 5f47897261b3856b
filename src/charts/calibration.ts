/**
 * Charts of a calibration's fit against its data, in the house style: monthly leads per
 * channel (observed points, fitted line), each channel's response curve over the months'
 * effective spend, stage rates with their 90% posterior intervals (pooled and per channel),
 * deal sizes as a quantile–quantile plot against the fitted lognormal, and the fitted lags.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Calibration } from '../history/calibrate.js';
import { type CurveFit, WARM_UP } from '../history/fit-leads.js';
import { betaQuantile } from '../stats/beta.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import type { ChartSpec } from './common.js';
import { COLORS, houseConfig, MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR } from './theme.js';

const themed = (currency: string, spec: TopLevelSpec): TopLevelSpec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  ...spec,
  config: houseConfig(currency),
});

const source = (cal: Calibration): string =>
  `${cal.actualsFile}${cal.dealsFile ? ` and ${cal.dealsFile}` : ''}, ${cal.periods[0]} … ${cal.periods.at(-1)}`;

/**
 * Leads of one period at effective spend e, by a fitted curve (before demand).
 * @example curveAt({ curve: 'linear', costPerLead: 50, logSd: 0 }, 1000) // 20
 */
export function curveAt(r: CurveFit, e: number): number {
  if (r.curve === 'fixed') return r.leads;
  if (r.curve === 'linear') return e / r.costPerLead;
  return e <= 0 ? 0 : (r.maxLeads * e ** r.shape) / (e ** r.shape + r.halfSpend ** r.shape);
}

/**
 * Monthly leads per channel: observed (points) and fitted mean (line).
 * @example buildLeadsFitChart(cal, 'USD').name // 'leads-fit'
 */
export function buildLeadsFitChart(cal: Calibration, currency: string): ChartSpec {
  const title = 'Leads per month: fitted against observed';
  const values = cal.channels.flatMap((c) =>
    cal.periods.map((p, t) => ({
      channel: c.channel,
      date: `${p}-01`,
      observed: c.observed[t]!,
      // the first months only warm the adstock up: no fitted line there
      fitted: t < WARM_UP ? null : Number(c.fitted[t]!.toFixed(2)),
    })),
  );
  const x = {
    field: 'date',
    type: 'temporal',
    timeUnit: 'utcyearmonth',
    title: null,
    axis: { format: '%b %Y', tickCount: 6 },
  } as const;
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: [
        `${source(cal)} — points: observed leads, line: fitted mean (first 3 months warm the adstock up)`,
      ],
    },
    data: { values },
    facet: {
      field: 'channel',
      type: 'nominal',
      title: null,
      header: { labelFontSize: 13, labelAnchor: 'start' },
    },
    columns: 2,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 300,
      height: 140,
      layer: [
        {
          transform: [{ filter: 'isValid(datum.fitted)' }],
          mark: { type: 'line', color: COLORS.forecast, strokeWidth: 2 },
          encoding: {
            x,
            y: { field: 'fitted', type: 'quantitative', title: 'Leads', scale: { zero: true } },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 22, color: COLORS.text, opacity: 0.8 },
          encoding: {
            x,
            y: { field: 'observed', type: 'quantitative' },
            tooltip: [
              {
                field: 'date',
                type: 'temporal',
                timeUnit: 'utcyearmonth',
                title: 'Month',
                format: '%b %Y',
              },
              { field: 'observed', type: 'quantitative', title: 'Observed', format: ',d' },
              { field: 'fitted', type: 'quantitative', title: 'Fitted', format: ',.0f' },
            ],
          },
        },
      ],
    },
  };
  return { name: 'leads-fit', title, spec: themed(currency, spec) };
}

/**
 * Each spend-driven channel's fitted response curve, with the months' leads adjusted to the
 * plan's demand (observed × response / fitted) at their effective spend. Null when every
 * channel has a fixed response.
 * @example buildResponseChart(cal, 'USD')?.name // 'response-fit'
 */
export function buildResponseChart(cal: Calibration, currency: string): ChartSpec | null {
  const driven = cal.channels.filter((c) => c.response.curve !== 'fixed');
  if (driven.length === 0) return null;
  const title = 'Response curves: leads against effective spend';
  const points = driven.flatMap((c) =>
    cal.periods.flatMap((p, t) => {
      if (t < WARM_UP || c.fitted[t]! <= 0) return [];
      const r = curveAt(c.response, c.effective[t]!);
      return [
        {
          channel: c.channel,
          period: p,
          effective: c.effective[t]!,
          leads: Number(((c.observed[t]! * r) / c.fitted[t]!).toFixed(2)),
        },
      ];
    }),
  );
  const curve = driven.flatMap((c) => {
    const top = Math.max(...c.effective) * 1.25;
    return Array.from({ length: 61 }, (_, i) => ({
      channel: c.channel,
      effective: (top * i) / 60,
      fit: Number(curveAt(c.response, (top * i) / 60).toFixed(3)),
    }));
  });
  const label = (c: (typeof driven)[number]) => {
    const r = c.response;
    const how = r.curve === 'linear' ? 'linear' : `hill, shape ${r.curve === 'hill' ? r.shape : 1}`;
    return `${c.channel} (${how}, carryover ${c.carryover})`;
  };
  const names = Object.fromEntries(driven.map((c) => [c.channel, label(c)]));
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: [`${source(cal)} — points: months' leads at the plan's demand, line: fitted curve`],
    },
    data: {
      values: [
        ...points.map((p) => ({ ...p, panel: names[p.channel] })),
        ...curve.map((p) => ({ ...p, panel: names[p.channel] })),
      ],
    },
    facet: {
      field: 'panel',
      type: 'nominal',
      title: null,
      header: { labelFontSize: 13, labelAnchor: 'start', labelLimit: 300 },
    },
    columns: 2,
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spec: {
      width: 300,
      height: 170,
      layer: [
        {
          transform: [{ filter: 'isValid(datum.fit)' }],
          mark: { type: 'line', color: COLORS.forecast },
          encoding: {
            x: {
              field: 'effective',
              type: 'quantitative',
              title: `Effective spend per month (${currency})`,
              axis: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR, tickCount: 4 },
            },
            y: {
              field: 'fit',
              type: 'quantitative',
              title: 'Leads per month',
              scale: { zero: true },
            },
          },
        },
        {
          transform: [{ filter: 'isValid(datum.leads)' }],
          mark: { type: 'point', filled: true, size: 26, color: COLORS.text, opacity: 0.75 },
          encoding: {
            x: { field: 'effective', type: 'quantitative' },
            y: { field: 'leads', type: 'quantitative' },
            tooltip: [
              { field: 'period', type: 'nominal', title: 'Month' },
              {
                field: 'effective',
                type: 'quantitative',
                title: 'Effective spend',
                format: '$,.0f',
              },
              {
                field: 'leads',
                type: 'quantitative',
                title: 'Leads (plan demand)',
                format: ',.0f',
              },
            ],
          },
        },
      ],
    },
  };
  return { name: 'response-fit', title, spec: themed(currency, spec) };
}

/**
 * Stage rates with 90% posterior intervals, Beta(s + 1, n − s + 1): all channels pooled, and
 * per channel.
 * @example buildRatesChart(cal, 'USD').name // 'rates'
 */
export function buildRatesChart(cal: Calibration, currency: string): ChartSpec {
  const title = 'Stage rates with 90% intervals';
  const row = (stage: string, group: string, s: number, n: number) => ({
    stage,
    group,
    mean: (s + 1) / (n + 2),
    lo: betaQuantile(0.05, s + 1, n - s + 1),
    hi: betaQuantile(0.95, s + 1, n - s + 1),
    counts: `${s.toLocaleString('en-US')} of ${n.toLocaleString('en-US')}`,
  });
  const values = cal.stages.slice(1).flatMap((st) => [
    row(st.id, 'all channels', st.rate!.successes, st.rate!.trials),
    ...Object.entries(st.byChannel)
      .filter(([, r]) => r.trials > 0)
      .map(([c, r]) => row(st.id, c, r.successes, r.trials)),
  ]);
  const groups = ['all channels', ...cal.channels.map((c) => c.channel)];
  const color = {
    field: 'group',
    type: 'nominal',
    title: null,
    scale: {
      domain: groups,
      range: [
        COLORS.text,
        '#0072B2',
        '#E69F00',
        '#009E73',
        '#CC79A7',
        '#56B4E9',
        '#D55E00',
        '#F0E442',
      ],
    },
  } as const;
  const y = {
    field: 'stage',
    type: 'nominal',
    title: 'Rate into stage',
    sort: cal.stages.slice(1).map((s) => s.id),
  } as const;
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: [
        `${source(cal)} — point: posterior mean, bar: 90% interval of Beta(successes + 1, failures + 1)`,
      ],
    },
    width: 560,
    // with yOffset, the step is that of one channel's row inside a stage's band
    height: { step: 14 },
    data: { values },
    encoding: { y, yOffset: { field: 'group', type: 'nominal', sort: groups }, color },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 2.5 },
        encoding: {
          x: {
            field: 'lo',
            type: 'quantitative',
            title: 'Probability of advancing',
            axis: { format: '.0%' },
            scale: { domain: [0, 1] },
          },
          x2: { field: 'hi' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 40 },
        encoding: {
          x: { field: 'mean', type: 'quantitative' },
          tooltip: [
            { field: 'stage', type: 'nominal', title: 'Stage' },
            { field: 'group', type: 'nominal', title: 'Channel' },
            { field: 'counts', type: 'nominal', title: 'Advanced' },
            { field: 'mean', type: 'quantitative', title: 'Mean', format: '.1%' },
            { field: 'lo', type: 'quantitative', title: '5%', format: '.1%' },
            { field: 'hi', type: 'quantitative', title: '95%', format: '.1%' },
          ],
        },
      },
    ],
  };
  return { name: 'rates', title, spec: themed(currency, spec) };
}

/**
 * Deal sizes per market: quantiles of won amounts against the fitted lognormal's, on log
 * axes, with the line of perfect fit. Null without deal-level data.
 * @example buildDealSizeChart(cal, 'USD')?.name // 'deal-sizes'
 */
export function buildDealSizeChart(cal: Calibration, currency: string): ChartSpec | null {
  const markets = cal.markets.filter((m) => m.qq.length > 0);
  if (markets.length === 0) return null;
  const title = 'Deal sizes: won amounts against the fitted lognormal';
  const values = markets.flatMap((m) =>
    m.qq.map((q) => ({ market: `${m.id} (${m.dealSize!.n} won deals)`, ...q })),
  );
  const lo = Math.min(...values.map((v) => Math.min(v.observed, v.fitted)));
  const hi = Math.max(...values.map((v) => Math.max(v.observed, v.fitted)));
  const axis = { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR, tickCount: 5 } as const;
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: [
        `${source(cal)} — each point: the 2nd, 4th, … 98th percentile; on the line the fit is exact`,
      ],
    },
    data: { values },
    facet: {
      field: 'market',
      type: 'nominal',
      title: null,
      sort: markets.map((m) => `${m.id} (${m.dealSize!.n} won deals)`),
      header: { labelFontSize: 13, labelAnchor: 'start' },
    },
    columns: 2,
    spec: {
      width: 280,
      height: 240,
      layer: [
        {
          data: {
            values: [
              { a: lo, b: lo },
              { a: hi, b: hi },
            ],
          },
          mark: { type: 'line', color: COLORS.muted, strokeDash: [5, 4], strokeWidth: 1.5 },
          encoding: {
            x: { field: 'a', type: 'quantitative' },
            y: { field: 'b', type: 'quantitative' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 28, color: COLORS.forecast },
          encoding: {
            x: {
              field: 'fitted',
              type: 'quantitative',
              title: `Fitted lognormal quantile (${currency})`,
              scale: { type: 'log', domain: [lo, hi] },
              axis,
            },
            y: {
              field: 'observed',
              type: 'quantitative',
              title: `Won amount quantile (${currency})`,
              scale: { type: 'log', domain: [lo, hi] },
              axis,
            },
            tooltip: [
              { field: 'p', type: 'quantitative', title: 'Percentile', format: '.0%' },
              { field: 'observed', type: 'quantitative', title: 'Won amounts', format: '$,.0f' },
              { field: 'fitted', type: 'quantitative', title: 'Fitted', format: '$,.0f' },
            ],
          },
        },
      ],
    },
  };
  return { name: 'deal-sizes', title, spec: themed(currency, spec) };
}

/**
 * The fitted lag of each stage: probability of resolving after 0, 1, 2, … months.
 * @example buildLagsChart(cal, 'USD')?.name // 'lags'
 */
export function buildLagsChart(cal: Calibration, currency: string): ChartSpec | null {
  const stages = cal.stages.filter((s) => s.lag !== null);
  if (stages.length === 0) return null;
  const title = 'Time in the previous stage before resolving';
  // at least months 0…3 on every panel (zero bars are invisible), so one bar never fills a panel
  const values = stages.flatMap((s) =>
    Array.from({ length: Math.max(4, s.lag!.length) }, (_, l) => ({
      stage: `into ${s.id}`,
      months: l,
      probability: s.lag![l] ?? 0,
    })),
  );
  const spec: TopLevelSpec = {
    title: {
      text: title,
      subtitle: [
        `${source(cal)} — ${cal.dealsFile ? 'Kaplan–Meier with open deals right-censored' : 'fitted from monthly arrivals'}`,
      ],
    },
    data: { values },
    facet: {
      field: 'stage',
      type: 'nominal',
      title: null,
      sort: stages.map((s) => `into ${s.id}`),
      header: { labelFontSize: 13, labelAnchor: 'start' },
    },
    columns: 2,
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: 280,
      height: 120,
      // quantitative months with bars ±0.35 wide, so one bar is not a whole panel wide
      transform: [
        { calculate: 'datum.months - 0.35', as: 'from' },
        { calculate: 'datum.months + 0.35', as: 'to' },
      ],
      mark: { type: 'bar', color: COLORS.forecast },
      encoding: {
        x: {
          field: 'from',
          type: 'quantitative',
          title: 'Months',
          scale: { domainMin: -0.6, nice: false },
          axis: { tickMinStep: 1, format: 'd' },
        },
        x2: { field: 'to' },
        y: {
          field: 'probability',
          type: 'quantitative',
          title: 'Probability',
          axis: { format: '.0%' },
        },
        y2: { datum: 0 },
        tooltip: [
          { field: 'months', type: 'quantitative', title: 'Months' },
          { field: 'probability', type: 'quantitative', title: 'Probability', format: '.1%' },
        ],
      },
    },
  };
  return { name: 'lags', title, spec: themed(currency, spec) };
}

/**
 * Every calibration chart that has something to show.
 * @example buildCalibrationCharts(cal, 'USD').map((c) => c.name)
 */
export function buildCalibrationCharts(calibration: Calibration, currency: string): ChartSpec[] {
  checkArgument('buildCalibrationCharts', 'calibration', calibration, ARG.calibration);
  checkArgument('buildCalibrationCharts', 'currency', currency, ARG.currency);
  return [
    buildLeadsFitChart(calibration, currency),
    buildResponseChart(calibration, currency),
    buildRatesChart(calibration, currency),
    buildDealSizeChart(calibration, currency),
    buildLagsChart(calibration, currency),
  ].filter((c): c is ChartSpec => c !== null);
}
