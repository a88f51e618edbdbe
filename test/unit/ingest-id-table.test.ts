/**
 * The id index of the cross-file rules (src/ingest/id-table.ts): a hash match alone never merges two
 * ids, and slots survive the table's growth.
 */
import { describe, expect, it } from "vitest";
import { hashRange, IdTable, rangesEqual } from "../../src/ingest/id-table.ts";

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

  it("hashes and compares an id inside a longer text like the id on its own", () => {
    const text = "X1X22X3";
    expect(hashRange(text, 2, 5)).toBe(hashRange("X22", 0, 3));
    expect(rangesEqual(text, 2, 5, "X22", 0, 3)).toBe(true);
    expect(rangesEqual(text, 0, 2, "X2", 0, 2)).toBe(false);
  });
});
