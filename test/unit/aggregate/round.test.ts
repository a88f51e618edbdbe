import { describe, expect, it } from "vitest";
import { roundDecimal, roundRatio, roundSignificant } from "../../../src/aggregate/round.ts";

describe("roundRatio", () => {
  it.each([
    // [numerator, denominator, decimals, expected, why]
    [100 * (4 - 3), 8, 1, 12.5, "100·1/8 = 12.5 exactly, already one decimal"],
    [100, 16, 1, 6.3, "100/16 = 6.25, a tie: away from zero → 6.3"],
    [-100, 16, 1, -6.3, "−6.25 rounds away from zero → −6.3 (Math.round would give −6.2)"],
    [100, -16, 1, -6.3, "a negative denominator is the same value"],
    [-1, 8, 2, -0.13, "−0.125 → −0.13"],
    [100 * (2023 - 2000), 2000, 1, 1.2, "1.15 exactly; the double 1.15 is 1.1499…, so toFixed(1) says 1.1"],
    [201, 200, 2, 1.01, "1.005 exactly; the double 1.005 is 1.00499…, so toFixed(2) says 1.00"],
    [1, 3, 1, 0.3, "0.333… → 0.3"],
    [2, 3, 1, 0.7, "0.666… → 0.7"],
    [-2, 3, 1, -0.7, "−0.666… → −0.7"],
    [7, 12, 2, 0.58, "baseline 7/12 = 0.58333… → 0.58"],
    [234, 12, 2, 19.5, "baseline 234/12 = 19.5"],
    [5, 2, 0, 3, "2.5 → 3 with no decimals"],
    [-5, 2, 0, -3, "−2.5 → −3"],
    [12_345_678_900_000, 25_850, 1, 477_589_125.7, "123456789·100000/25850 = 477589125.7253…"],
    [26 * 100_000, 4200, 1, 619, "per_100k 26/4200·100000 = 619.047… → 619.0"],
  ])("roundRatio(%d, %d, %d) = %d (%s)", (num, den, decimals, expected) => {
    expect(roundRatio(num, den, decimals)).toBe(expected);
  });

  it("shows why toFixed and Math.round are not used (the traps the table above avoids)", () => {
    expect((1.15).toFixed(1)).toBe("1.1");
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(Math.round(-6.25 * 10) / 10).toBe(-6.2);
  });

  it("gives 0, never −0, for a zero numerator", () => {
    expect(Object.is(roundRatio(0, -5, 1), 0)).toBe(true);
    expect(Object.is(roundRatio(-1, 1000, 1), 0)).toBe(true); // −0.001 → 0.0, written as 0
  });

  it("refuses a zero denominator", () => {
    expect(() => roundRatio(1, 0, 1)).toThrow(RangeError);
  });
});

describe("roundDecimal", () => {
  it.each([
    [0.125, 2, 0.13, "0.125 is exact in binary: a true tie, away from zero"],
    [-0.125, 2, -0.13, "and the negative tie"],
    [112.5, 0, 113, "112.5 → 113"],
    [2.675, 2, 2.67, "the double 2.675 is 2.67499…: rounding works on the value actually stored"],
  ])("roundDecimal(%d, %d) = %d (%s)", (x, decimals, expected) => {
    expect(roundDecimal(x, decimals)).toBe(expected);
  });
});

describe("roundSignificant", () => {
  it.each([
    [2 / 13, 0.1538, "0.153846… → 0.1538"],
    [2 / 2197, 0.0009103, "0.00091033… → 0.0009103"],
    [0.15625, 0.1563, "5/32 = 0.15625 is exact: the tie goes away from zero"],
    [-0.15625, -0.1563, "negative tie"],
    [2 ** -10, 0.0009766, "0.0009765625 → 0.0009766"],
    [0.99995, 1, "the double 0.99995 is 0.9999500…055: 1.000, the carry moves to the next power of ten"],
    [1, 1, "exactly 1"],
    [123_456, 123_500, "large values keep four digits"],
    [1.23456e-10, 1.235e-10, "tiny p-values keep four significant digits"],
    [0, 0, "zero"],
  ])("roundSignificant(%d, 4) = %d (%s)", (x, expected) => {
    expect(roundSignificant(x, 4)).toBe(expected);
  });
});
