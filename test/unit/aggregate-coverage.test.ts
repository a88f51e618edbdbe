import { describe, expect, it } from "vitest";
import {
  checkReportMonth,
  coversMonth,
  isAvailable,
  sourceCoverage,
  type SourceCoverage,
} from "../../src/aggregate/coverage.ts";
import { LagesbildError } from "../../src/core/errors.ts";

const rows = (firstMonth: string | null, lastMonth: string | null) => ({ firstMonth, lastMonth });

describe("sourceCoverage", () => {
  it("takes the bounds from covers", () => {
    expect(sourceCoverage(rows("2020-05", "2024-01"), { covers: { from: "2021-01", to: "2023-12" } }, "2024-04")).toEqual({
      from: "2021-01",
      to: "2023-12",
    });
  });

  it("fills a bound covers leaves out with the first/last accepted month", () => {
    expect(sourceCoverage(rows("2020-05", "2024-02"), { covers: { from: "2021-01" } }, "2024-04")).toEqual({
      from: "2021-01",
      to: "2024-02",
    });
    expect(sourceCoverage(rows("2020-05", "2024-02"), {}, "2024-04")).toEqual({ from: "2020-05", to: "2024-02" });
  });

  it("never covers the month the run is in, which has not ended", () => {
    // Rows already dated in April 2024 and a run on 2024-04-02: April is capped away, March is the last.
    expect(sourceCoverage(rows("2023-01", "2024-04"), {}, "2024-04").to).toBe("2024-03");
    expect(sourceCoverage(rows("2023-01", "2024-01"), { covers: { to: "2030-12" } }, "2024-04").to).toBe("2024-03");
  });

  it("covers nothing without accepted rows or bounds", () => {
    const c = sourceCoverage(rows(null, null), {}, "2024-04");
    expect(c).toEqual({ from: null, to: null });
    expect(coversMonth(c, "2024-03")).toBe(false);
  });
});

describe("coversMonth", () => {
  it.each([
    ["2020-12", false],
    ["2021-01", true],
    ["2022-07", true],
    ["2024-02", true],
    ["2024-03", false],
  ])("2021-01–2024-02 covers %s: %s", (month, expected) => {
    expect(coversMonth({ from: "2021-01", to: "2024-02" }, month)).toBe(expected);
  });
});

const polis: SourceCoverage = {
  sourceId: "polis",
  required: true,
  categories: new Set(["skadegorelse", "misshandel"]),
  coverage: { from: "2021-01", to: "2024-03" },
};
const kommunen: SourceCoverage = {
  sourceId: "kommunen",
  required: false,
  categories: new Set(["klotter", "misshandel"]),
  coverage: { from: "2023-06", to: "2024-02" },
};

describe("isAvailable", () => {
  it.each([
    ["skadegorelse", "2022-01", true, "only polis maps it, and polis covers 2022-01"],
    ["klotter", "2022-01", false, "kommunen maps it and starts 2023-06"],
    ["misshandel", "2023-05", false, "both map it: every one of them must cover the month"],
    ["misshandel", "2023-06", true, "both cover 2023-06"],
    ["total", "2023-05", false, "total needs every source"],
    ["total", "2024-01", true, "every source covers 2024-01"],
    ["total", "2024-03", false, "kommunen ends 2024-02"],
  ])("%s in %s: %s (%s)", (category, month, expected) => {
    expect(isAvailable([polis, kommunen], category, month)).toBe(expected);
  });
});

describe("checkReportMonth", () => {
  const names = new Map([
    ["skadegorelse", "Skadegörelse"],
    ["misshandel", "Misshandel"],
    ["klotter", "Klotter"],
  ]);

  it("passes quietly when every source covers the month", () => {
    expect(checkReportMonth([polis, kommunen], "2024-01", names)).toEqual([]);
  });

  it("fails with not_covered (exit 4) when a required source does not cover the month", () => {
    const late = { ...polis, coverage: { from: "2021-01", to: "2024-02" } };
    let error: unknown;
    try {
      checkReportMonth([late], "2024-03", names);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LagesbildError);
    expect((error as LagesbildError).code).toBe("not_covered");
    expect((error as LagesbildError).exitCode).toBe(4);
    expect((error as LagesbildError).message).toBe("Månaden 2024-03 täcks ännu inte av källan polis (täcker 2021-01–2024-02).");
  });

  it("says so when a required source covers no month at all", () => {
    const empty = { ...polis, coverage: { from: null, to: null } };
    expect(() => checkReportMonth([empty], "2024-03", names)).toThrow(
      "Månaden 2024-03 täcks ännu inte av källan polis (täcker ännu ingen månad).",
    );
  });

  it("leaves a note instead of failing for a source with required: false", () => {
    expect(checkReportMonth([polis, kommunen], "2024-03", names)).toEqual([
      "Källan kommunen täcker inte 2024-03 (täcker 2023-06–2024-02): uppgift saknas för Klotter, Misshandel och för Alla kategorier.",
    ]);
  });
});
