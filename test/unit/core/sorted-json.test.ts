/**
 * sortedJson (src/core/sorted-json.ts), the canonical text the config hash and the warm run's record
 * compare: the same content in another key order gives the same text, at every level; array order is
 * content and is kept; other content gives other text.
 */
import { describe, expect, it } from "vitest";
import { sortedJson } from "../../../src/core/sorted-json.ts";

describe("sortedJson", () => {
  it("sorts object keys at every level, inside arrays too", () => {
    expect(sortedJson({ b: 1, a: { d: [{ y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[{"x":1,"y":2}]},"b":1}');
  });

  it("gives one text for two key orders and keeps array order apart", () => {
    expect(sortedJson({ kommun: "Testby", areas: ["norr", "centrum"] })).toBe(sortedJson({ areas: ["norr", "centrum"], kommun: "Testby" }));
    expect(sortedJson({ areas: ["norr", "centrum"] })).not.toBe(sortedJson({ areas: ["centrum", "norr"] }));
  });

  it("sorts by code unit, the same on every machine (Å after Z, uppercase before lowercase)", () => {
    expect(sortedJson({ ö: 1, Å: 2, a: 3, Z: 4 })).toBe('{"Z":4,"a":3,"Å":2,"ö":1}');
  });
});
