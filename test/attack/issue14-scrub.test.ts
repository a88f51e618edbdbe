/**
 * Issue 14.3 and 14.6: every written form of a Swedish identifier is scrubbed, in plain text and in the
 * analysts' Markdown after it is decoded, and scrubbing stays linear in a long token.
 *
 * The property tests build identifiers from parts (digits, then a separator drawn from every dash and
 * space a Word or web copy produces) inside text of letters only, so the check is independent of the
 * scrubber's patterns: the scrubbed text must hold no digit at all.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identifierRanges, scrub } from "../../src/core/scrub.ts";
import { capText, quarantineLine, QUARANTINE_MAX_CHARS } from "../../src/ingest/quarantine.ts";
import { commentaryHtml } from "../../src/render/commentary-markdown.ts";

/** Every form the issue lists, and the classic ones, in one table: the form and what it exercises. */
const FORMS: Array<[string, string]> = [
  ["070-765-43-21", "dashes between every group"],
  ["Tel:073-111 22 33", "after Tel: without a space"],
  ["Tel.070-123 45 67", "after Tel. without a space"],
  ["076\u00a0222\u00a033\u00a044", "non-breaking spaces"],
  ["076\u202f222\u202f33\u202f44", "narrow non-breaking spaces"],
  ["08–555 66 77", "an en dash after the area code"],
  ["08—555 66 77", "an em dash"],
  ["08\u2212555 66 77", "a minus sign"],
  ["0046 8 123 456 78", "0046 with spaces"],
  ["+46 70 123 45 67", "+46 with spaces"],
  ["+46 (0)70-123 45 67", "+46 (0)"],
  ["(08) 555 66 77", "area code in brackets"],
  ["0270-750 00", "a four-digit area code"],
  ["0701234567", "no separators"],
  ["070\u200b-123 45 67", "a zero-width space inside"],
  ["19850312-1234", "12-digit personnummer"],
  ["850312-1234", "10-digit personnummer"],
  ["850312+1234", "over 100 years old"],
  ["8503121234", "no separator"],
  ["850312 1234", "a space for the dash"],
  ["850312–1234", "an en dash for the dash"],
  ["850372-1234", "samordningsnummer"],
  ["lisa@example.se", "e-mail"],
  ["Erik_Öberg+polis@exempel.com", "e-mail with + and Ö"],
  ["ABC 123", "old plate"],
  ["ABC123", "old plate without space"],
  ["XYZ 12A", "2019 plate"],
  ["ABC\u00a0321", "plate with a non-breaking space"],
];

describe("the scrubber removes every form of an identifier (table)", () => {
  it.each(FORMS)("%j (%s)", (form) => {
    const out = scrub(`Uppgift ${form} noterad`);
    // "Tel:" and "Tel." stay (the word is no identifier); every digit and the address go.
    expect(out).toMatch(/^Uppgift (Tel[:.])?\[borttaget\] noterad$/);
  });
});

describe("ordinary text with dashes and spaces is left alone", () => {
  it.each([
    "februari–april 2024",
    "kl 10:08-12 och 13–15",
    "Händelsen 2024-03-05 kl. 22:14",
    "Datum 05-03-2024 enligt anmälan",
    "Storgatan 12, 826 30 Söderhamn",
    "Period 20240301-20240331",
    "Ringde SOS 112",
    "Andel 0,5 procent",
  ])("%j", (text) => {
    expect(scrub(text)).toBe(text);
  });
});

/** The text a reader sees in the rendered commentary: tags removed, character references decoded. */
function shown(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, " ")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');
}

describe("the commentary is scrubbed after Markdown decodes it (table)", () => {
  it.each([
    ["070\\-222 33 44", "a backslash escape"],
    ["070&#45;333 44 55", "a decimal character reference"],
    ["070&#x2D;333 44 55", "a hex character reference"],
    ["lisa&#64;example.se", "@ as a reference"],
    ["900101&#45;5555", "personnummer with an encoded dash"],
    ["ABC&#32;321", "plate with an encoded space"],
    ["&#48;70-123 45 67", "an encoded first digit"],
    ["070-123\n45 67", "split over two lines"],
    ["070 *123* 45 67", "emphasis inside"],
    ["<lisa@example.se>", "an autolink"],
  ])("%j (%s)", (md) => {
    const out = commentaryHtml(`Ring ${md} i dag`)!.value;
    expect(shown(out)).not.toMatch(/\d/);
    expect(out).toContain("[borttaget]");
  });

  it.each([
    ["[mejla](mailto:lisa@example.se)", "a mailto link"],
    ["[mejla](mailto:lisa%40example.se)", "a percent-encoded mailto link"],
    ['[länk](https://example.se "Ring 070-123 45 67")', "a link title"],
    ["[ring](tel:0701234567)", "a tel: link"],
  ])("drops a link whose target or title holds an identifier: %j (%s)", (md) => {
    const out = commentaryHtml(md)!.value;
    expect(out).not.toMatch(/lisa|070|0701234567/);
  });
});

const DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"];
const SPACES = [" ", "\u00a0", "\u202f", "\u2009", "\u2007"];
const sep = fc.constantFrom("", ...DASHES, ...SPACES);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
const words = fc.array(fc.constantFrom("Ring", "till", "nummer", "anmälaren", "på", "kvällen", "Tel:", "mobil", "och"), { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));

/**
 * A Swedish mobile or landline number written with any separators between its groups: 07X, 08 and
 * three-digit area codes with a seven-digit subscriber number, four-digit area codes with five.
 */
const phone = fc.oneof(
  fc.tuple(fc.constantFrom("070", "072", "073", "076", "079", "08", "011", "031"), sep, digits(3), sep, digits(2), sep, digits(2)).map((p) => p.join("")),
  fc.tuple(fc.constantFrom("0270", "0650", "0910"), sep, digits(3), sep, digits(2)).map((p) => p.join("")),
);
const international = fc
  .tuple(fc.constantFrom("+46", "0046", "+46 ", "0046 "), fc.constantFrom("70", "8", "73"), sep, digits(3), sep, digits(2), sep, digits(2))
  .map(([cc, area, ...rest]) => `${cc}${area}${rest.join("")}`.replace(/^(\+46|0046)(?=\d)/, "$1 "));
/** A valid birth date (day 1–28, or +60 for a samordningsnummer), any separator or none. */
const personnummer = fc
  .tuple(fc.constantFrom("", "19", "20"), digits(2), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.boolean(), fc.constantFrom("", "-", "+", "\u2013", " "), digits(4))
  .map(([c, y, m, d, samordning, s, tail]) => `${c}${y}${String(m).padStart(2, "0")}${String(samordning ? d + 60 : d).padStart(2, "0")}${s}${tail}`);
const plate = fc
  .tuple(fc.stringMatching(/^[A-HJ-PR-UW-Z]{3}$/), fc.constantFrom("", " ", "\u00a0"), digits(2), fc.constantFrom("0", "5", "9", "A", "C", "X"))
  .filter(([letters]) => !["SOS", "SFS", "LSS", "LVU", "LVM"].includes(letters))
  .map((p) => p.join(""));
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z._]{0,10}[a-z]$/), fc.stringMatching(/^[a-z]{2,10}$/), fc.constantFrom("se", "com", "nu")).map(([l, d, t]) => `${l}@${d}.${t}`);
const identifier = fc.oneof(phone, international, personnummer, plate, email);

export const FUZZ_RUNS = 400;

describe("property: a generated identifier never survives scrubbing", () => {
  it("in plain text (no digit and no @ left)", () => {
    fc.assert(
      fc.property(words, identifier, words, (before, id, after) => {
        const out = scrub(`${before} ${id} ${after}`);
        expect(out, id).not.toMatch(/[\d@]/);
        expect(identifierRanges(out)).toEqual([]);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("in the commentary, with characters encoded as Markdown references or escapes", () => {
    const encode = (text: string, how: number[]) =>
      [...text]
        .map((c, i) => {
          const h = how[i % how.length]!;
          if (h === 1) return `&#${c.codePointAt(0)};`;
          if (h === 2 && /[-+.@_]/.test(c)) return `\\${c}`;
          return c;
        })
        .join("");
    fc.assert(
      fc.property(words, identifier, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 8 }), (before, id, how) => {
        const out = shown(commentaryHtml(`${before} ${encode(id, how)} slut`)!.value);
        expect(out, id).not.toMatch(/[\d@]/);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe("long tokens (issue 14.6)", () => {
  const MB = 1 << 20;
  it.each([
    ["letters", "a".repeat(MB)],
    ["digits", "7".repeat(MB)],
    ["dotted letters", "a.".repeat(MB / 2)],
    ["at signs", "a@".repeat(MB / 2)],
    ["plate-like", "A1".repeat(MB / 2)],
    ["dashed zeros", "-0".repeat(MB / 2)],
  ])("a 1 MB cell of %s is scrubbed (unchanged: it holds no identifier)", (_name, cell) => {
    expect(scrub(cell)).toBe(cell);
  });

  it("finds the identifier at the end of a 1 MB token", () => {
    expect(scrub(`${"x".repeat(MB)} 070-123 45 67`)).toBe(`${"x".repeat(MB)} [borttaget]`);
  });

  it("keeps at most QUARANTINE_MAX_CHARS of a rejected row's content, with a marker", () => {
    const line = quarantineLine("data/polis.csv", 2, "bad_date", ["x".repeat(MB), "070-123 45 67"], ";");
    expect(line.length).toBeLessThan(QUARANTINE_MAX_CHARS + 200);
    // The content is the two cells joined by ";", the number scrubbed to "[borttaget]" (11 characters).
    expect(line).toContain(`…[avkortad: ${MB + 1 + 11 - QUARANTINE_MAX_CHARS} tecken till]`);
  });

  it("scrubs before it cuts, so a cut never leaves half an identifier", () => {
    const text = `${"x".repeat(QUARANTINE_MAX_CHARS - 5)} 070-123 45 67`;
    expect(capText(scrub(text), QUARANTINE_MAX_CHARS)).not.toMatch(/\d{2}/);
  });
});
