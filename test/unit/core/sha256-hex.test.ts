// sha256Hex hashes a text as its UTF-8 bytes (core/utf8.ts encodes through TextEncoder): the same digest
// as node's own UTF-8 encoding and the sha256 worked out elsewhere, for ASCII, Swedish letters, a
// character beyond the BMP and a lone surrogate (both encoders write U+FFFD for it).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../../src/core/sha256-hex.ts";
import { UTF8_CHUNK, utf8 } from "../../../src/core/utf8.ts";

describe("sha256Hex", () => {
  it("gives the known digest of a short text", () => {
    // sha256("abc"), FIPS 180-2 appendix B.1.
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it.each([
    "Skadegörelse i Västra Åby – 19 brott",
    "fält 😀 rapport",
    "ensam \ud800 halva",
    `${"å".repeat(70_000)}€`,
    // A pair across the first piece's end (encoded piece by piece), and a lone high surrogate at it.
    `${"a".repeat(UTF8_CHUNK - 1)}😀${"ö".repeat(UTF8_CHUNK)}€`,
    `${"a".repeat(UTF8_CHUNK - 1)}\ud83d${"b".repeat(10)}`,
  ])("hashes text %# as node's UTF-8 bytes", (text) => {
    const expected = createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");
    expect(sha256Hex(text)).toBe(expected);
    expect(utf8(text).equals(Buffer.from(text, "utf8"))).toBe(true);
    expect(sha256Hex(Buffer.from(text, "utf8"))).toBe(expected);
  });
});
