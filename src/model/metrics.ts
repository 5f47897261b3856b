/**
 * The scenario-level metrics every trial records, per period and over the horizon
 * (docs/json-output.md, docs/model.md "Metrics").
 */

/** Names of the scenario-level metrics, per period and horizon. */
export const METRICS = [
  'leads',
  'wins',
  'bookings',
  'new_bookings',
  'repeat_bookings',
  'repeat_deals',
  'spend',
  'team_cost',
  'initiative_cost',
  'profit',
  'accounts',
  'churned_accounts',
  'pipeline',
  'headcount',
  'queue_lost',
] as const;
export type MetricName = (typeof METRICS)[number];
