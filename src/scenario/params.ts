/**
 * The parameter table: every scalar input of the plan, fixed or uncertain, with its dot
 * path (stage ids for funnel paths) and domain. The compiled model refers to params by index.
 */
import type { Dist, Domain } from '../model/dist.js';
import type { Param, ParamRef } from '../model/types.js';
import { formatPath, type Segment, splitDotPath } from './path.js';

/** Collects params in the order the compiler meets them. */
export class ParamTable {
  readonly params: Param[] = [];
  private readonly byPath = new Map<string, ParamRef>();

  /** Adds a param (its `dist`, or a fixed `fallback` when the field was left out) and returns its index. */
  add(path: string, dist: Dist | undefined, domain: Domain, fallback: number): ParamRef {
    const ref = this.params.length;
    this.params.push({
      path,
      dist: dist ?? { kind: 'fixed', value: fallback },
      domain,
      scale: 1,
      seed: null,
    });
    this.byPath.set(path, ref);
    return ref;
  }

  /** Index of the param at a canonical path, or undefined. */
  find(path: string): ParamRef | undefined {
    return this.byPath.get(path);
  }
}

/**
 * Canonical spelling of a param path: `funnel[3].rate`, `funnel.3.rate` and
 * `funnel.won.rate` all become `funnel.won.rate`; other indices become `[i]`.
 * @example canonicalParamPath('markets.smb.seasonality.3', ['lead']) // 'markets.smb.seasonality[3]'
 */
export function canonicalParamPath(path: string, stageIds: readonly string[]): string | null {
  const segs = splitDotPath(path);
  if (segs === null) return null;
  const out: Segment[] = segs.map((s) =>
    typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : s,
  );
  if (out[0] === 'funnel' && typeof out[1] === 'number') {
    const id = stageIds[out[1]];
    if (id === undefined) return null;
    out[1] = id;
  }
  return formatPath(out);
}
