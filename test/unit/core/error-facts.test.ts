/** What a caught value says about itself (src/core/error-facts.ts), for every kind of thrown value. */
import { describe, expect, it } from "vitest";
import { errorCode, errorMessage } from "../../../src/core/error-facts.ts";

const enoent = Object.assign(new Error("ENOENT: no such file or directory, open 'x.csv'"), { code: "ENOENT" });

describe("errorMessage and errorCode", () => {
  it.each([
    ["an Error", new Error("trasig"), "trasig", undefined],
    ["a system error", enoent, "ENOENT: no such file or directory, open 'x.csv'", "ENOENT"],
    ["a string", "bara text", "bara text", undefined],
    ["null", null, "null", undefined],
    ["an object with a numeric code", { code: 42 }, "[object Object]", undefined],
  ])("read %s", (_what, value, message, code) => {
    expect(errorMessage(value)).toBe(message);
    expect(errorCode(value)).toBe(code);
  });
});
