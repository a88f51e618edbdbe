/**
 * The report's N(area, category, month) table (count-table.ts, issue 20): every area's counts also in
 * `kommun`, every category's in its own measure's total and no other (spec/cli.md "Measures"), a label
 * the report does not show left out, a month without groups 0 — whether the sources come as ingest's
 * indexed groups or as a plain map of `${area}\t${month}\t${category}` keys. Expected values by hand.
 */
import { describe, expect, it } from "vitest";
import { CountTable } from "../../../src/aggregate/count-table.ts";
import { monthIndex } from "../../../src/core/month.ts";
import { GroupCounts } from "../../../src/model/group-counts.ts";

const AREAS = ["kommun", "centrum", "ljusne", "okant"];
const CATEGORIES = ["misshandel", "klotter", "total:brott", "total:handelser"];
const TOTAL_OF = new Map([
  ["misshandel", "total:brott"],
  ["klotter", "total:handelser"],
]);

const police = new Map([
  ["centrum\t2024-03\tmisshandel", 4],
  ["ljusne\t2024-03\tmisshandel", 2],
  ["okant\t2024-03\tmisshandel", 1],
  // An area the config no longer has: still a row of the kommun.
  ["gamla-stan\t2024-03\tmisshandel", 5],
  // A category the report does not show (no total): in no cell at all.
  ["centrum\t2024-03\tvapen", 9],
  ["centrum\t2024-01\tmisshandel", 3],
]);
const kommunLog = new Map([
  ["centrum\t2024-03\tklotter", 6],
  ["centrum\t2024-02\tklotter", 1],
]);

function table(sources: ReadonlyArray<ReadonlyMap<string, number>>) {
  const t = CountTable.build(sources, AREAS, CATEGORIES, TOTAL_OF);
  return (area: string, category: string, month: string) => t.value(t.cell(area, category), monthIndex(month));
}

describe("the count table", () => {
  it.each([
    ["centrum", "misshandel", "2024-03", 4],
    ["ljusne", "misshandel", "2024-03", 2],
    ["okant", "misshandel", "2024-03", 1],
    // 4 + 2 + 1 + 5 (gamla-stan); never the 9 of the unshown label.
    ["kommun", "misshandel", "2024-03", 12],
    // Each measure's total only adds its own categories: 4 crimes, 6 log events in Centrum.
    ["centrum", "total:brott", "2024-03", 4],
    ["centrum", "total:handelser", "2024-03", 6],
    ["kommun", "total:brott", "2024-03", 12],
    ["kommun", "total:handelser", "2024-03", 6],
    ["kommun", "klotter", "2024-02", 1],
    ["centrum", "misshandel", "2024-01", 3],
    // No group that month (between two that have one), before and after every group: 0.
    ["centrum", "misshandel", "2024-02", 0],
    ["centrum", "misshandel", "2023-12", 0],
    ["centrum", "misshandel", "2031-05", 0],
    // Not a row or a column of the table.
    ["gamla-stan", "misshandel", "2024-03", 0],
    ["centrum", "vapen", "2024-03", 0],
  ])("N(%s, %s, %s) = %i", (area, category, month, expected) => {
    expect(table([police, kommunLog])(area, category, month)).toBe(expected);
  });

  it("gives the same cells from ingest's indexed groups as from a plain map", () => {
    const plain = table([police, kommunLog]);
    const indexed = table([GroupCounts.from(police), GroupCounts.from(kommunLog)]);
    for (const area of AREAS) {
      for (const category of CATEGORIES) for (const month of ["2024-01", "2024-02", "2024-03"]) expect(indexed(area, category, month)).toBe(plain(area, category, month));
    }
  });

  it("adds a category's counts from two sources that both map it", () => {
    const more = new Map([["centrum\t2024-03\tmisshandel", 10]]);
    expect(table([police, more])("centrum", "misshandel", "2024-03")).toBe(14);
    expect(table([police, more])("kommun", "total:brott", "2024-03")).toBe(22);
  });

  it("keeps a stray old date to its own month instead of a century of empty months", () => {
    const stray = new Map([
      ["centrum\t1924-03\tmisshandel", 1],
      ["centrum\t2024-03\tmisshandel", 2],
    ]);
    const get = table([stray]);
    expect(get("centrum", "misshandel", "1924-03")).toBe(1);
    expect(get("centrum", "misshandel", "1974-03")).toBe(0);
    expect(get("kommun", "total:brott", "2024-03")).toBe(2);
  });
});
