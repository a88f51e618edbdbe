/**
 * The id index of the cross-file rules (src/ingest/id-table.ts): a hash match alone never merges two
 * ids, and slots survive the table's growth.
 */
import { describe, expect, it } from "vitest";
import { hashRange, IdTable } from "../../../src/ingest/_fast/id-table.ts";
import { hashUnits, idEqualsString, idsEqual, idString, IdTextBuilder } from "../../../src/ingest/text/id-text.ts";

function index(table: IdTable, keys: string[], id: string, hash: number): number {
  return table.findOrAdd(hash, (slot) => keys[slot] === id);
}

describe("IdTable", () => {
  it("gives two different ids with the same hash two slots", () => {
    const table = new IdTable();
    const keys = ["K1", "K2"];
    expect(index(table, keys, "K1", 42)).toBe(~0);
    expect(index(table, keys, "K2", 42)).toBe(~1);
    expect(index(table, keys, "K2", 42)).toBe(1);
    expect(index(table, keys, "K1", 42)).toBe(0);
  });

  it("finds each of 5000 ids at its first slot after growing", () => {
    const table = new IdTable();
    const keys = Array.from({ length: 5000 }, (_, i) => `5000-K${i}-24`);
    const added = keys.map((k) => index(table, keys, k, hashRange(k, 0, k.length)));
    expect(added).toEqual(keys.map((_, i) => ~i));
    const found = keys.map((k) => index(table, keys, k, hashRange(k, 0, k.length)));
    expect(found).toEqual(keys.map((_, i) => i));
    expect(table.size).toBe(5000);
  });

  it("hashes an id held as one-byte or two-byte code units like the same id as a string", () => {
    const narrow = new IdTextBuilder();
    for (const id of ["X1", "X22", "5000-K1-24"]) narrow.push(id);
    const wide = new IdTextBuilder();
    for (const id of ["X1", "Ω7", "X22"]) wide.push(id); // Ω (U+03A9) needs two bytes per unit
    expect(hashUnits(narrow.units, 2, 5)).toBe(hashRange("X22", 0, 3));
    expect(hashUnits(wide.units, 4, 7)).toBe(hashRange("X22", 0, 3));
    expect(idString(wide, 1)).toBe("Ω7");
    expect(idString(wide, 0)).toBe("X1");
  });

  it("compares ids by their code units, across one-byte and two-byte stores", () => {
    const narrow = new IdTextBuilder();
    for (const id of ["X1", "X22"]) narrow.push(id);
    const wide = new IdTextBuilder();
    for (const id of ["Ω7", "X22", "X2"]) wide.push(id);
    expect(idsEqual(narrow, 1, wide, 1)).toBe(true);
    expect(idsEqual(narrow, 1, wide, 2)).toBe(false); // a prefix is another id
    expect(idEqualsString(wide, 0, "Ω7")).toBe(true);
    expect(idEqualsString(narrow, 0, "X")).toBe(false);
  });
});
