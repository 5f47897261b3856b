/**
 * Repeated deal ids in a streamed export, found without keeping the ids: each row leaves a
 * 64-bit fingerprint of its id (two independent 32-bit FNV-1a hashes) and its line and row,
 * 16 bytes a row; after the pass the fingerprints are sorted and equal neighbours are the
 * repeats. Two different ids share a fingerprint with probability about n²/2⁶⁵ (10⁻⁷ for two
 * million deals). Only row numbers come out, never the ids (docs/errors.md).
 */

/** Where a repeated id sits: the repeating row and the first row with that id. */
export interface RepeatedId {
  readonly line: number;
  readonly row: number;
  readonly firstRow: number;
}

/** FNV-1a over UTF-16 code units from `basis` (32-bit). */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Collects deal ids row by row and reports the repeats.
 * @example const ids = new DealIds(); ids.add('D1', 2, 1); ids.add('D1', 3, 2); ids.repeats() // [{ line: 3, row: 2, firstRow: 1 }]
 */
export class DealIds {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private lines = new Int32Array(1024);
  private rows = new Int32Array(1024);
  private n = 0;

  /** Records the id of data row `row` (file line `line`); an empty id is not compared. */
  add(id: string, line: number, row: number): void {
    const key = id.trim();
    if (key === '') return;
    if (this.n === this.hi.length) this.grow();
    this.hi[this.n] = fnv1a(key, 0x811c9dc5);
    this.lo[this.n] = fnv1a(key, 0x050c5d1f);
    this.lines[this.n] = line;
    this.rows[this.n] = row;
    this.n += 1;
  }

  /** Every row whose id an earlier row already had, in file order. */
  repeats(): RepeatedId[] {
    // A typed array, off the JS heap like the fingerprints; ties by position, so the first
    // row of an id comes first.
    const order = new Uint32Array(this.n).map((_, i) => i);
    order.sort((a, b) => this.hi[a]! - this.hi[b]! || this.lo[a]! - this.lo[b]! || a - b);
    const out: RepeatedId[] = [];
    let first = 0;
    for (let k = 1; k < order.length; k++) {
      const a = order[first]!;
      const b = order[k]!;
      if (this.hi[a] === this.hi[b] && this.lo[a] === this.lo[b])
        out.push({ line: this.lines[b]!, row: this.rows[b]!, firstRow: this.rows[a]! });
      else first = k;
    }
    return out.sort((x, y) => x.row - y.row);
  }

  private grow(): void {
    const size = this.hi.length * 2;
    const copy = <T extends Uint32Array | Int32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.hi = copy(this.hi, new Uint32Array(size));
    this.lo = copy(this.lo, new Uint32Array(size));
    this.lines = copy(this.lines, new Int32Array(size));
    this.rows = copy(this.rows, new Int32Array(size));
  }
}
