import { describe, expect, it } from "vitest";
import {
  checkReportMonth,
  coversMonth,
  isAvailable,
  latestCommonMonth,
  notCoveredMessage,
  sourceCoverage,
  type Coverage,
  type SourceCoverage,
} from "../../../src/aggregate/coverage.ts";
import { LagesbildError } from "../../../src/core/errors.ts";
import { daysInMonth, monthRange } from "../../../src/core/month.ts";

/** One file whose dated rows fall on the given local dates (`YYYY-MM-DD`), whatever their outcome. */
function datedOn(...dates: string[]): { dated: Record<string, [number, number]> } {
  const dated: Record<string, [number, number]> = {};
  for (const d of dates) {
    const month = d.slice(0, 7);
    const day = Number(d.slice(8));
    const span = dated[month];
    dated[month] = span === undefined ? [day, day] : [Math.min(span[0], day), Math.max(span[1], day)];
  }
  return { dated };
}

/** A row on the 1st and on the last day of every month of the range (a busy archive). */
const everyMonth = (from: string, to: string) => datedOn(...monthRange(from, to).flatMap((t) => [`${t}-01`, `${t}-${daysInMonth(t)}`]));

describe("sourceCoverage — from the source's dated rows", () => {
  it("does not cover a month the archive ends in the middle of (16 August)", () => {
    // Gävle, issue 13: the archive ends 16 August 2026; the run is in December.
    const c = sourceCoverage([everyMonth("2026-01", "2026-07"), datedOn("2026-08-01", "2026-08-16")], {}, "2026-12");
    expect(c.to).toBe("2026-07");
    expect(coversMonth(c, "2026-08")).toBe(false);
    expect(c.last).toBe("2026-08-16");
  });

  it.each([
    // day L−2: 29 of a 31-day month, 26 February 2023 (28 days), 27 February 2024 (29 days), 28 of a 30-day month
    ["2024-03-29", "2024-03", true],
    ["2024-03-28", "2024-03", false],
    ["2023-02-26", "2023-02", true],
    ["2023-02-25", "2023-02", false],
    ["2024-02-27", "2024-02", true],
    ["2024-02-26", "2024-02", false],
    ["2024-04-28", "2024-04", true],
    ["2024-04-27", "2024-04", false],
  ])("a last row on %s covers %s: %s", (last, month, expected) => {
    const c = sourceCoverage([datedOn(`${month}-01`, last)], {}, "2025-01");
    expect(coversMonth(c, month)).toBe(expected);
  });

  it("needs a row on or before the 1st: an export starting on the 2nd covers the next month first", () => {
    const c = sourceCoverage([datedOn("2024-03-02", "2024-03-31", "2024-04-15", "2024-04-30")], {}, "2025-01");
    expect([c.from, c.to]).toEqual(["2024-04", "2024-04"]);
    expect(c.first).toBe("2024-03-02");
  });

  it("counts a month with rows but none on its 1st when an earlier month has rows", () => {
    // 31 January reaches before 1 February; 27 February 2024 is day L−2 of 29.
    const c = sourceCoverage([datedOn("2024-01-01", "2024-01-31", "2024-02-10", "2024-02-27")], {}, "2025-01");
    expect([c.from, c.to, c.gaps]).toEqual(["2024-01", "2024-02", []]);
  });

  it("treats a month with no row at all between covered months as a gap (a missing file)", () => {
    const c = sourceCoverage([everyMonth("2024-01", "2024-04"), everyMonth("2024-06", "2024-08")], {}, "2025-01");
    expect([c.from, c.to, c.gaps]).toEqual(["2024-01", "2024-08", ["2024-05"]]);
    expect(coversMonth(c, "2024-05")).toBe(false);
    expect(coversMonth(c, "2024-06")).toBe(true);
  });

  it("lets a declared covers.to declare a sparse export complete (no gap, no need to reach day L−2)", () => {
    const sparse = [datedOn("2024-01-01", "2024-03-14")];
    // Without it: January is covered (a row on its 1st, one after its 29th), February has no row: a gap, so to stays January.
    expect(sourceCoverage(sparse, {}, "2025-01")).toMatchObject({ from: "2024-01", to: "2024-01", gaps: [] });
    const c = sourceCoverage(sparse, { covers: { to: "2024-06" } }, "2025-01");
    expect([c.from, c.to, c.gaps]).toEqual(["2024-01", "2024-06", []]);
  });

  it("lets declared bounds win over the data", () => {
    const c = sourceCoverage([everyMonth("2020-05", "2024-01")], { covers: { from: "2021-01", to: "2023-12" } }, "2024-04");
    expect([c.from, c.to]).toEqual(["2021-01", "2023-12"]);
    // A declared from replaces the "row on or before the 1st" test: covered from then.
    const d = sourceCoverage([datedOn("2024-03-20", "2024-03-31", "2024-04-29")], { covers: { from: "2024-03" } }, "2025-01");
    expect([d.from, d.to]).toEqual(["2024-03", "2024-04"]);
  });

  it("never covers the month the run is in, which has not ended", () => {
    expect(sourceCoverage([everyMonth("2023-01", "2024-04")], {}, "2024-04").to).toBe("2024-03");
    expect(sourceCoverage([everyMonth("2023-01", "2024-01")], { covers: { to: "2030-12" } }, "2024-04").to).toBe("2024-03");
  });

  it("covers nothing without dated rows or declared bounds", () => {
    const c = sourceCoverage([datedOn()], {}, "2024-04");
    expect([c.from, c.to, c.first, c.last]).toEqual([null, null, null, null]);
    expect(coversMonth(c, "2024-03")).toBe(false);
  });

  it("makes an aggregated table (rows stored as days 1 and L) cover exactly its months", () => {
    const table = datedOn("2024-01-01", "2024-01-31", "2024-02-01", "2024-02-29", "2024-04-01", "2024-04-30");
    const c = sourceCoverage([table], {}, "2025-01");
    expect([c.from, c.to, c.gaps]).toEqual(["2024-01", "2024-04", ["2024-03"]]);
  });

  it("joins the spans of several files", () => {
    const c = sourceCoverage([datedOn("2024-03-01", "2024-03-10"), datedOn("2024-03-05", "2024-03-30")], {}, "2025-01");
    expect([c.from, c.to]).toEqual(["2024-03", "2024-03"]);
  });
});

describe("notCoveredMessage", () => {
  it("says how far the source reaches and that covers.to declares a sparse export complete", () => {
    const c = sourceCoverage([everyMonth("2026-01", "2026-07"), datedOn("2026-08-16")], {}, "2026-12");
    expect(notCoveredMessage("polis", "sources[0]", c, "2026-08")).toBe(
      "Månaden 2026-08 täcks ännu inte av källan polis (data inte levererad): källan polis når till 16 augusti 2026, " +
        "och en månad räknas som täckt först när källan når minst till 29 augusti 2026. " +
        "Om exporten är komplett men gles (månader utan händelser), ange covers: { to: 2026-08 } under sources[0] i konfigurationen.",
    );
  });

  it("names a gap as a month without rows", () => {
    const c = sourceCoverage([everyMonth("2024-01", "2024-04"), everyMonth("2024-06", "2024-08")], {}, "2025-01");
    expect(notCoveredMessage("kommunen", "sources[1]", c, "2024-05")).toContain("källans filer har inga rader alls daterade i 2024-05 (saknas en fil?)");
  });
});

describe("coversMonth", () => {
  const c = { from: "2021-01", to: "2024-02", gaps: ["2022-07"] };
  it.each([
    ["2020-12", false],
    ["2021-01", true],
    ["2022-07", false],
    ["2022-08", true],
    ["2024-02", true],
    ["2024-03", false],
  ])("2021-01–2024-02 except 2022-07 covers %s: %s", (month, expected) => {
    expect(coversMonth(c, month)).toBe(expected);
  });
});

describe("latestCommonMonth", () => {
  it("is the latest month every source covers, skipping a gap", () => {
    expect(latestCommonMonth([{ from: "2021-01", to: "2024-03", gaps: [] }, { from: "2023-01", to: "2024-02", gaps: ["2024-02"] }])).toBe("2024-01");
    expect(latestCommonMonth([{ from: "2021-01", to: "2024-03", gaps: [] }, { from: null, to: null, gaps: [] }])).toBeNull();
  });
});

const range = (from: string | null, to: string | null): Coverage => ({
  from, to, gaps: [], first: from === null ? null : `${from}-01`, last: to === null ? null : `${to}-28`, declared: {}, lastEnded: "2024-03",
});

const polis: SourceCoverage = {
  sourceId: "polis",
  required: true,
  categories: new Set(["skadegorelse", "misshandel"]),
  coverage: range("2021-01", "2024-03"),
};
const kommunen: SourceCoverage = {
  sourceId: "kommunen",
  required: false,
  categories: new Set(["klotter", "misshandel"]),
  coverage: range("2023-06", "2024-02"),
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
    const late = { ...polis, coverage: sourceCoverage([everyMonth("2021-01", "2024-02")], {}, "2024-04") };
    let error: unknown;
    try {
      checkReportMonth([late], "2024-03", names, new Map([["polis", "sources[0]"]]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LagesbildError);
    expect((error as LagesbildError).code).toBe("not_covered");
    expect((error as LagesbildError).exitCode).toBe(4);
    expect((error as LagesbildError).message).toContain("källan polis når till 29 februari 2024");
  });

  it("says so when a required source has no dated row at all", () => {
    const empty = { ...polis, coverage: sourceCoverage([], {}, "2024-04") };
    expect(() => checkReportMonth([empty], "2024-03", names)).toThrow("källans filer har inga rader med användbart datum");
  });

  it("leaves a note instead of failing for a source with required: false", () => {
    expect(checkReportMonth([polis, kommunen], "2024-03", names)).toEqual([
      "Källan kommunen täcker inte 2024-03 (täcker 2023-06–2024-02): uppgift saknas för Klotter, Misshandel och för Alla kategorier.",
    ]);
  });
});
