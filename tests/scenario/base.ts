/** A small valid scenario (YAML text) the scenario tests edit. */
export const BASE = `scenario: Test plan
calendar: {start: 2027-01, periods: 12}
markets:
  smb: {deal_size: {dist: lognormal, median: 8000, p90: 20000}, demand_shock: "0.85 to 1.15"}
  enterprise: {deal_size: 60000, growth: 0.01}
channels:
  paid_search:
    spend: {default: 40000, "2027-11": 80000}
    response: {curve: hill, max_leads: 3000, half_spend: 60000}
    markets: {smb: 0.8, enterprise: 0.2}
    rate_factors: {mql: 1.1}
  referrals:
    response: {curve: fixed, leads: "60 to 110"}
    markets: {smb: 0.5, enterprise: 0.5}
funnel:
  - {stage: lead}
  - {stage: mql, rate: "30% to 40%", lag: [0.7, 0.3]}
  - {stage: opportunity, rate: {successes: 310, trials: 520}, worked_by: ae, lag: {median: 2, p90: 5}}
  - {stage: won, rate: "18% to 28%"}
team:
  ae: {headcount: 6, capacity: 20, ramp: [0.25, 0.5], hires: {"2027-03": 2}}
initiatives:
  crm:
    start: 2027-04
    ramp: 3
    effects:
      - {stage: won, rate: "1.03 to 1.15"}
      - {market: enterprise, demand: 1.1}
correlations:
  - {between: [markets.smb.demand_shock, "funnel[3].rate"], rank: 0.5}
variants:
  more_search:
    description: Double search
    set: {channels.paid_search.spend: 80000}
`;
