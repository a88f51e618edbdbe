// stringifyJson takes JSON.stringify's text when no number is in exponent form (issue 7); these pin the
// cases where the fast path must hand over to the exponent-free writer.
import { describe, expect, it } from "vitest";
import { stringifyJson } from "../../../src/core/write-json.ts";

describe("stringifyJson fast path", () => {
  it("keeps a string that looks like an exponent as written", () => {
    expect(stringifyJson({ s: "1e-5", n: 2 })).toBe('{\n  "s": "1e-5",\n  "n": 2\n}\n');
  });

  it("writes an exponent number in full next to ordinary values", () => {
    expect(stringifyJson({ a: [1, 2.5], p: 5e-7 })).toBe('{\n  "a": [\n    1,\n    2.5\n  ],\n  "p": 0.0000005\n}\n');
  });

  it("writes a bigint as its digits", () => {
    expect(stringifyJson({ n: 12345678901234567890n })).toBe('{\n  "n": 12345678901234567890\n}\n');
  });

  it("writes null for NaN and Infinity, as JSON.stringify does", () => {
    expect(stringifyJson([Number.NaN, Number.POSITIVE_INFINITY])).toBe("[\n  null,\n  null\n]\n");
  });
});
