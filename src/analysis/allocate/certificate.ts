/**
 * The certificate: why the recommendation is optimal, to within the Monte Carlo error.
 *
 * At the recommendation x, every channel's spend is moved by one step up and down on the
 * search's last trials (paired with x): the marginal return from above, up_i, and from
 * below, down_i, per extra unit of spend per period. At a discrete optimum no transfer of one
 * step from i to j pays, i.e. up_j ≤ down_i for every feasible pair: channels inside their
 * bounds then have equal marginal returns (their [up, down] intervals overlap, the common
 * value being the budget's shadow price), channels at their maximum earn at least that, and
 * channels at their minimum at most. The certificate states each channel's marginal return
 * with its standard error, which bound binds, whether interior channels' marginal returns
 * agree within the tolerance (one step's curvature plus two paired standard errors), and the
 * transfers tried by the stopping rule.
 */
import { type AllocationProblem, boundAt } from './problem.js';
import { type Marginals, predictedTransfer, type SearchResult } from './search.js';

/** One channel in the certificate. */
export interface ChannelCertificate {
  readonly channel: string;
  readonly spend: number;
  readonly min: number;
  /** Upper bound: max_spend, or the max_share cap when lower; null for no upper bound. */
  readonly max: number | null;
  /** The bound it sits at: `min`, `max` (max_spend), `max_share`, or null (interior). */
  readonly bound: 'min' | 'max' | 'max_share' | null;
  /**
   * Marginal return per extra unit of spend per period: the central difference where both
   * sides exist, else the one side there is; null when the channel cannot move (min = max).
   */
  readonly marginal: number | null;
  readonly se: number | null;
  /** One step more: marginal return per unit, with its paired error (null at the upper bound). */
  readonly up: { readonly value: number; readonly se: number } | null;
  /** One step less (null at the lower bound). */
  readonly down: { readonly value: number; readonly se: number } | null;
}

export interface Certificate {
  readonly seed: number;
  readonly trials: number;
  /** The move size of the one-channel moves (the allocation's step, or less at a bound). */
  readonly step: number;
  readonly channels: readonly ChannelCertificate[];
  /**
   * The budget's shadow price bracket: [largest up among channels with room above, smallest
   * down among channels with room below]; lo ≤ hi (within error) at a discrete optimum.
   */
  readonly shadow_price: { readonly lo: number; readonly hi: number } | null;
  /** Interior channels' marginal returns: spread (largest − smallest), tolerance, verdict. */
  readonly equal_marginals: {
    readonly channels: readonly string[];
    readonly spread: number;
    readonly tolerance: number;
    readonly holds: boolean;
  };
  /** The stopping rule's last round: transfers tried at x, none gaining more than 1 s.e. */
  readonly transfers_tried: readonly {
    readonly from: string;
    readonly to: string;
    readonly gain: number;
    readonly se: number;
  }[];
  /** The largest gain that a one-step transfer is predicted to make (additive), with its error. */
  readonly best_transfer: {
    readonly from: string;
    readonly to: string;
    readonly gain: number;
    readonly se: number;
  } | null;
}

/** Standard errors allowed between interior channels' marginal returns. */
const Z_EQUAL = 2;

/**
 * The certificate of a search's result.
 * @example certify(problem, result).equal_marginals.holds
 */
export function certify(p: AllocationProblem, r: SearchResult): Certificate {
  const m = r.marginals;
  if (m === null) throw new Error('certify: the search was run without its certificate');
  const x = m.x;
  const channels = x.map((_, i) => channelCertificate(p, m, i));
  const ups = channels.flatMap((c) => (c.up ? [c.up.value] : []));
  const downs = channels.flatMap((c) => (c.down ? [c.down.value] : []));
  const shadow =
    ups.length > 0 && downs.length > 0 ? { lo: Math.max(...ups), hi: Math.min(...downs) } : null;
  const interior = channels.map((c, i) => ({ c, i })).filter(({ c }) => c.bound === null);
  let spread = 0;
  let tolerance = 0;
  let holds = true;
  for (const a of interior) {
    for (const b of interior) {
      if (a.i >= b.i) continue;
      const gap = Math.abs(a.c.marginal! - b.c.marginal!);
      const curvature = (width(a.c) + width(b.c)) / 2;
      const tol = curvature + Z_EQUAL * centralDifferenceSe(m, a.i, b.i);
      if (gap > spread) {
        spread = gap;
        tolerance = tol;
      }
      if (gap > tol) holds = false;
    }
  }
  let best: Certificate['best_transfer'] = null;
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < x.length; j++) {
      const t = i === j ? null : predictedTransfer(m, i, j, p.step);
      if (t !== null && (best === null || t.mean > best.gain)) {
        best = { from: p.ids[i]!, to: p.ids[j]!, gain: t.mean, se: t.se };
      }
    }
  }
  return {
    seed: m.set.seed,
    trials: m.set.trials,
    step: p.step,
    channels,
    shadow_price: shadow,
    equal_marginals: {
      channels: interior.map(({ c }) => c.channel),
      spread,
      tolerance,
      holds,
    },
    transfers_tried: r.rejected,
    best_transfer: best,
  };
}

function channelCertificate(p: AllocationProblem, m: Marginals, i: number): ChannelCertificate {
  const u = m.up[i] ?? null;
  const d = m.down[i] ?? null;
  const at = boundAt(p, m.x, i);
  const bound = at === 'max' && p.hi[i]! < p.maxSpend[i]! ? 'max_share' : at;
  let marginal: number | null;
  let se: number | null;
  if (u && d) {
    // Central difference over both steps: (f(x + a) − f(x − b)) / (a + b).
    marginal = (u.perUnit * u.amount + d.perUnit * d.amount) / (u.amount + d.amount);
    se = centralSe(m, i);
  } else if (u) {
    marginal = u.perUnit;
    se = u.se;
  } else if (d) {
    marginal = d.perUnit;
    se = d.se;
  } else {
    marginal = null;
    se = null;
  }
  return {
    channel: p.ids[i]!,
    spend: m.x[i]!,
    min: p.lo[i]!,
    max: Number.isFinite(p.hi[i]!) ? p.hi[i]! : null,
    bound,
    marginal,
    se,
    up: u ? { value: u.perUnit, se: u.se } : null,
    down: d ? { value: d.perUnit, se: d.se } : null,
  };
}

/** |down − up|: how much the marginal return changes over one step (0 with one side). */
function width(c: ChannelCertificate): number {
  return c.up && c.down ? Math.abs(c.down.value - c.up.value) : 0;
}

/** Per-trial central difference of channel i: (f(x + a) − f(x − b)) / (a + b), or a one-sided one. */
function centralPseudo(m: Marginals, i: number): Float64Array {
  const u = m.up[i];
  const d = m.down[i];
  const pu = m.upPseudo[i];
  const pd = m.downPseudo[i];
  const n = m.pseudo.length;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    if (u && d) out[t] = (pu![t]! - pd![t]!) / (u.amount + d.amount);
    else if (u) out[t] = (pu![t]! - m.pseudo[t]!) / u.amount;
    else if (d) out[t] = (m.pseudo[t]! - pd![t]!) / d.amount;
  }
  return out;
}

function seOf(x: Float64Array): number {
  const n = x.length;
  let s = 0;
  for (let t = 0; t < n; t++) s += x[t]!;
  const mean = s / n;
  let ss = 0;
  for (let t = 0; t < n; t++) ss += (x[t]! - mean) ** 2;
  return n > 1 ? Math.sqrt(ss / (n - 1) / n) : Number.POSITIVE_INFINITY;
}

function centralSe(m: Marginals, i: number): number {
  return seOf(centralPseudo(m, i));
}

/** Paired standard error of the difference of two channels' central marginal returns. */
function centralDifferenceSe(m: Marginals, i: number, j: number): number {
  const a = centralPseudo(m, i);
  const b = centralPseudo(m, j);
  return seOf(a.map((v, t) => v - b[t]!));
}
