/** Messages of the quota analysis: errors at its edge and warnings in its result. */

const shown = (x: unknown): string => (typeof x === 'string' ? JSON.stringify(x) : String(x));

export const quotaMsg = {
  unknownRole: (id: string, known: readonly string[]) =>
    `no role ${JSON.stringify(id)} in the team; expected one of ${known.length > 0 ? known.join(', ') : '(the scenario has no team)'}`,
  roleNoStage: (id: string) =>
    `role ${JSON.stringify(id)} works no funnel stage, so it books nothing to set quotas on; expected a role named in a stage's worked_by`,
  noQuotaBlock:
    'the scenario has no quota block: add quota: {role: …, confidence: …}, or give the role and confidence (--role, --confidence)',
  confidenceMissing:
    'expected a confidence strictly between 0 and 1 (the scenario has no quota block to take it from)',
  confidence: (got: unknown) =>
    `expected a probability strictly between 0 and 1, got ${shown(got)}`,
  tooManySeats: (role: string, starting: number, hires: number, limit: number) =>
    `role ${role} would carry ${(starting + hires).toLocaleString('en-US')} quota seats (a starting headcount of ${starting.toLocaleString('en-US')} and ${hires.toLocaleString('en-US')} planned hires), above the limit of ${limit.toLocaleString('en-US')}: per-rep quotas take memory and time with every seat; check team.${role}.headcount and hires`,
  overAssignment: (got: unknown) => `expected a number ≥ 1, got ${shown(got)}`,
  performanceCv: (got: unknown) => `expected a number ≥ 0, got ${shown(got)}`,
  fewReach: (expected: number) =>
    `fewer than half of the reps are expected to reach quota (${(expected * 100).toFixed(0)}% on average): the quotas are set above what most reps are likely to book`,
  zeroQuota: (ids: readonly string[]) =>
    `${ids.length === 1 ? 'seat' : 'seats'} ${ids.join(', ')} ${ids.length === 1 ? 'has' : 'have'} no expected capacity within the horizon, so no quota and no attainment`,
  zeroTarget:
    'the team target is 0: at this confidence the team may book nothing, so every quota is 0 and attainment is not defined',
  uncredited: (role: string, share: number) =>
    `${(share * 100).toFixed(1)}% of horizon bookings fall in months with no ${role} rep: they count towards the team target and total quota but no seat can earn them${share < 1 ? `, so rep quotas are inflated by about ${(1 / (1 - share)).toFixed(2)}× (1/(1 − share))` : ''}`,
  uncertainHeadcount: (role: string, planned: number) =>
    `role ${role}'s starting headcount is uncertain: the roster plans for its median, ${planned} reps; bookings of reps above that are credited to no seat`,
} as const;
