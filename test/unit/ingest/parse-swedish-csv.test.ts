import { describe, expect, it } from "vitest";
import { findColumns, openCsv, type CsvRow } from "../../../src/ingest/text/parse-swedish-csv.ts";

/** Feeds the text in small chunks, so rows and quotes straddle chunk boundaries as in a real read. */
async function* chunked(text: string, size = 5): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, "utf8");
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function table(text: string, size?: number) {
  const t = await openCsv(chunked(text, size));
  if (t === null) return null;
  const rows: CsvRow[] = [];
  for await (const row of t.rows) rows.push(row);
  return { ...t, rows };
}

describe("openCsv", () => {
  it("gives each row the physical line it starts on, across quoted newlines and empty lines", async () => {
    const text = [
      "id;text", // line 1: header
      '1;"rad ett\r\nrad två"', // lines 2–3: CRLF inside quotes
      "", // line 4: empty, not a row
      "2;enkel", // line 5
      '3;"a\nb\nc"', // lines 6–8: Excel's LF inside a cell of a CRLF file
      "", // 9
      "", // 10
      "4;sista", // 11
    ].join("\r\n");
    for (const size of [3, 7, 1 << 16]) {
      const t = await table(`${text}\r\n`, size);
      expect(t?.rows.map((r) => r.line)).toEqual([2, 5, 6, 11]);
      expect(t?.rows.map((r) => r.cells[1])).toEqual(["rad ett\r\nrad två", "enkel", "a\nb\nc", "sista"]);
    }
  });

  it("skips empty lines before the header and counts them", async () => {
    const t = await table("\n\nDatum,Typ\n2024-03-01,Stöld\n");
    expect(t?.headerLine).toBe(3);
    expect(t?.delimiter).toBe(",");
    expect(t?.rows).toEqual([{ line: 4, cells: ["2024-03-01", "Stöld"] }]);
  });

  it("keeps a row of empty cells (`;;;`) as a row: it is counted and ignored later, not dropped", async () => {
    const t = await table("a;b;c\n;;\n1;2;3\n");
    expect(t?.rows).toEqual([
      { line: 2, cells: ["", "", ""] },
      { line: 3, cells: ["1", "2", "3"] },
    ]);
  });

  it("reads quoted delimiters and doubled quotes, and tolerates a stray quote in an unquoted field", async () => {
    const t = await table('a;b;c\n"x;y";"sa ""hej""";5" tum\n');
    expect(t?.rows[0]?.cells).toEqual(["x;y", 'sa "hej"', '5" tum']);
  });

  it("returns rows with a wrong column count as they are (the reader rejects them)", async () => {
    const t = await table("a,b,c\n1,2\n1,2,3,4\n");
    expect(t?.rows.map((r) => r.cells.length)).toEqual([2, 4]);
  });

  it("turns a quote that never closes into one broken row at the line it starts on, without throwing", async () => {
    const t = await table('a;b\n1;2\n3;"oavslutad\n4;5\n6;7\n', 4);
    expect(t?.rows.map((r) => [r.line, r.broken === undefined])).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(t?.rows[1]?.broken).toMatch(/citattecken/);
  });

  it("reads a file without a trailing line break and a file with only a header", async () => {
    expect((await table("a;b\n1;2"))?.rows).toEqual([{ line: 2, cells: ["1", "2"] }]);
    expect((await table("a;b\r\n"))?.rows).toEqual([]);
  });

  it("returns null for an empty file", async () => {
    expect(await table("")).toBeNull();
    expect(await table("\r\n\r\n")).toBeNull();
  });
});

describe("findColumns", () => {
  const canonical = ["occurred_at", "category", "area", "count"] as const;

  it("matches headers case- and space-insensitively after the rename map", () => {
    const header = [" DATUM ", "Brotts typ", "område", "Antal"];
    const rename = { occurred_at: "Datum", category: "Brottstyp", area: "Område" };
    expect(findColumns(header, canonical, rename)).toEqual({ occurred_at: 0, category: 1, area: 2, count: -1 });
  });

  it("uses the canonical name when the source renames nothing", () => {
    expect(findColumns(["Occurred_At", "CATEGORY"], canonical)).toEqual({ occurred_at: 0, category: 1, area: -1, count: -1 });
  });
});
