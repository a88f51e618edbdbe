/**
 * A compact hash index from ids to slots (0, 1, 2, … in insertion order) for the cross-file id rules
 * (spec/inputs.md): an open-addressing table of Int32 slots plus each slot's 32-bit hash, instead of a
 * `Map<string, number>`, whose entries cost several times more at 10 M distinct ids. The table never
 * holds the ids: the caller keeps them (as code units per file, id-text.ts) and answers `same(slot)` — asked
 * only when the 32-bit hashes match — so a hash collision never merges two different ids (exact).
 */
import { at } from "../../core/checked.ts";

/** 32-bit FNV-1a over the UTF-16 code units of `text[start, end)`. */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return avalanche(h);
}

/** murmur3's fmix32: FNV's low bits are weak for linear probing on similar ids. */
export function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export class IdTable {
  size = 0;
  private table: Int32Array; // slot + 1; 0 = empty
  private hashes: Int32Array;
  private mask: number;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 1.5) cap *= 2;
    this.table = new Int32Array(cap);
    this.mask = cap - 1;
    this.hashes = new Int32Array(Math.max(1024, expected));
  }

  /** Makes room for `more` ids beyond `size` at once (a merge knows how many may come): no doubling slack. */
  reserve(more: number): void {
    const need = this.size + more;
    if (need > this.hashes.length) {
      const grown = new Int32Array(Math.max(need, this.hashes.length + (this.hashes.length >> 2)));
      grown.set(this.hashes.subarray(0, this.size));
      this.hashes = grown;
    }
    if (need * 3 > this.table.length * 2) this.rehash(need);
  }

  /**
   * The slot of the id with hash `h` for which `same(slot)` holds, or, when there is none, a new slot
   * `s` returned as `~s` (negative).
   */
  findOrAdd(h: number, same: (slot: number) => boolean): number {
    let i = h & this.mask;
    for (;;) {
      // i is masked into the table, so the read is defined; `?? 0` types it without a call in the probe loop.
      const v = this.table[i] ?? 0;
      if (v === 0) break;
      if (this.hashes[v - 1] === h && same(v - 1)) return v - 1;
      i = (i + 1) & this.mask;
    }
    const slot = this.size++;
    if (slot === this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[slot] = h;
    this.table[i] = slot + 1;
    if (this.size * 3 > this.table.length * 2) this.rehash(this.size); // load ≤ 2/3
    return ~slot;
  }

  /** A table with room for `ids` at a load of at most 2/3. */
  private rehash(ids: number): void {
    let cap = this.table.length * 2;
    while (ids * 3 > cap * 2) cap *= 2;
    const table = new Int32Array(cap);
    const mask = cap - 1;
    for (let slot = 0; slot < this.size; slot++) {
      let i = at(this.hashes, slot) & mask;
      while (table[i] !== 0) i = (i + 1) & mask;
      table[i] = slot + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}
