/**
 * The default month is the previous calendar month in the config's zone, whatever the machine's zone
 * (spec/cli.md): a scheduler needs no flag. The run's "now" is injected, never read from the clock.
 */
import { describe, expect, it } from "vitest";
import { resolveGeneratedAt } from "../../../src/core/generated-at.ts";
import { defaultMonth, selectMonths, singleMonthBeforeReading } from "../../../src/app/month-selection.ts";

const TZ = "Europe/Stockholm";
const monthAt = (iso: string) => defaultMonth(resolveGeneratedAt(iso, undefined, 0, TZ).month);

describe("the default month", () => {
  it.each([
    // 2025-01-01 00:30 in Stockholm is still 2024-12-31 23:30 UTC: the month is taken in Stockholm.
    ["2025-01-01T00:30:00+01:00", "2024-12"],
    ["2024-12-31T23:30:00Z", "2024-12"], // = 2025-01-01 00:30 Stockholm
    ["2024-12-31T22:59:59Z", "2024-11"], // = 2024-12-31 23:59:59 Stockholm
    // DST starts 2024-03-31 02:00 → 03:00; 2024-04-01 00:15 CEST is 2024-03-31 22:15 UTC.
    ["2024-03-31T22:15:00Z", "2024-03"],
    // DST ends 2024-10-27 03:00 → 02:00; the November month starts 2024-10-31 23:00 UTC.
    ["2024-10-31T23:00:00Z", "2024-10"],
    ["2024-10-31T22:59:59Z", "2024-09"],
    ["2024-03-01T00:00:00+01:00", "2024-02"],
  ])("at %s is %s", (now, expected) => {
    expect(monthAt(now)).toBe(expected);
  });

  it("takes SOURCE_DATE_EPOCH when no flag is given", () => {
    // 1735687800 = 2024-12-31T23:30:00Z = 2025-01-01 00:30 in Stockholm
    const g = resolveGeneratedAt(undefined, "1735687800", 0, TZ);
    expect(g.iso).toBe("2025-01-01T00:30:00+01:00");
    expect(defaultMonth(g.month)).toBe("2024-12");
  });

  it("falls back to the injected clock", () => {
    const g = resolveGeneratedAt(undefined, undefined, Date.UTC(2024, 6, 1, 4, 0, 0, 500), TZ);
    expect(g.iso).toBe("2024-07-01T06:00:00+02:00");
  });
});

describe("month flags", () => {
  it("lists a range oldest first, across a year end", () => {
    expect(selectMonths({ from: "2023-11", to: "2024-02" }, "2024-05", () => null)).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
  });
  it("ends a range without --to at the default month", () => {
    expect(selectMonths({ from: "2024-02" }, "2024-05", () => null)).toEqual(["2024-02", "2024-03", "2024-04"]);
  });
  it("resolves latest through the coverage it is given", () => {
    expect(selectMonths({ month: "latest" }, "2024-05", () => "2024-03")).toEqual(["2024-03"]);
  });
  it.each([
    [{ month: "2024-03", from: "2024-01" }],
    [{ month: "2024-13" }],
    [{ from: "2024-05", to: "2024-01" }],
    [{ to: "2024-01" }],
  ])("rejects %j as a usage error", (flags) => {
    expect(() => selectMonths(flags, "2024-05", () => null)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe("singleMonthBeforeReading", () => {
  it("is the month of --month YYYY-MM or the default month, and unknown for a range or latest", () => {
    expect(singleMonthBeforeReading({ month: "2024-03" }, "2024-05")).toBe("2024-03");
    expect(singleMonthBeforeReading({}, "2024-05")).toBe("2024-04");
    expect(singleMonthBeforeReading({ month: "latest" }, "2024-05")).toBeUndefined();
    expect(singleMonthBeforeReading({ from: "2024-01" }, "2024-05")).toBeUndefined();
    expect(singleMonthBeforeReading({ from: "2024-01", to: "2024-01" }, "2024-05")).toBeUndefined();
  });
});
