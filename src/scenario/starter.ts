/**
 * The commented starter scenario that `salesops init` writes: a small but complete plan
 * (one market, two channels, four stages, one sales role, a target and a variant) whose
 * comments teach the format. It compiles as it is; the commented-out lines show the
 * optional sections. See docs/scenario-format.md for every field.
 */

/** The file name the starter text is written for when none is given. */
const DEFAULT_NAME = 'scenario.yaml';

/**
 * Text of the starter scenario (YAML, about 120 lines) for a file called `file`: its
 * comments name that file in the commands they suggest.
 *
 * @example
 * ```ts
 * writeFileSync('acme.yaml', starterScenario('acme.yaml'));
 * ```
 */
export function starterScenario(file: string = DEFAULT_NAME): string {
  // A name that needs quoting in a shell is quoted in the comments too.
  const shown = /^[\w./-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
  return TEMPLATE.replaceAll(DEFAULT_NAME, shown);
}

/** The starter text for `scenario.yaml` (what `salesops init -` prints). */
export const STARTER_SCENARIO = `# yaml-language-server: $schema=./scenario.schema.json
#
# A starter sales plan, written by "salesops init". For completion and checks in your
# editor, write the schema next to this file: salesops schema > scenario.schema.json
#
# Edit the numbers, then run
#
#     salesops validate scenario.yaml     # check the file
#     salesops run scenario.yaml          # forecast, charts and an HTML report
#
# Any number below may be a plain number (fixed) or an uncertain quantity, sampled once
# per trial. Uncertain quantities are written as
#     "30% to 40%"                            a 90% interval (rates become a beta,
#                                             positive amounts a lognormal)
#     {dist: lognormal, median: 8000, p90: 20000}
#     {dist: normal, mean: 0.01, sd: 0.005}    also: beta, uniform, triangular, pert
#     {successes: 42, trials: 180}            a rate counted in your CRM history

scenario: My FY2027 plan # the name shown on charts
currency: USD
# First month and number of monthly periods; fiscal_year_start: the month your fiscal year
# starts in (1-12, default 1): quarters are labelled by it, e.g. FY2027 Q1.
calendar: {start: 2027-01, periods: 12, fiscal_year_start: 1}

simulation:
  trials: 10000 # Monte Carlo trials
  seed: 1 # same file + same seed = the same numbers

# Markets (segments): who buys, and how big a deal is.
markets:
  main:
    growth: 0.01 # demand growth per month, compounding (default 0)
    # Demand by calendar month, January first (default: 1 for every month).
    seasonality: [0.9, 0.95, 1.05, 1, 1, 0.95, 0.85, 0.85, 1.05, 1.1, 1.1, 1.2]
    demand_shock: "0.85 to 1.15" # this year's demand level vs the plan (default 1)
    # Every deal draws its own size: half below 12,000, one in ten above 30,000.
    deal_size: {dist: lognormal, median: 12000, p90: 30000}

# Channels: where leads come from. Spend is per month: one number, a list of one
# number per period, or a map such as {default: 20000, "2027-11": 40000}.
channels:
  paid_search:
    label: Paid search # optional: the name charts and the report show, in any script (直播, Поиск)
    spend: 20000
    min_spend: 5000 # bounds for "salesops allocate"
    max_spend: 60000
    # Diminishing returns: leads = max_leads * s / (s + half_spend).
    response: {curve: hill, max_leads: 800, half_spend: 30000}
    carryover: 0.2 # share of last month's spend still working (default 0)
    leads_cv: 0.15 # month-to-month noise beyond Poisson (default 0)
  referrals:
    # Leads that come whatever we spend; "linear" (cost_per_lead) is the third curve.
    response: {curve: fixed, leads: "20 to 40"}
    rate_factors: {won: 1.3} # referred leads close 30% more often
  # With more than one market, each channel says how its leads split:
  #   markets: {smb: 0.8, enterprise: 0.2}

# The funnel, first stage to last. The first stage receives the leads; the last one is
# a won deal. rate: chance that an item of the previous stage advances into this one.
# lag: months it spends in the previous stage first: a whole number, a list of
# probabilities over 0, 1, 2, ... months, or {median: 2, p90: 5}.
funnel:
  - {stage: lead}
  - {stage: mql, rate: "30% to 40%", lag: [0.7, 0.3]}
  - {stage: opportunity, rate: 0.35, worked_by: ae} # AEs take these on, within capacity
  - {stage: won, rate: {successes: 45, trials: 200}, lag: {median: 2, p90: 4}}

# Team: who works the funnel, and how much they can take on.
team:
  ae:
    headcount: 3 # fully ramped reps at the start
    capacity: 15 # opportunities one ramped rep takes on per month
    ramp: [0.25, 0.5, 0.75] # a new hire's productivity in the first months, then 1
    attrition: 0.02 # chance a rep leaves, per month (default 0)
    backfill: {lag: 2} # leavers are replaced two months later (omit: never)
    hires: {"2027-04": 1} # planned hires by month
    cost: 12000 # per rep per month
    queue_loss: 0.5 # share of waiting opportunities lost each month (default 0.5)

# Optional sections, uncomment to use:
# customers:                       # an installed base that buys again and churns
#   accounts: 500
#   churn: 0.01
#   repeat: {rate: 0.02, deal_size: {dist: lognormal, median: 3000, p90: 9000}}
# initiatives:                     # programmes that multiply rates, capacity, leads, deal sizes
#   crm:
#     start: 2027-04
#     ramp: 3
#     cost: {once: 30000, per_period: 2000}
#     effects:
#       - {stage: won, rate: "1.03 to 1.1"}
#       - {team: ae, capacity: 1.1}
# allocation: {budget: 25000, channels: [paid_search], objective: revenue, step: 1000}
# quota: {role: ae, confidence: 0.6, over_assignment: 1.1}
# correlations:
#   - {between: [markets.main.demand_shock, channels.referrals.response.leads], rank: 0.5}

economics: {gross_margin: 0.7} # share of bookings kept after cost of sales (default 1)

targets:
  bookings: 1500000 # for the whole plan: the forecast reports the chance of reaching it
  # Per quarter. The plan starts with an empty pipeline, so the first quarter is light.
  quarterly: [100000, 380000, 480000, 540000]

# What-ifs: each variant sets dot paths of this plan to new values.
# "salesops compare scenario.yaml" runs them side by side with the plan.
variants:
  more_search:
    description: Double paid search spend
    set: {channels.paid_search.spend: 40000}
  one_more_ae:
    description: Hire a second AE in April
    set: {team.ae.hires: {"2027-04": 2}}
`;

const TEMPLATE = STARTER_SCENARIO;
