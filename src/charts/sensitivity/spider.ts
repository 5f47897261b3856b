/**
 * The spider: the metric as each of the top inputs moves through its percentiles (P10 … P90),
 * every other uncertain input at its median. Steep lines are strong levers; a curved line
 * shows a lever whose effect grows or fades (a saturating channel, a capacity limit).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityResult } from '../../analysis/sensitivity/types.js';
import type { ChartSpec } from '../common.js';
import { themed } from '../compare/common.js';
import { formatTrials } from '../format.js';
import { COLORS, PALETTE } from '../theme.js';
import {
  baseRow,
  capitalised,
  inputLabels,
  inputText,
  metricAxis,
  metricName,
  sensitivitySubtitle,
} from './common.js';

/**
 * Lines of `spider` per input; null when no input has a spider line.
 * @example buildSpiderChart(result)?.name // 'spider'
 */
export function buildSpiderChart(r: SensitivityResult): ChartSpec | null {
  if (r.spider.length === 0) return null;
  const domains = new Map(r.inputs.map((i) => [i.path, i.domain]));
  const names = inputLabels(r);
  const name = (path: string) => names.get(path) ?? path;
  const rows = r.spider.flatMap((line, order) =>
    line.points.map((p) => ({
      input: name(line.path),
      path: line.path,
      order,
      percentile: Math.round(p.percentile * 100),
      output: p.output,
      value: inputText(
        { path: line.path, domain: domains.get(line.path) ?? 'real' },
        p.value,
        r.currency,
      ),
    })),
  );
  const axis = metricAxis(r, capitalised(metricName(r)));
  const spot = labelSpot(rows, r.base);
  const colours = PALETTE.filter((c) => c !== COLORS.target);
  const title = `${capitalised(metricName(r))} as each top input moves from its P10 to its P90`;
  const meaning = `lines: the metric with the input at each percentile, every other input at its median`;
  const runs = `${formatTrials(r.trials.tornado)} a point, the same trials for every point`;
  const spec: TopLevelSpec = {
    title: { text: title, subtitle: sensitivitySubtitle(r, meaning, runs) },
    layer: [
      {
        // Solid, not dashed: a dashed line means a target on every other chart. Labelled
        // with what it is, since it is not the forecast's median.
        data: {
          values: [baseRow(r)],
        },
        layer: [
          {
            mark: { type: 'rule', color: COLORS.muted, strokeWidth: 1 },
            encoding: { y: { field: 'base', type: 'quantitative' } },
          },
          {
            mark: {
              type: 'text',
              align: spot.right ? 'right' : 'left',
              baseline: spot.above ? 'bottom' : 'top',
              dx: spot.right ? -4 : 4,
              dy: spot.above ? -3 : 3,
              color: COLORS.muted,
            },
            encoding: {
              x: { value: spot.right ? 'width' : 0 },
              y: { field: 'base', type: 'quantitative' },
              text: { field: 'label' },
            },
          },
        ],
      },
      {
        data: { values: rows },
        mark: { type: 'line', point: { size: 40, filled: true } },
        encoding: {
          x: {
            field: 'percentile',
            type: 'quantitative',
            title: 'Percentile of the input’s distribution',
            scale: { domain: [10, 90] },
            axis: { values: [10, 20, 30, 40, 50, 60, 70, 80, 90], labelExpr: "'P' + datum.value" },
          },
          y: {
            field: 'output',
            type: 'quantitative',
            title: axis.title,
            axis: axis.axis,
            scale: { zero: false },
          },
          color: {
            field: 'input',
            type: 'nominal',
            title: 'Input',
            scale: {
              domain: r.spider.map((l) => name(l.path)),
              range: colours.slice(0, r.spider.length),
            },
            legend: { columns: 2, symbolType: 'stroke', symbolStrokeWidth: 3, labelLimit: 360 },
          },
          tooltip: [
            { field: 'input', type: 'nominal', title: 'Input' },
            { field: 'path', type: 'nominal', title: 'Dot path' },
            { field: 'percentile', type: 'quantitative', title: 'Percentile' },
            { field: 'value', type: 'nominal', title: 'Input value' },
            { field: 'output', type: 'quantitative', title: 'Metric', format: axis.tooltip },
          ],
        },
      },
    ],
  };
  return { name: 'spider', title, spec: themed(r.currency, spec) };
}

/**
 * Where the centre line's label is least in the way of the lines: of the four ends of the line
 * (left or right, above or below), the one with the fewest points in a band a tenth of the
 * chart's height beside it; right and below first on a tie.
 */
function labelSpot(
  rows: readonly { percentile: number; output: number }[],
  base: number,
): { right: boolean; above: boolean } {
  const outs = rows.map((x) => x.output).concat(base);
  const band = 0.1 * (Math.max(...outs) - Math.min(...outs));
  const spots = [
    { right: true, above: false },
    { right: true, above: true },
    { right: false, above: true },
    { right: false, above: false },
  ];
  const crowd = (s: { right: boolean; above: boolean }) =>
    rows.filter(
      (x) =>
        (s.right ? x.percentile >= 60 : x.percentile <= 40) &&
        (s.above
          ? x.output >= base && x.output <= base + band
          : x.output <= base && x.output >= base - band),
    ).length;
  return spots.reduce((best, s) => (crowd(s) < crowd(best) ? s : best));
}
