/**
 * What `sensitivity` returns, in the JSON form the CLI prints. The stable core
 * (docs/what-ifs.md): `{ metric, base, inputs: [{path, low, high, output_low, output_high,
 * swing, variance_share}] }`, largest swing first; the rest is extra.
 */
import type { Domain } from '../../model/dist.js';

/** The output a sensitivity analysis explains. */
export type SensitivityMetric = 'bookings' | 'profit' | 'target';

/** One input's tornado bar and variance share. */
export interface SensitivityInput {
  /** Dot path as users write it, stages by id: `funnel.won.rate`, `channels.events.spend`. */
  readonly path: string;
  /**
   * What charts and tables call it, from the scenario's labels: "Won · rate", "Paid search ·
   * half spend" (absent in results written before labels were added: show the path).
   */
  readonly label?: string;
  /** What values it takes: `rate` (0 … 1, shown as a percentage), `positive`, `real`. */
  readonly domain: Domain;
  /** `uncertain` (P10 to P90 of its distribution) or `varied` (a fixed input, `--vary ±x%`). */
  readonly kind: 'uncertain' | 'varied';
  /** The input's low and high values (for a channel's spend: its mean spend per period). */
  readonly low: number;
  readonly high: number;
  /** The metric's mean with the input at `low` and at `high`, every other input at its median. */
  readonly output_low: number;
  readonly output_high: number;
  /** |output_high − output_low|. */
  readonly swing: number;
  /** Monte Carlo standard error of output_high − output_low (paired trials); null for one trial. */
  readonly swing_se: number | null;
  /** First-order share of the metric's variance: Var(E[metric | input]) / Var(metric); 0 for a fixed input. */
  readonly variance_share: number;
  /** Bootstrap standard error of the share (0 for a fixed input; null for one trial). */
  readonly variance_share_se: number | null;
  /** For a varied input: the fraction it moves by (0.2 for ±20%); null for an uncertain one. */
  readonly varied_by: number | null;
}

/** One input's curve on the spider chart: the metric at the input's percentiles. */
export interface SpiderLine {
  readonly path: string;
  readonly points: readonly {
    /** The input's percentile, 0.1 … 0.9. */
    readonly percentile: number;
    /** The input's value there. */
    readonly value: number;
    /** The metric's mean with the input there, every other input at its median. */
    readonly output: number;
  }[];
}

/** A share of variance with its bootstrap error (null for one trial, which cannot estimate it). */
export interface Share {
  readonly share: number;
  readonly se: number | null;
}

export interface SensitivityResult {
  readonly scenario: string;
  readonly currency: string;
  readonly variant: string | null;
  readonly metric: SensitivityMetric;
  /** The metric's mean with every uncertain input at its median: the tornado's centre. */
  readonly base: number;
  /**
   * The metric's mean and sample sd over the plan's uncertain inputs (the variance runs'
   * trials); sd is null for one trial, which cannot estimate it.
   */
  readonly mean: number;
  readonly sd: number | null;
  /** Target of the `target` metric (P(horizon bookings ≥ it)); null for the others. */
  readonly target: number | null;
  /** Largest swing first. */
  readonly inputs: readonly SensitivityInput[];
  /** Share of the variance no input explains: the funnel's own binomial, Poisson and deal-size noise. */
  readonly noise: Share;
  /**
   * What is left, 1 − Σ input shares − noise: effects that only combinations of inputs have
   * (interactions), and — when inputs are correlated — minus what their shares count twice.
   */
  readonly interactions: Share;
  readonly spider: readonly SpiderLine[];
  readonly seed: number;
  readonly trials: {
    /** Trials of each of the two variance runs. */
    readonly variance: number;
    /** Trials of each tornado and spider run. */
    readonly tornado: number;
  };
  readonly estimator: {
    /** How the shares were estimated, in words. */
    readonly method: string;
    readonly bins: number;
    readonly bootstrap: number;
  };
}
