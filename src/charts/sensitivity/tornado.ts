/**
 * The tornado: for each input, the metric with that input at its P10 and at its P90 (a
 * `--vary` input at −x% and +x%), every other uncertain input at its median, as two bars from
 * the median plan's value; the input's low and high values written at the bars' ends; inputs
 * sorted by swing, the largest on top.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityResult } from '../../analysis/sensitivity/types.js';
import { TORNADO_ROWS } from '../../defaults.js';
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

/** Okabe–Ito orange for the input's low end, blue for its high end. */
const LOW = PALETTE[1];
const HIGH = PALETTE[0];

/**
 * Tornado of `inputs` (the TORNADO_ROWS largest swings); null without inputs.
 * @example buildTornadoChart(result)?.name // 'tornado'
 */
export function buildTornadoChart(r: SensitivityResult): ChartSpec | null {
  if (r.inputs.length === 0) return null;
  const shown = r.inputs.slice(0, TORNADO_ROWS);
  const names = inputLabels(r);
  const rows = shown.flatMap((i, order) => {
    const range = i.kind === 'varied' ? `±${formatShare(i.varied_by ?? 0)}` : 'P10–P90';
    const input = `${names.get(i.path) ?? i.path} (${range})`;
    return [
      {
        input,
        order,
        end: i.kind === 'varied' ? `−${formatShare(i.varied_by ?? 0)}` : 'P10',
        side: 'input low',
        output: i.output_low,
        value: inputText(i, i.low, r.currency),
        swing: i.swing,
      },
      {
        input,
        order,
        end: i.kind === 'varied' ? `+${formatShare(i.varied_by ?? 0)}` : 'P90',
        side: 'input high',
        output: i.output_high,
        value: inputText(i, i.high, r.currency),
        swing: i.swing,
      },
    ].map((d) => ({ ...d, base: r.base, right: d.output >= r.base }));
  });
  const axis = metricAxis(r, capitalised(metricName(r)));
  const hidden = r.inputs.length - shown.length;
  // Room beyond the longest bars for the input values written at their ends.
  const outs = shown.flatMap((i) => [i.output_low, i.output_high, r.base]);
  const lo = Math.min(...outs);
  const hi = Math.max(...outs);
  const pad = Math.max(hi - lo, Math.abs(r.base) * 1e-3, 1e-9) * 0.12;
  const title = `What moves ${metricName(r)} most`;
  const meaning = `bars: the metric with one input at its low end (orange) or high end (blue), every other at its median; labels: the input's value`;
  const runs = `${formatTrials(r.trials.tornado)} a run, the same trials for every bar${hidden === 1 ? ' · 1 input with a smaller swing not shown' : hidden > 1 ? ` · ${hidden} inputs with smaller swings not shown` : ''}`;
  const y = {
    field: 'input',
    type: 'nominal',
    title: null,
    sort: { field: 'order', op: 'min', order: 'ascending' },
    axis: { labelLimit: 360 },
  } as const;
  const spec: TopLevelSpec = {
    title: { text: title, subtitle: sensitivitySubtitle(r, meaning, runs) },
    height: { step: 30 },
    layer: [
      {
        data: { values: rows },
        encoding: { y },
        layer: [
          {
            mark: { type: 'bar', height: { band: 0.7 } },
            encoding: {
              x: {
                field: 'base',
                type: 'quantitative',
                title: axis.title,
                // A probability's padding reaches below 0 or above 1: ticks only where it means something.
                axis:
                  r.metric === 'target'
                    ? { ...axis.axis, values: Array.from({ length: 11 }, (_, k) => k / 10) }
                    : { ...axis.axis, tickCount: 8 },
                // Money ticks land on round values (the padded domain is widened to them); a
                // probability's ticks are set above.
                scale: { domain: [lo - pad, hi + pad], nice: r.metric !== 'target', zero: false },
              },
              x2: { field: 'output' },
              color: {
                field: 'side',
                type: 'nominal',
                title: null,
                scale: { domain: ['input low', 'input high'], range: [LOW, HIGH] },
                // Below the plot: above it, it would crowd the centre's label.
                legend: {
                  orient: 'bottom',
                  labelExpr:
                    "datum.label == 'input low' ? 'input at its low end (P10 or −x%)' : 'input at its high end (P90 or +x%)'",
                },
              },
              tooltip: [
                { field: 'input', type: 'nominal', title: 'Input' },
                { field: 'end', type: 'nominal', title: 'At' },
                { field: 'value', type: 'nominal', title: 'Input value' },
                { field: 'output', type: 'quantitative', title: 'Metric', format: axis.tooltip },
              ],
            },
          },
          // The input's value just outside the end of its bar (right of a bar to the right).
          ...([true, false] as const).map((right) => ({
            transform: [{ filter: right ? 'datum.right' : '!datum.right' }],
            mark: {
              type: 'text' as const,
              fontSize: 11,
              color: COLORS.text,
              align: right ? ('left' as const) : ('right' as const),
              dx: right ? 4 : -4,
            },
            encoding: {
              x: { field: 'output', type: 'quantitative' as const },
              text: { field: 'value' },
            },
          })),
        ],
      },
      {
        data: {
          values: [baseRow(r)],
        },
        layer: [
          {
            mark: { type: 'rule', color: COLORS.text, strokeWidth: 1.5 },
            encoding: { x: { field: 'base', type: 'quantitative' } },
          },
          {
            mark: {
              type: 'text',
              y: 0,
              dy: -6,
              baseline: 'bottom',
              color: COLORS.text,
              fontWeight: 'bold',
            },
            encoding: { x: { field: 'base', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
  return { name: 'tornado', title, spec: themed(r.currency, spec) };
}

function formatShare(x: number): string {
  return `${Number((x * 100).toPrecision(3))}%`;
}
