/**
 * The checked lookups that replaced `!` assertions (core/checked.ts): they give the value where the
 * code's proof holds, and throw an InvariantError naming what was missing where it does not, instead
 * of letting `undefined` run on.
 */
import { describe, expect, it } from "vitest";
import { addAt, at, group, InvariantError, last, mustGet, present } from "../../../src/core/checked.ts";

describe("checked lookups", () => {
  it("at gives the element, including a falsy one", () => {
    expect(at([5, 0, 7], 1)).toBe(0);
    expect(at(new Uint8Array([9, 8]), 1)).toBe(8);
  });

  it.each([[-1], [3], [1.5]])("at throws for index %s of a 3-element list", (i) => {
    expect(() => at([1, 2, 3], i)).toThrow(InvariantError);
  });

  it("last gives the last element and throws for an empty list", () => {
    expect(last(["a", "b"])).toBe("b");
    expect(() => last([])).toThrow("index -1 outside 0..-1");
  });

  it("mustGet names what was missing", () => {
    const m = new Map([["a", 1]]);
    expect(mustGet(m, "a", "first seen")).toBe(1);
    expect(() => mustGet(m, "b", "first seen")).toThrow("first seen: no entry for b");
  });

  it("group gives a capture, even an empty one, and throws for one that did not take part", () => {
    const m = /^(a*)(x)?$/.exec("");
    expect(m).not.toBeNull();
    if (m === null) return;
    expect(group(m, 1)).toBe("");
    expect(() => group(m, 2)).toThrow(InvariantError);
  });

  it("present passes 0 and '' and throws for null and undefined", () => {
    expect(present(0, "n")).toBe(0);
    expect(present("", "s")).toBe("");
    expect(() => present(null, "the count")).toThrow("the count is missing");
    expect(() => present(undefined, "the count")).toThrow(InvariantError);
  });

  it("addAt adds in place and throws rather than drop a write outside the array", () => {
    const xs = new Float64Array([1, 2]);
    addAt(xs, 1, 2.5);
    addAt(xs, 0, -1);
    expect([...xs]).toEqual([0, 4.5]);
    expect(() => addAt(xs, 2, 1)).toThrow(InvariantError);
  });
});
