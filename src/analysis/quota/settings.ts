/**
 * The quota settings of a run: the scenario's `quota` block with any override from the
 * caller (`--role`, `--confidence`, `--over-assignment`, `--performance-cv` on the command
 * line), checked once at this edge. A bad value is an InputError naming the option or flag.
 */

import { DEFAULT_PERFORMANCE_CV, MAX_QUOTA_SEATS } from '../../defaults.js';
import type { Model, QuotaSettings } from '../../model/types.js';
import { type Diagnostic, InputError } from '../../util/result.js';
import { quotaMsg } from './messages.js';
import { plannedHeadcount } from './roster.js';

/** Overrides of the scenario's `quota` block. */
export interface QuotaOverrides {
  /** Id of the role that carries quota. */
  readonly role?: string | undefined;
  /** Probability of reaching the team target, in (0, 1). */
  readonly confidence?: number | undefined;
  /** Σ rep quotas / team target, ≥ 1. */
  readonly overAssignment?: number | undefined;
  /** Coefficient of variation of rep performance, ≥ 0. */
  readonly performanceCv?: number | undefined;
}

/** How each override is named in messages: an option (`quota: options.confidence`) or a flag. */
export interface OverrideNames {
  readonly role: string;
  readonly confidence: string;
  readonly overAssignment: string;
  readonly performanceCv: string;
  /** Where a missing `quota` block is reported (the scenario file for the CLI). */
  readonly scenario: string;
}

/** Names for library callers. */
export const OPTION_NAMES: OverrideNames = {
  role: 'quota: options.role',
  confidence: 'quota: options.confidence',
  overAssignment: 'quota: options.overAssignment',
  performanceCv: 'quota: options.performanceCv',
  scenario: 'quota: model',
};

/**
 * The settings to run with: the model's `quota` block, overridden field by field.
 * Throws an InputError naming every bad option, and when the quota role has more than
 * MAX_QUOTA_SEATS seats (starting headcount + planned hires).
 * @example resolveQuotaSettings(model, { confidence: 0.8 }).confidence // 0.8
 */
export function resolveQuotaSettings(
  model: Model,
  o: QuotaOverrides,
  names: OverrideNames = OPTION_NAMES,
): QuotaSettings {
  const errors: Diagnostic[] = [];
  const bad = (file: string, message: string, path = '') =>
    errors.push({ file, line: null, path, message });
  const base = model.quota;
  let role = base?.role ?? -1;
  if (o.role !== undefined) {
    role = model.roles.findIndex((r) => r.id === o.role);
    if (role < 0)
      bad(
        names.role,
        quotaMsg.unknownRole(
          o.role,
          model.roles.map((r) => r.id),
        ),
      );
    else if (model.roles[role]!.stage < 0) bad(names.role, quotaMsg.roleNoStage(o.role));
  } else if (base === null) {
    bad(names.scenario, quotaMsg.noQuotaBlock, 'quota');
  }
  const confidence = o.confidence ?? base?.confidence;
  if (
    o.confidence !== undefined &&
    !(typeof o.confidence === 'number' && o.confidence > 0 && o.confidence < 1)
  )
    bad(names.confidence, quotaMsg.confidence(o.confidence));
  else if (confidence === undefined && base === null && o.role !== undefined)
    bad(names.confidence, quotaMsg.confidenceMissing);
  const overAssignment = o.overAssignment ?? base?.overAssignment ?? 1;
  if (!(Number.isFinite(overAssignment) && overAssignment >= 1))
    bad(names.overAssignment, quotaMsg.overAssignment(o.overAssignment));
  const performanceCv = o.performanceCv ?? base?.performanceCv ?? DEFAULT_PERFORMANCE_CV;
  if (!(Number.isFinite(performanceCv) && performanceCv >= 0))
    bad(names.performanceCv, quotaMsg.performanceCv(o.performanceCv));
  const r = model.roles[role];
  if (errors.length === 0 && r !== undefined) {
    // Checked before the roster is built: it holds one object per seat.
    const starting = plannedHeadcount(model, r);
    const hires = r.hires.reduce((a, b) => a + b, 0);
    if (starting + hires > MAX_QUOTA_SEATS) {
      const message = quotaMsg.tooManySeats(r.id, starting, hires, MAX_QUOTA_SEATS);
      if (o.role === undefined) bad(names.scenario, message, `team.${r.id}`);
      else bad(names.role, message);
    }
  }
  if (errors.length > 0) throw new InputError(errors);
  return { role, confidence: confidence!, overAssignment, performanceCv };
}
