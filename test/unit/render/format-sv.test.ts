import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatMonth,
  formatMonthShort,
  formatNumber,
  formatPercentChange,
  formatSignedNumber,
} from "../../../src/render/format-sv.ts";

const S = "\u00a0"; // non-breaking space
const M = "\u2212"; // minus sign

describe("formatNumber", () => {
  it.each([
    [1234.5, 1, `1${S}234,5`],
    [0, 0, "0"],
    [999, 0, "999"],
    [1000, 0, `1${S}000`],
    [1234567, 0, `1${S}234${S}567`],
    [12, 1, "12,0"],
    [-2.45, 1, `${M}2,5`], // half away from zero, on the decimal digits (toFixed gives "-2.5" here by luck, "1.00" for 1.005)
    [1.005, 2, "1,01"],
    [0.05, 1, "0,1"],
    [-0.04, 1, "0,0"], // rounds to zero: no minus sign
    [9.995, 2, "10,00"],
    [11.83, 1, "11,8"],
    [0.0000375, 7, "0,0000375"],
  ])("formatNumber(%s, %s) is %j", (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it("is independent of Intl (no locale data used)", () => {
    expect(formatNumber(25850)).toBe(`25${S}850`);
  });
});

describe("signed and percentage changes", () => {
  it.each([
    [26.7, `+26,7${S}%`],
    [-2.4, `${M}2,4${S}%`],
    [0, `0,0${S}%`],
    [100, `+100,0${S}%`],
  ])("formatPercentChange(%s) is %j", (pct, expected) => {
    expect(formatPercentChange(pct)).toBe(expected);
  });

  it.each([
    [4, "+4"],
    [-1, `${M}1`],
    [0, "0"],
    [1500, `+1${S}500`],
  ])("formatSignedNumber(%s) is %j", (n, expected) => {
    expect(formatSignedNumber(n)).toBe(expected);
  });
});

describe("months and dates", () => {
  it.each([
    ["2024-01", "januari 2024"],
    ["2024-03", "mars 2024"],
    ["2023-12", "december 2023"],
  ])("formatMonth(%s) is %s", (m, expected) => {
    expect(formatMonth(m)).toBe(expected);
  });

  it.each([
    ["2024-03", "mars 2024"],
    ["2024-04", "apr 2024"],
    ["2024-09", "sep 2024"],
    ["2024-06", "juni 2024"],
  ])("formatMonthShort(%s) is %s", (m, expected) => {
    expect(formatMonthShort(m)).toBe(expected);
  });

  it("formats the date as written in the timestamp, whatever the machine's zone", () => {
    expect(formatDate("2024-04-02T06:00:00+02:00")).toBe("2 april 2024");
    expect(formatDate("2024-12-31T23:30:00+01:00")).toBe("31 december 2024");
    expect(formatDate("2023-05-10")).toBe("10 maj 2023");
  });

  it("rejects a malformed month", () => {
    expect(() => formatMonth("2024-13")).toThrow();
  });
});
