/**
 * Months of instants in the config's time zone (src/core/zoned-month.ts). Expected instants worked out
 * by hand: Stockholm is UTC+1 in winter and UTC+2 in summer (CEST from the last Sunday of March).
 */
import { describe, expect, it } from "vitest";
import { monthOf, monthStart } from "../../../src/core/zoned-month.ts";

const TZ = "Europe/Stockholm";

describe("zoned months", () => {
  it.each([
    ["2024-01", "2023-12-31T23:00:00.000Z"],
    ["2024-04", "2024-03-31T22:00:00.000Z"],
    ["2024-11", "2024-10-31T23:00:00.000Z"],
  ])("%s starts at %s in Stockholm", (month, iso) => {
    expect(new Date(monthStart(month, TZ)).toISOString()).toBe(iso);
  });

  it.each([
    // 00:30 on 1 September in Stockholm is still 31 August in UTC.
    ["2024-08-31T22:30:00Z", "2024-09"],
    ["2024-08-31T21:59:59Z", "2024-08"],
    ["2024-12-31T23:00:00Z", "2025-01"],
  ])("%s is in %s in Stockholm", (iso, month) => {
    expect(monthOf(Date.parse(iso), TZ)).toBe(month);
  });
});
