import { describe, expect, it } from "vitest";
import { plainNumber } from "../../../src/core/decimal.ts";
import { stringifyJson } from "../../../src/core/write-json.ts";

describe("stringifyJson", () => {
  it("writes small numbers without exponent notation", () => {
    expect(stringifyJson({ p: 0.0000375 })).toBe('{\n  "p": 0.0000375\n}\n');
    expect(stringifyJson([1e-7, -2.5e-10])).toBe("[\n  0.0000001,\n  -0.00000000025\n]\n");
  });

  it("writes huge integers in full", () => {
    expect(stringifyJson(1e21)).toBe("1000000000000000000000\n");
    expect(stringifyJson(1.5e22)).toBe("15000000000000000000000\n");
  });

  it("matches JSON.stringify with 2-space indent for ordinary values", () => {
    const value = { b: 1, a: [1, "x", null, true, { c: {} }], e: [], s: "å\"\n", n: -0, u: undefined };
    expect(stringifyJson(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it("keeps keys in insertion order", () => {
    expect(stringifyJson({ z: 1, a: 2 })).toBe('{\n  "z": 1,\n  "a": 2\n}\n');
  });

  it.each([
    [73.5, "73.5"],
    [0.1, "0.1"],
    [1e-6, "0.000001"],
    [123456789.123, "123456789.123"],
    [-3.75e-5, "-0.0000375"],
    [2e21, "2000000000000000000000"],
  ])("plainNumber(%s) is %s", (n, expected) => {
    expect(plainNumber(n)).toBe(expected);
  });
});
