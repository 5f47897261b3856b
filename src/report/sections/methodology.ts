/** Methodology: what was simulated and how to read the uncertainty. No links: the report stays offline. */
import { formatPercent, formatTrials } from '../../charts/format.js';
import { escapeHtml } from '../escape.js';
import type { ReportInput, ReportSection } from '../section.js';

/** Methodology section: model, trials, seed, sampling, Monte Carlo error, precision and correlations. */
export const methodologySection: ReportSection = {
  id: 'methodology',
  title: 'Methodology',
  render({ result, model }: ReportInput): string {
    const uncertain = model.params.filter((p) => p.dist.kind !== 'fixed').length;
    const sampling =
      result.sampling === 'lhs'
        ? 'Latin hypercube sampling: each uncertain input is stratified into as many equal-probability slices as there are trials, so every part of its range is covered.'
        : 'Independent random sampling of the uncertain inputs in each trial.';
    const bookings = result.metrics.bookings.total;
    const rel =
      bookings.se === null ? null : bookings.mean !== 0 ? bookings.se / Math.abs(bookings.mean) : 0;
    const precision =
      result.precision === null
        ? ''
        : `<p>Trials were added until the relative standard error of mean horizon bookings was below ${formatPercent(result.precision.target, 2)}; it reached ${formatPercent(result.precision.achieved, 2)} after ${formatTrials(result.precision.trials)}.</p>`;
    const correlations =
      result.correlations.length === 0
        ? ''
        : `<p>Rank correlations between inputs (Iman–Conover): ${result.correlations
            .map(
              (c) =>
                `<code>${escapeHtml(c.between[0])}</code> and <code>${escapeHtml(c.between[1])}</code>: target ${c.target.toFixed(2)}, achieved ${c.achieved === null ? 'n/a (one trial)' : c.achieved.toFixed(2)}`,
            )
            .join('; ')}.</p>`;
    return `<p>This is a Monte Carlo simulation of the sales funnel, month by month over ${model.calendar.periods} periods.
In ${result.trials === 1 ? 'the one trial' : `each of ${formatTrials(result.trials)}`}, every uncertain input (${uncertain} of the ${model.params.length} inputs listed under Assumptions) is drawn once and held for the whole horizon;
then, each month, the team's capacity is updated (ramp, attrition, hires, backfill), leads arrive from each channel (Poisson, or gamma-Poisson with extra noise),
move through the funnel stage by stage with binomial conversion and lags, wait in the queue of the role that works the stage when capacity is short,
and won deals book a deal size drawn per deal. The installed base adds repeat deals and loses accounts to churn. Costs are channel spend, team cost and initiatives.</p>
<p>${sampling} The random streams are derived from the seed (${result.seed}) and the trial number, so the same file and seed give the same numbers on any machine and with any number of worker threads.</p>
<p>Percentiles (P10, median, P90) are across trials. Every mean carries its Monte Carlo standard error (sd / √trials); ${rel === null ? `one trial cannot estimate it, so every ± reads n/a: run at least 2 trials (hundreds for a useful forecast)` : `for horizon bookings it is ${formatPercent(rel, 2)} of the mean`}.
A probability p of reaching a target carries the error √(p(1−p)/trials). Stacked charts stack means, because means add up and percentiles do not.</p>
${precision}${correlations}`;
  },
};
