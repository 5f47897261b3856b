/** Small allocation scenarios the allocate tests share (YAML text). */

/**
 * Closed form: three fixed-parameter hill curves (shape 1), one market, a fixed deal size,
 * no team and nothing uncertain. Expected horizon bookings are
 * T · rate · deal · Σ max_leads_c · x_c / (x_c + half_spend_c), so the optimum is known.
 * `display` cannot take its interior share (max_spend 15000): one bound binds.
 */
export const CLOSED_FORM = `scenario: Closed form
calendar: {start: 2027-01, periods: 12}
simulation: {trials: 2000, seed: 11}
markets:
  all: {deal_size: 1000}
channels:
  search:
    spend: 30000
    max_spend: 60000
    response: {curve: hill, max_leads: 4000, half_spend: 40000}
  social:
    spend: 30000
    response: {curve: hill, max_leads: 2500, half_spend: 20000}
  display:
    spend: 30000
    min_spend: 5000
    max_spend: 15000
    response: {curve: hill, max_leads: 1500, half_spend: 30000}
funnel:
  - {stage: lead}
  - {stage: won, rate: 0.1}
allocation: {budget: 90000, channels: [search, social, display], objective: revenue, step: 1000}
`;

/** The closed form's parameters, in channel order: [max_leads, half_spend, min, max]. */
export const CLOSED_FORM_CHANNELS = [
  [4000, 40000, 0, 60000],
  [2500, 20000, 0, Number.POSITIVE_INFINITY],
  [1500, 30000, 5000, 15000],
] as const;
/** Periods × won rate × deal size. */
export const CLOSED_FORM_SCALE = 12 * 0.1 * 1000;

/**
 * Capacity-bound: cheap, poorly converting `volume` leads against dearer `quality` leads
 * (three times the win rate), both worked by four SDRs who can take on 200 SQLs a month.
 * Without the team, volume wins (1 lead per 10 against a saturating curve); with it, volume
 * leads beyond what the SDRs can work only crowd out quality ones.
 */
export const CAPACITY = `scenario: Capacity bound
calendar: {start: 2027-01, periods: 12}
simulation: {trials: 2000, seed: 5}
markets:
  all: {deal_size: 1000}
channels:
  volume:
    spend: 10000
    max_spend: 20000
    response: {curve: linear, cost_per_lead: 10}
  quality:
    spend: 10000
    max_spend: 20000
    response: {curve: hill, max_leads: 300, half_spend: 10000}
    rate_factors: {won: 3}
funnel:
  - {stage: lead}
  - {stage: sql, rate: 0.5, worked_by: sdr}
  - {stage: won, rate: 0.2}
team:
  sdr: {headcount: 4, capacity: 50, queue_loss: 0.5}
allocation: {budget: 20000, channels: [volume, quality], objective: revenue, step: 1000}
`;

/** The same funnel with nobody working it: no capacity limit. */
export const NO_TEAM = CAPACITY.replace(', worked_by: sdr', '').replace(/team:\n {2}sdr: .*\n/, '');
