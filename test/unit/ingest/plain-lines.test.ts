/**
 * The CSV fast path (src/ingest/_fast/plain-lines.ts) against csv-parse alone (`fastPath: false`): the
 * same rows, lines, cells and broken rows, over a police export as it arrives (Windows-1252, CRLF,
 * semicolons, quoted fields with `;`, `""` and line breaks, decimal comma, bad rows) read in chunks of
 * every size, and over generated CSV with every character that matters to the splitter.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { openCsv, type CsvRow } from "../../../src/ingest/text/parse-swedish-csv.ts";
import { utf8Chunks } from "../../../src/ingest/text/decode-bytes.ts";
import { PlainLineSplitter } from "../../../src/ingest/_fast/plain-lines.ts";

const dir = mkdtempSync(path.join(tmpdir(), "plain-lines-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Windows-1252 bytes of `text` (only Latin-1 letters and `€` are used here). */
function cp1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => (c === "€" ? 0x80 : c.charCodeAt(0))));
}

async function* rechunk(chunks: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let rest = Buffer.alloc(0);
  for await (const c of chunks) {
    rest = Buffer.concat([rest, c]);
    while (rest.length >= size) {
      yield rest.subarray(0, size);
      rest = rest.subarray(size);
    }
  }
  if (rest.length > 0) yield rest;
}

async function* bytesOf(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text, "utf8");
}

async function rows(chunks: AsyncIterable<Buffer>, fastPath: boolean, size: number) {
  const t = await openCsv(rechunk(chunks, size), { fastPath });
  if (t === null) return null;
  const out: CsvRow[] = [];
  for await (const batch of t.batches) out.push(...batch);
  return { delimiter: t.delimiter, header: t.header, headerLine: t.headerLine, rows: out };
}

const EXPORT = [
  "Diarienummer;Datum;Brottstyp;Område;Plats;Antal;Värde",
  "5000-K1-24;2024-01-01 00:04;Stöld;Centrum;Storgatan 1;1;1,5",
  '5000-K2-24;2024-01-02 10:00;Skadegörelse;"Norr; östra";"Café ""Ljuset""";2;12,25',
  "5000-K3-24;2024-01-03 11:00;Misshandel;Centrum;Torget", // too few columns
  "",
  '5000-K4-24;2024-01-04 12:00;Bedrägeri;Söder;"Gång- och cykelväg\r\nvid ån";1;0,5',
  '5000-K5-24;2024-01-05 13:00;Stöld;Söder;"rad ett\nrad två";1;€ 3',
  "5000-K6-24;inte ett datum;Stöld;Norr;Ekbacken;1;7",
  "5000-K7-24;2024-01-07 14:00;Rån;Norr;Ekbacken;x;7",
  "Summa;;;;;;",
  '5000-K8-24;2024-01-08 15:00;"Olaga hot";Centrum;"";1;',
  "5000-K9-24;2024-01-09 16:00;Stöld;Centrum;Storgatan 9;1;2",
  '5000-K10-24;2024-01-10 17:00;Stöld;Centrum;Bildskärm 5" tum;1;2', // a quote inside an unquoted field: csv-parse's from here
  "5000-K11-24;2024-01-11 18:00;Stöld;Centrum;Storgatan 11;1;2",
  '5000-K12-24;2024-01-12 19:00;Stöld;Centrum;"aldrig stängd;1;2',
  "5000-K13-24;2024-01-13 20:00;Stöld;Centrum;Storgatan 13;1;2",
];

describe("the CSV fast path", () => {
  it("gives csv-parse's rows for a Windows-1252 CRLF export with quotes, line breaks in cells and bad rows, in chunks of any size", async () => {
    const file = path.join(dir, "polis.csv");
    writeFileSync(file, cp1252(`${EXPORT.join("\r\n")}\r\n`));
    const reference = await rows(utf8Chunks(file, "windows-1252"), false, 1 << 18);
    // Worked out by hand: lines 5 and 11 are empty or the total row; K4 spans lines 6–7, K5 lines 8–9.
    expect(reference?.rows.slice(0, 8).map((r) => r.line)).toEqual([2, 3, 4, 6, 8, 10, 11, 12]);
    expect(reference?.rows[1]?.cells.slice(3, 5)).toEqual(["Norr; östra", 'Café "Ljuset"']);
    expect(reference?.rows[3]?.cells[4]).toBe("Gång- och cykelväg\r\nvid ån");
    expect(reference?.rows.at(-1)?.broken).toMatch(/citattecken/);
    for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
      expect(await rows(utf8Chunks(file, "windows-1252"), true, size), `chunks of ${size} bytes`).toEqual(reference);
    }
  });

  it("splits plain lines itself, quoted records through csv-parse, and stops at the first record it cannot read exactly", () => {
    const bytes = Buffer.from(`${EXPORT.join("\r\n")}\r\n`, "utf8");
    const seen: Array<{ cells: string[]; plain: boolean }> = [];
    const { consumed, fallBack } = new PlainLineSplitter(";", "\r\n").split(bytes, (cells, plain) => seen.push({ cells, plain }));
    // Header + K1…K9 with the empty line and the total row: 12 records; K10's `5" tum` is csv-parse's.
    expect(fallBack).toBe(true);
    expect(bytes.subarray(consumed, consumed + 11).toString()).toBe("5000-K10-24");
    expect(seen.map((r) => r.plain)).toEqual([true, true, false, true, true, false, false, true, true, true, false, true]);
    expect(seen[2]?.cells.slice(3, 5)).toEqual(["Norr; östra", 'Café "Ljuset"']);
  });

  it("gives csv-parse's rows for LF files and files whose header it must not split", async () => {
    const cases = [
      EXPORT.join("\n") + "\n",
      EXPORT.slice(0, 3).join("\n"), // no line end after the last row
      '"Datum";"Typ"\r\n2024-01-01;Stöld\r\n', // a quoted header: the stream parser alone
      "\r\nDatum;Typ\r\n2024-01-01;Stöld\r\n", // an empty first line
      "Datum;Typ\r2024-01-01;Stöld\r", // CR line ends
      "Datum;Typ\r\n2024-01-01;Stöld\n2024-01-02;Rån\r\n", // a bare LF in a CRLF file
      "Datum;Typ\n2024-01-01;Stöld\r\n2024-01-02;Rån\n", // a CR in an LF file
      "Datum;Typ\r\n" + `2024-01-01;${"x".repeat(70_000)}\r\n2024-01-02;Rån\r\n`, // a line longer than PLAIN_MAX
    ];
    for (const text of cases) {
      const reference = await rows(bytesOf(text), false, 1 << 18);
      for (const size of [1, 5, 1 << 16]) expect(await rows(bytesOf(text), true, size), JSON.stringify(text.slice(0, 60))).toEqual(reference);
    }
  });

  it("agrees with csv-parse on generated CSV with delimiters, quotes and line breaks anywhere", async () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-zå0-9 ,]{0,6}$/),
      fc.stringMatching(/^[a-z;"\r\n]{0,5}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
      fc.stringMatching(/^[a-z"\r\n;]{0,4}$/), // raw: unbalanced quotes, bare line breaks
    );
    const lineEnd = fc.constantFrom("\r\n", "\n");
    await fc.assert(
      fc.asyncProperty(lineEnd, fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 40 }), async (eol, records, size) => {
        const text = `a;b;c${eol}${records.map((r) => r.join(";")).join(eol)}${eol}`;
        expect(await rows(bytesOf(text), true, size)).toEqual(await rows(bytesOf(text), false, 1 << 18));
      }),
      { numRuns: 400 },
    );
  });
});
