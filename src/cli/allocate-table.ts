/**
 * The readable terminal summary of an allocation: the split (current, recommended, bound,
 * value of one more step), the honest uplift, the certificate, capacity, and the budget
 * curve. Every number is the JSON's, printed with the report's formats.
 */

import type { RoleLoad } from '../analysis/allocate/capacity.js';
import type { AllocationResult } from '../analysis/allocate/types.js';
import { formatCompact as compact, formatPercent, formatTrials } from '../charts/format.js';
import {
  formatObjective,
  formatObjectiveChange,
  formatObjectiveError,
} from '../charts/objective-format.js';
import { table, tooFewTrials as tooFew } from './format.js';

/** Most significant digits {@link exact} shows. */
const MAX_DIGITS = 7;

/**
 * A budget as the user gave it: compact, with as many significant digits as it takes to show
 * the number itself (102,500 → "102.5k", not "103k"), up to 7.
 * @example exact(102500) // "102.5k"
 */
function exact(x: number): string {
  let d = 3;
  while (d < MAX_DIGITS && Number(x.toPrecision(d)) !== x) d++;
  return compact(x, d);
}

/**
 * Renders the terminal summary of an allocation.
 * @example ctx.out(allocateTable(await allocate(model)))
 */
export function allocateTable(r: AllocationResult): string {
  const value = (v: number) => formatObjective(r.objective, v, r.currency);
  const pm = (se: number) => formatObjectiveError(r.objective, se, r.currency).replace(/ \+/, ' ');
  const change = (v: number) => formatObjectiveChange(r.objective, v, r.currency);
  const signed = (v: number) => (v === 0 ? '0' : `${v > 0 ? '+' : '−'}${compact(Math.abs(v))}`);
  const cert = r.certificate;
  const rows = cert.channels.map((c) => {
    const cur = r.current[c.channel]!;
    const next =
      c.up === null
        ? 'at its maximum'
        : `${change(c.up.value * cert.step)} ${pm(c.up.se * cert.step)}`;
    return [
      c.channel,
      `${compact(cur)}${r.current_varies.includes(c.channel) ? '*' : ''}`,
      compact(c.spend),
      signed(c.spend - cur),
      c.bound === null ? '' : c.bound === 'max_share' ? 'max share' : c.bound,
      next,
    ];
  });
  const head = [
    `${r.scenario}${r.variant ? ` — variant ${r.variant}` : ''}: split ${exact(r.budget)} a period across ${cert.channels.length} channel${cert.channels.length === 1 ? '' : 's'} to maximise ${r.objective_description} (${r.currency})`,
    `${formatTrials(r.trials)}, seed ${r.seed}; searched on seed ${r.search.seed} (${r.search.stages.map((s) => s.trials.toLocaleString('en-US')).join(' then ')} trial${r.search.stages.at(-1)?.trials === 1 ? '' : 's'}), ${r.search.evaluations.runs} simulation runs`,
    '',
    table([
      [
        'channel',
        'current',
        'recommended',
        'change',
        'bound',
        `next ${compact(cert.step)} a period`,
      ],
      ...rows,
      [
        'total',
        compact(r.current_total),
        compact(r.spent),
        signed(r.spent - r.current_total),
        '',
        '',
      ],
    ]),
  ];
  if (r.current_varies.length > 0) {
    head.push('* the plan varies this spend by period: shown as its mean per period');
  }
  if (cert.channels.some((c) => c.up !== null && !Number.isFinite(c.up.se))) {
    head.push(`n/a: ${tooFew(cert.trials)}`);
  }
  const lines = [...head, ''];
  if (r.unspent > 0) {
    lines.push(
      `every channel is at its maximum: ${compact(r.unspent)} of the ${exact(r.budget)} budget is left unspent`,
    );
  }
  if (Math.abs(r.current_total - r.spent) >= r.step / 2) {
    lines.push(
      `the current plan spends ${compact(r.current_total)} a period on these channels, ${compact(Math.abs(r.current_total - r.spent))} ${r.current_total > r.spent ? 'more' : 'less'} than the split: the uplift includes that`,
    );
  }
  const ov = r.objective_value;
  lines.push(
    `${r.objective_description}: current plan ${value(ov.current.value)} → recommended ${value(ov.recommended.value)}`,
    `uplift ${change(r.uplift.mean)} (${Number.isFinite(r.uplift.se) ? `90% interval ${change(r.uplift.lo)} to ${change(r.uplift.hi)}` : `90% interval not available: ${tooFew(r.trials)}`}); better in ${formatPercent(r.probability_better, 1)} of trials`,
    `  (on the run's own trials, which the search never saw: no winner's curse)`,
    `largest channel: ${r.largest_share.channel} with ${formatPercent(r.largest_share.share, 0)} of the spend${r.max_share === null ? '' : ` (max_share ${formatPercent(r.max_share, 0)})`}`,
  );
  lines.push('', ...certificateLines(r, value, change, pm));
  lines.push('', ...capacityLines(r));
  const next = r.budget_curve.next_10_percent;
  if (next !== null) {
    lines.push(
      '',
      `next 10% of budget (+${compact(next.budget)} a period): ${change(next.gain)} ${pm(next.se)}`,
    );
  }
  const points = r.budget_curve.points;
  const top = points.reduce<(typeof points)[number] | null>(
    (a, p) =>
      p.difference !== null && (a === null || p.difference.mean > a.difference!.mean) ? p : a,
    null,
  );
  if (top !== null && top.share !== 1 && top.difference!.mean > 2 * top.difference!.se) {
    lines.push(
      `of the budgets tried, ${compact(top.budget)} a period (${Math.round(top.share * 100)}%) does best: ${change(top.difference!.mean)} against the budget`,
    );
  }
  if (points.length > 0) {
    lines.push(
      `budget curve (${formatTrials(r.budget_curve.trials)}, best split found at each budget):`,
      table([
        ['budget', ...points.map((p) => compact(p.budget))],
        ['objective', ...points.map((p) => (p.value === null ? 'infeasible' : value(p.value)))],
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function certificateLines(
  r: AllocationResult,
  value: (v: number) => string,
  change: (v: number) => string,
  pm: (se: number) => string,
): string[] {
  const c = r.certificate;
  const out = [
    `certificate (${c.trials.toLocaleString('en-US')} search trials, moves of ${compact(c.step)} a period):`,
  ];
  const eq = c.equal_marginals;
  if (eq.channels.length >= 2) {
    out.push(
      `  inside their bounds: ${eq.channels.join(', ')}; returns per step differ by ${value(eq.spread * c.step)},`,
      Number.isFinite(eq.tolerance)
        ? `    tolerance ${value(eq.tolerance * c.step)}: ${eq.holds ? 'equal within tolerance' : 'NOT equal within tolerance'}`
        : `    tolerance not available (${tooFew(c.trials)}): cannot tell whether they are equal`,
    );
  } else {
    out.push(
      `  ${eq.channels.length === 1 ? `only ${eq.channels[0]} is inside its bounds` : 'every channel is at a bound'}: nothing to equalise`,
    );
  }
  const bound = c.channels.filter((ch) => ch.bound !== null);
  if (bound.length > 0) {
    out.push(
      `  binding bounds: ${bound.map((ch) => `${ch.channel} at its ${ch.bound === 'max_share' ? 'max_share cap' : ch.bound}`).join(', ')}`,
    );
  }
  if (c.transfers_tried.length > 0) {
    out.push(
      c.transfers_tried.length === 1
        ? '  1 transfer predicted to gain was tried at the result; it did not gain more than its standard error'
        : `  ${c.transfers_tried.length} transfers predicted to gain were tried at the result; none gained more than its standard error`,
    );
  }
  if (c.best_transfer !== null) {
    const b = c.best_transfer;
    out.push(
      `  best one-step transfer (predicted): ${b.from} → ${b.to} ${change(b.gain)} ${pm(b.se)}`,
    );
  }
  out.push(
    `  search: started from the ${r.search.start === 'fixed' ? 'only feasible split' : `${r.search.start} split`}, ${r.search.moves.length} move${r.search.moves.length === 1 ? '' : 's'} accepted`,
  );
  return out;
}

function capacityLines(r: AllocationResult): string[] {
  const describe = (loads: readonly RoleLoad[]) =>
    loads
      .map(
        (l) =>
          `${l.role} ${formatPercent(l.utilisation, 0)} busy, ${formatPercent(l.lost_share, 1)} of ${l.stage} lost waiting${l.saturated ? ' (saturated)' : ''}`,
      )
      .join('; ');
  if (r.capacity.recommended.length === 0)
    return ['capacity: no role works a stage of this funnel'];
  const cur = r.capacity.current.filter((l) => l.saturated).map((l) => l.role);
  return [
    r.capacity.binding.length > 0
      ? `capacity binds at the recommendation: ${r.capacity.binding.join(', ')} (extra leads there are worth little until the team grows)`
      : `capacity does not bind at the recommendation${cur.length > 0 ? ` (it does at the current plan: ${cur.join(', ')})` : ''}`,
    `  current:     ${describe(r.capacity.current)}`,
    `  recommended: ${describe(r.capacity.recommended)}`,
  ];
}
