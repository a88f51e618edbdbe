import { describe, expect, it } from "vitest";
import { parseNonNegativeInteger, parseNumber } from "../../../src/core/parse-number.ts";

describe("parseNumber", () => {
  it.each([
    ["0", 0],
    ["42", 42],
    [" 7 ", 7],
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["1 234", 1234],
    ["1\u00a0234", 1234], // Excel's non-breaking space
    ["1\u202f234\u202f567", 1234567], // narrow no-break space, as Intl sv-SE writes
    ["1 234,75", 1234.75],
  ])("reads %j as %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(["", "-1", "+3", "12 34", "1 2345", "1,2,3", "12,", ",5", "tre", "1e3", "0x10", "12 kr"])(
    "rejects %j",
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );
});

describe("parseNonNegativeInteger (an incident row's count)", () => {
  it.each([
    ["1", 1],
    ["1 234", 1234],
    ["3,0", 3],
  ])("reads %j as %d", (text, value) => {
    expect(parseNonNegativeInteger(text)).toBe(value);
  });

  it("rejects a fraction: half an event is not a count", () => {
    expect(parseNonNegativeInteger("12,5")).toBeNull();
  });
});
