/**
 * Goal-seek: the probability of reaching the target against the lever's value, on the
 * search's trials, with the wanted probability as a rule, the answer marked (or the plain
 * statement that nothing within bounds reaches it) and the plan's own value marked.
 */
import { confirmation, fewestToConfirm } from '../analysis/goal/confirm.js';
import type { GoalResult } from '../analysis/goal/seek.js';
import { ARG } from '../util/argument-kinds.js';
import { checkArgument } from '../util/arguments.js';
import { type ChartSpec, finishWith, type Layer } from './common.js';
import { formatCompact, formatMoney, formatPercent } from './format.js';
import { goalXDomain, labelPlaces } from './goal-labels.js';
import { COLORS, MONEY_AXIS_FORMAT, MONEY_LABEL_EXPR, PERCENT_STEP_AXIS_FORMAT } from './theme.js';
import { unitText } from './unit-text.js';

/**
 * The lever axis by the lever's unit: money compact in the currency (3 digits: a spend axis
 * starts at $0, which the step-derived money format would write "$0k"), a rate as a
 * percentage at the tick step's precision, other numbers as Vega writes them.
 */
const LEVER_AXES = {
  money: { format: MONEY_AXIS_FORMAT, labelExpr: MONEY_LABEL_EXPR },
  percent: { format: PERCENT_STEP_AXIS_FORMAT },
  number: {},
} as const;

/** The lever's value in the tooltip: money to the cent, a rate to 0.001 points. */
const LEVER_TOOLTIPS = { money: '$,.2~f', percent: '.3~%', number: ',.2~f' } as const;

/**
 * Line and points of P(metric ≥ target) over the lever's bounds.
 * @example buildGoalChart(goal, 'USD', 'Acme FY2027 plan').name // 'goal'
 */
export function buildGoalChart(goal: GoalResult, currency: string, scenario: string): ChartSpec {
  checkArgument('buildGoalChart', 'goal', goal, ARG.goal);
  checkArgument('buildGoalChart', 'currency', currency, ARG.currency);
  checkArgument('buildGoalChart', 'scenario', scenario, ARG.scenarioName);
  // The lever's values in its own unit: money ("$29.8k"), a rate as a percentage ("0.58%").
  const show = (v: number) =>
    goal.unit === 'number'
      ? formatCompact(v, goal.lever_kind === 'hires' ? 2 : 3)
      : unitText(goal.unit, v, currency);
  const metric = goal.target.metric;
  const moneyTarget = ['bookings', 'profit', 'spend'].some((m) => metric.includes(m));
  const targetText = `${metric} ≥ ${moneyTarget ? formatMoney(goal.target.value, currency) : formatCompact(goal.target.value)}`;
  const title = `What it takes: ${targetText} with ${formatPercent(goal.probability)} probability`;
  // Spend and budget are per period; a cost field says for itself what it is per.
  const perMonth = goal.lever_kind === 'spend' || goal.lever_kind === 'budget';
  const leverTitle =
    goal.unit === 'money'
      ? `${goal.lever} (${currency}${perMonth ? ' per month' : ''})`
      : goal.lever;
  const x = {
    field: 'value',
    type: 'quantitative' as const,
    title: leverTitle,
    // The domain Vega would choose, set here so that the labels can be placed clear of the curve.
    scale: { domain: goalXDomain(goal), nice: false, zero: false },
    axis: LEVER_AXES[goal.unit],
  };
  const answerLabel =
    goal.value === null
      ? ''
      : `${show(goal.value)}: ${formatPercent(goal.achieved_probability)} on fresh trials`;
  const planLabel = goal.current === null ? '' : `plan: ${show(goal.current)}`;
  const places = labelPlaces(goal, { answer: answerLabel, plan: planLabel });
  const layers: Layer[] = [
    {
      data: { values: goal.points.map((p) => ({ value: p.value, probability: p.probability })) },
      layer: [
        {
          mark: { type: 'line', color: COLORS.forecast, strokeWidth: 2, interpolate: 'monotone' },
          encoding: {
            x,
            y: {
              field: 'probability',
              type: 'quantitative',
              title: `P(${targetText})`,
              scale: { domain: [0, 1] },
              axis: { format: '.0%' },
            },
          },
        },
        {
          mark: { type: 'point', filled: true, color: COLORS.forecast, size: 40 },
          encoding: {
            x,
            y: { field: 'probability', type: 'quantitative' },
            tooltip: [
              {
                field: 'value',
                type: 'quantitative',
                title: goal.lever,
                format: LEVER_TOOLTIPS[goal.unit],
              },
              { field: 'probability', type: 'quantitative', title: 'probability', format: '.1%' },
            ],
          },
        },
      ],
    },
    {
      data: {
        values: [
          { probability: goal.probability, label: `wanted: ${formatPercent(goal.probability)}` },
        ],
      },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.target, strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: { y: { field: 'probability', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', color: COLORS.target, align: 'left', dx: 4, dy: -7, x: 0 },
          encoding: { y: { field: 'probability', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    },
  ];
  if (goal.value !== null) {
    layers.push({
      data: {
        values: [
          {
            value: goal.value,
            probability: goal.search_probability ?? goal.achieved_probability,
            label: answerLabel,
          },
        ],
      },
      layer: [
        {
          mark: { type: 'rule', color: COLORS.target, strokeWidth: 1.5 },
          encoding: { x },
        },
        {
          mark: { type: 'point', shape: 'diamond', filled: true, color: COLORS.target, size: 120 },
          encoding: { x, y: { field: 'probability', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', color: COLORS.text, ...places.answer, fontWeight: 'bold' },
          encoding: {
            x,
            y: { field: 'probability', type: 'quantitative' },
            text: { field: 'label' },
          },
        },
      ],
    });
  }
  if (goal.current !== null && goal.current_probability !== null) {
    layers.push({
      data: {
        values: [
          {
            value: goal.current,
            probability: goal.current_probability,
            label: planLabel,
          },
        ],
      },
      layer: [
        {
          mark: {
            type: 'point',
            shape: 'circle',
            filled: false,
            color: COLORS.text,
            size: 110,
            strokeWidth: 2,
          },
          encoding: { x, y: { field: 'probability', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', color: COLORS.muted, ...places.plan },
          encoding: {
            x,
            y: { field: 'probability', type: 'quantitative' },
            text: { field: 'label' },
          },
        },
      ],
    });
  }
  const meaning =
    goal.value === null
      ? `no value from ${show(goal.bounds.min)} to ${show(goal.bounds.max)} reaches it; the best is ${formatPercent(Math.max(...goal.points.map((p) => p.probability)))}`
      : `the smallest ${goal.lever} that reaches it: ${show(goal.value)}`;
  const run = `${runText(goal)} · salesops goal-seek`;
  return finishWith(
    { currency, scenario, run },
    { name: 'goal', title, meaning, body: { layer: layers } },
  );
}

/**
 * The footnote's run and what the fresh trials made of the answer, as `confirmed` and the
 * sentence say it (confirm.ts): confirmed, short of the goal, too few to confirm it, or no
 * answer to confirm.
 */
function runText(goal: GoalResult): string {
  const n = goal.trials;
  const search =
    n === 1
      ? `1 trial per point, the same trial for every point · seed ${goal.seed}`
      : `${n.toLocaleString('en-US')} trials per point, the same trials for every point · seed ${goal.seed}`;
  const fresh = `fresh trials (seed ${goal.confirm_seed})`;
  if (goal.value === null) return `${search}; no answer, so nothing to confirm`;
  // One fresh trial cannot estimate the error the confirmation tests against (achieved_se null).
  if (goal.achieved_se === null)
    return `${search}; 1 fresh trial (seed ${goal.confirm_seed}) cannot confirm the answer`;
  const pct = (p: number) => formatPercent(p, 1);
  const achieved = `${pct(goal.achieved_probability)} ± ${(100 * goal.achieved_se).toFixed(1)} pp`;
  if (goal.confirmed === true) return `${search}; the answer confirmed on ${fresh}: ${achieved}`;
  if (confirmation(goal.achieved_probability, n, goal.probability) === 'too-few')
    return `${search}; ${n.toLocaleString('en-US')} ${fresh}, ${pct(goal.achieved_probability)}, are too few to confirm ${pct(goal.probability)} (it takes ${fewestToConfirm(goal.probability).toLocaleString('en-US')})`;
  return `${search}; not borne out on ${fresh}: ${achieved}, short of ${pct(goal.probability)} beyond its error`;
}
