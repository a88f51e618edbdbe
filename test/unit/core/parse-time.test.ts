import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLocalTimestamp } from "../../../src/core/parse-time.ts";

const TZ = "Europe/Stockholm";

describe("parseLocalTimestamp", () => {
  // Expected instants by hand: Stockholm is UTC+1 in winter, UTC+2 from 2024-03-31 02:00 to 2024-10-27 03:00.
  it.each([
    ["2024-03-05", "2024-03", "2024-03-04T23:00:00.000Z", 5],
    ["2024-03-05 22:14", "2024-03", "2024-03-05T21:14:00.000Z", 5],
    ["2024-03-05 22:14:01", "2024-03", "2024-03-05T21:14:01.000Z", 5],
    ["2024-03-05T22:14", "2024-03", "2024-03-05T21:14:00.000Z", 5],
    ["2024-03-05T22:14:01", "2024-03", "2024-03-05T21:14:01.000Z", 5],
    ["2024-07-01 12:00", "2024-07", "2024-07-01T10:00:00.000Z", 1],
    ["2024-03-31 23:59", "2024-03", "2024-03-31T21:59:00.000Z", 31],
    ["  2024-03-05  ", "2024-03", "2024-03-04T23:00:00.000Z", 5],
    ["2024-02-29", "2024-02", "2024-02-28T23:00:00.000Z", 29],
    ["2000-02-29 12:00", "2000-02", "2000-02-29T11:00:00.000Z", 29],
  ])("reads the local time %j as month %s", (text, month, iso, day) => {
    expect(parseLocalTimestamp(text, TZ)).toEqual({ month, instant: Date.parse(iso), day });
  });

  it.each([
    // The spec's own example: 22:30 UTC is 00:30 on 1 April in Stockholm.
    ["2024-03-31T22:30:00Z", "2024-04", "2024-03-31T22:30:00.000Z", 1],
    ["2024-03-31T23:30:00+01:00", "2024-04", "2024-03-31T22:30:00.000Z", 1],
    ["2024-03-31 21:59:59Z", "2024-03", "2024-03-31T21:59:59.000Z", 31],
    ["2024-01-31T23:30:00-01:00", "2024-02", "2024-02-01T00:30:00.000Z", 1],
    ["2024-12-31T23:30:00+0100", "2024-12", "2024-12-31T22:30:00.000Z", 31],
    ["2024-12-31T23:30+00:00", "2025-01", "2024-12-31T23:30:00.000Z", 1],
    ["2024-06-30T23:00:00+02:00", "2024-06", "2024-06-30T21:00:00.000Z", 30],
  ])("converts %j to the zone before taking the month and day (%s)", (text, month, iso, day) => {
    // The local day (coverage's dated days) is also taken after the conversion: 22:30Z on 31 March is 1 April.
    expect(parseLocalTimestamp(text, TZ)).toEqual({ month, instant: Date.parse(iso), day });
  });

  it.each([
    "2023-02-29",
    "2100-02-29",
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-03-00",
    "2024-03-05 24:00",
    "2024-03-05 10:60",
    "2024-03-05 10:00:60",
    "2024-3-5",
    "05/03/2024",
    "5 mars 2024",
    "2024-03-05T10",
    "2024-03-05 10:00:00.123",
    "2024-03-05Z",
    "2024-03-05 10:00 +01:00",
    "2024-03-05T10:00+25:00",
    "",
  ])("rejects %j as bad_date", (text) => {
    expect(parseLocalTimestamp(text, TZ)).toBeNull();
  });

  it("reads plain local timestamps digit by digit exactly as the general pattern reads them", () => {
    // A trailing space sends the same text down the regex path (it trims); the digit-by-digit path takes the exact forms.
    // Mostly in range, sometimes any two digits (out-of-range values must be null both ways).
    const two = (max: number, min = 0) => fc.oneof(fc.integer({ min, max }), fc.integer({ min: 0, max: 99 })).map((n) => String(n).padStart(2, "0"));
    const text = fc
      .tuple(fc.integer({ min: 1900, max: 2099 }), two(12, 1), two(31, 1), two(23), two(59), two(59), fc.constantFrom(" ", "T"), fc.constantFrom(10, 16, 19))
      .map(([y, mo, d, h, mi, s, sep, n]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}`.slice(0, n));
    fc.assert(
      fc.property(text, (t) => {
        expect(parseLocalTimestamp(t, TZ)).toEqual(parseLocalTimestamp(`${t} `, TZ));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives each hour of a DST day its own offset, whichever hour of the day is read first", () => {
    // By hand: +01:00 before 2024-03-31 02:00 and from 2024-10-27 03:00 (second pass), +02:00 between.
    const instant = (t: string) => new Date(parseLocalTimestamp(t, TZ)!.instant).toISOString();
    expect(instant("2024-03-31 23:00")).toBe("2024-03-31T21:00:00.000Z");
    expect(instant("2024-03-31 01:30")).toBe("2024-03-31T00:30:00.000Z");
    expect(instant("2024-10-27 04:00")).toBe("2024-10-27T03:00:00.000Z");
    expect(instant("2024-10-27 01:30")).toBe("2024-10-26T23:30:00.000Z");
    expect(instant("2024-10-28 01:30")).toBe("2024-10-28T00:30:00.000Z");
  });

  it("handles the spring-forward gap without crashing (02:30 does not exist on 2024-03-31)", () => {
    expect(parseLocalTimestamp("2024-03-31 02:30", TZ)?.month).toBe("2024-03");
  });
});
