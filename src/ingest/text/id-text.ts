/**
 * The ids of one file held as one run of UTF-16 code units plus end offsets, not as millions of
 * strings: at 10 M distinct ids, retained strings cost ~40 bytes each on the heap and make every
 * major GC walk them all (issue 7's profile: id bookkeeping and GC were a third of the CPU time).
 * Code units below 256 — every id seen in police and kommun exports — take one byte each; the first
 * wider unit widens the store to two bytes per unit, so any id round-trips exactly.
 */
import { avalanche } from "../_fast/id-table.ts";
import { at } from "../../core/checked.ts";

export type IdUnits = Uint8Array | Uint16Array;

/** The ids of one file: id i is units[ends[i - 1] ?? 0, ends[i]). */
export interface IdTexts {
  units: IdUnits;
  ends: Uint32Array;
}

/** 32-bit hash of `units[start, end)`, equal to `hashRange` of the same code units in a string. */
export function hashUnits(units: IdUnits, start: number, end: number): number {
  let h = 0x811c9dc5;
  // `?? 0`, not the checked at(): this runs per code unit of every id, and end ≤ units.length (the
  // id table's own offsets), so the fallback never applies.
  for (let i = start; i < end; i++) {
    h ^= units[i] ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return avalanche(h);
}

/** Whether id `i` of `t` is the string `s`. */
/** Where id `i` starts in `units`: id i − 1's end. */
function startOf(t: IdTexts, i: number): number {
  return i === 0 ? 0 : at(t.ends, i - 1);
}

export function idEqualsString(t: IdTexts, i: number, s: string): boolean {
  const start = startOf(t, i);
  if (at(t.ends, i) - start !== s.length) return false;
  for (let k = 0; k < s.length; k++) if (t.units[start + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** Whether id `i` of `a` and id `j` of `b` are the same code units. */
export function idsEqual(a: IdTexts, i: number, b: IdTexts, j: number): boolean {
  const as = startOf(a, i);
  const bs = startOf(b, j);
  const n = at(a.ends, i) - as;
  if (at(b.ends, j) - bs !== n) return false;
  for (let k = 0; k < n; k++) if (a.units[as + k] !== b.units[bs + k]) return false;
  return true;
}

/** The string of id `i` (for messages and tests; the hot paths compare units). */
export function idString(t: IdTexts, i: number): string {
  return String.fromCharCode(...t.units.subarray(startOf(t, i), at(t.ends, i)));
}

/** Appends ids; `texts()` views the ids so far without copying. */
export class IdTextBuilder implements IdTexts {
  units: IdUnits = new Uint8Array(1 << 12);
  ends = new Uint32Array(1 << 8);
  size = 0;
  private used = 0;

  /** Makes room for `more` ids of about `unitsEach` code units without further growth. */
  reserve(more: number, unitsEach: number): void {
    if (this.size + more > this.ends.length) this.ends = grow(this.ends, this.size + more);
    const units = this.used + Math.ceil(more * unitsEach);
    if (units > this.units.length) this.units = grow(this.units, units);
  }

  /** Appends `id`. */
  push(id: string): void {
    const n = id.length;
    if (this.used + n > this.units.length) this.units = grow(this.units, this.used + n);
    const units = this.units;
    let at = this.used;
    for (let k = 0; k < n; k++) {
      const c = id.charCodeAt(k);
      if (c > 0xff && units instanceof Uint8Array) return this.widenAndPush(id);
      units[at++] = c;
    }
    this.used = at;
    if (this.size === this.ends.length) this.ends = grow(this.ends, this.size + 1);
    this.ends[this.size++] = at;
  }

  private widenAndPush(id: string): void {
    const wide = new Uint16Array(this.units.length);
    wide.set(this.units.subarray(0, this.used));
    this.units = wide;
    return this.push(id);
  }

  /** The ids so far, as views (valid until the next push). */
  texts(): IdTexts {
    return { units: this.units.subarray(0, this.used), ends: this.ends.subarray(0, this.size) };
  }
}

type Grown = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** A new array of `a`'s own type with `n` elements, holding `a`'s first `used` elements (all by default). */
export function resized<T extends Grown>(a: T, n: number, used = a.length): T {
  // A typed array's constructor makes one of its own type; TypeScript types `constructor` as Function.
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a.subarray(0, used));
  return b;
}

/** A copy of `a` with room for at least `need` elements (doubling, so appends stay amortised O(1)). */
export function grow<T extends Grown>(a: T, need: number): T {
  return resized(a, Math.max(a.length * 2, 16, need));
}
