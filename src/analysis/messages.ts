/**
 * Messages of the what-if analyses (compare, sensitivity), in one place. They name the
 * variant, input path or metric and say what was expected; the CLI prefixes the flag.
 */
import { MAX_SPIDER_INPUTS } from '../defaults.js';
import { expected } from '../scenario/messages.js';

const list = (names: readonly string[]): string => (names.length === 0 ? 'none' : names.join(', '));

export const whatIfMsg = {
  noVariant: (name: string, suggestion: string | null, known: readonly string[]) =>
    `no variant ${JSON.stringify(name)}${suggestion === null ? '' : `; did you mean ${suggestion}?`} The scenario has ${list(known)}`,
  variantTwice: (name: string) => `variant ${JSON.stringify(name)} is named twice`,
  notOwnVariant: (asked: unknown, own: string | null) => {
    const plan = (v: string | null) =>
      v === null ? 'the base plan' : `variant ${JSON.stringify(v)}`;
    if (asked === null)
      return `the model is ${plan(own)}, not the base plan: pass the base plan (loadModel(file) or bundle.base), or leave variant out`;
    if (typeof asked !== 'string')
      return expected(
        `the variant the model was compiled as (${own === null ? 'null: it is the base plan' : JSON.stringify(own)})`,
        asked,
      );
    const q = JSON.stringify(asked);
    return `the model is ${plan(own)}, not ${plan(asked)} (a result names the variant its model was compiled as): pass that variant's plan, loadModel(file, { variant: ${q} }) or bundle.variants.get(${q}), or leave variant out`;
  },
  whatIfClash: (name: string) =>
    `the what-if ${JSON.stringify(name)} is named like a compared plan`,
  noMetric: (name: string) =>
    `no sensitivity metric ${JSON.stringify(name)}: expected bookings, profit or target`,
  noTarget: () =>
    'the metric target is the probability of reaching targets.bookings, which the scenario does not set',
  varyNoInput: (path: string, suggestion: string | null) =>
    `no input ${path} to vary${suggestion === null ? '' : `; did you mean ${suggestion}?`} (an input of the scenario, or channels.<id>.spend)`,
  varyUncertain: (path: string) =>
    `${path} is uncertain: the tornado already moves it from its P10 to its P90 (--vary is for fixed inputs)`,
  varyAmount: (path: string, got: unknown) =>
    expected(`a change of ${path} such as ±20% (a percentage above 0 and below 100)`, got),
  varyWhole: (path: string, value: number, by: number) =>
    `${path} is a whole number (${value}), rounded in every trial: ±${Math.round(by * 1e4) / 100}% of it moves it by less than ½, so it would not move; vary it by at least ±${Math.ceil(50 / value)}%`,
  varyTwice: (path: string) => `${path} is varied twice`,
  varySpendBounds: (
    channel: string,
    factor: number,
    period: string,
    value: number,
    min: number,
    max: number,
  ) =>
    `channels.${channel}.spend × ${factor} is ${value} in ${period}, outside its min_spend ${min} … max_spend ${max}; vary it by less or widen the bounds`,
  varyZero: (path: string) =>
    `${path} is 0: a percentage of it is still 0, so varying it shows nothing`,
  noInputs: () =>
    'the plan has no uncertain input and nothing to --vary: there is no sensitivity to show',
  top: (got: unknown) =>
    expected(`a whole number of inputs for the spider chart from 1 to ${MAX_SPIDER_INPUTS}`, got),
} as const;
