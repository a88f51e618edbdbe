import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectEncoding, EncodingSniffer, utf8Chunks, type Encoding } from "../../../src/ingest/text/decode-bytes.ts";
import { headerLineEnd, sniffDelimiter } from "../../../src/ingest/text/sniff-delimiter.ts";

describe("sniffDelimiter", () => {
  it.each([
    ["Datum;Brottstyp;Område", ";"],
    ["Datum,Brottstyp,Område", ","],
    ["Datum\tBrottstyp\tOmråde", "\t"],
    ['"Datum, tid";Brottstyp', ";"], // the comma is inside quotes
    ['"Område; del",Datum,Typ', ","],
    ["Datum", ","], // one column
    ["a;b,c", ";"], // a tie goes to the Swedish Excel delimiter
  ])("%j → %j", (header, delimiter) => {
    expect(sniffDelimiter(header)).toBe(delimiter);
  });

  it("finds the end of the header line outside quotes, after leading empty lines", () => {
    expect(headerLineEnd(Buffer.from('\r\n"a\nb";c\r\n1;2'))).toBe(9);
    expect(headerLineEnd(Buffer.from("a;b"))).toBe(-1);
  });
});

const dir = mkdtempSync(path.join(tmpdir(), "lagesbild-decode-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fileWith = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const text = async (file: string, encoding: Encoding) => {
  const parts: Buffer[] = [];
  for await (const chunk of utf8Chunks(file, encoding)) parts.push(chunk);
  return Buffer.concat(parts).toString("utf8");
};

describe("encoding per file", () => {
  // Each fixture: the bytes a real export has, and the text å ä ö must come out as.
  it.each<[string, Buffer, Encoding]>([
    ["plain ASCII", Buffer.from("Datum;Typ\r\n", "latin1"), "utf-8"],
    ["UTF-8 without BOM", Buffer.from("Skadegörelse;Område\n", "utf8"), "utf-8"],
    ["UTF-8 with BOM (Excel CSV UTF-8)", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Skadegörelse;Område\r\n")]), "utf-8"],
    ["Windows-1252 (Excel CSV on Swedish Windows)", Buffer.from("Skadegörelse;Område\r\n", "latin1"), "windows-1252"],
    ["UTF-16LE with BOM (Excel Unicode text)", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Skadegörelse\tOmråde\r\n", "utf16le")]), "utf-16le"],
    ["UTF-16BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("Skadegörelse\tOmråde\r\n", "utf16le").swap16()]), "utf-16be"],
  ])("%s", async (name, bytes, encoding) => {
    const file = fileWith(`${name.replace(/\W+/g, "-")}.csv`, bytes);
    expect(await detectEncoding(file)).toBe(encoding);
    const decoded = await text(file, encoding);
    expect(decoded.startsWith("\ufeff")).toBe(false);
    expect(decoded.replace(/[\t;]/g, "|").trim()).toMatch(/^(Datum\|Typ|Skadegörelse\|Område)$/);
  });

  it("keeps a UTF-8 character split across chunks valid", () => {
    const sniffer = new EncodingSniffer();
    for (const byte of Buffer.from("ÅÄÖ åäö €", "utf8")) sniffer.update(Buffer.from([byte]));
    expect(sniffer.result()).toBe("utf-8");
  });

  it("treats a UTF-8 sequence cut off at the end of the file as Windows-1252", () => {
    const sniffer = new EncodingSniffer();
    sniffer.update(Buffer.from([0x61, 0xc3]));
    expect(sniffer.result()).toBe("windows-1252");
  });

  it("decodes the C1 bytes of Windows-1252 to U+0080–U+009F, so a row can be flagged bad_encoding", async () => {
    const file = fileWith("c1.csv", Buffer.from([0x61, 0x81, 0x62, 0x8d, 0x0d, 0x0a]));
    expect(await detectEncoding(file)).toBe("windows-1252");
    expect(await text(file, "windows-1252")).toBe("a\u0081b\u008d\r\n");
  });

  it("decodes Windows-1252's own characters in 0x80–0x9F (€, Š, –, ”, Ÿ) as the WHATWG index maps them", async () => {
    // index-windows-1252: 0x80 U+20AC, 0x8A U+0160, 0x96 U+2013, 0x94 U+201D, 0x9F U+0178; 0xE5 is å as in Latin-1.
    const file = fileWith("c1-defined.csv", Buffer.from([0x80, 0x8a, 0x96, 0x94, 0x9f, 0xe5, 0x3b, 0x31, 0x0d, 0x0a]));
    expect(await detectEncoding(file)).toBe("windows-1252");
    expect(await text(file, "windows-1252")).toBe("\u20ac\u0160\u2013\u201d\u0178\u00e5;1\r\n");
  });
});
