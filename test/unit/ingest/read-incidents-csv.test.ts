import { afterEach, describe, expect, it } from "vitest";
import { LagesbildError } from "../../../src/core/errors.ts";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { isBalanced } from "../../../src/ingest/tally.ts";
import type { FileReport, IncidentSourceData } from "../../../src/model/records.ts";
import { excel1252, excelUnicodeText, excelUtf8Bom, makeProject, NOW, type TestProject } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

async function ingestOne(files: Record<string, Buffer>, opts: { quarantine?: boolean; sources?: string } = {}) {
  project = makeProject(opts.sources);
  for (const [name, bytes] of Object.entries(files)) project.write(name, bytes);
  const result = await ingestSources(project.config, { now: NOW, quarantine: opts.quarantine ?? false });
  const source = result.incidents[0]!;
  for (const file of source.files) expectBalanced(file);
  return source;
}

function expectBalanced(file: FileReport) {
  expect(isBalanced(file.tally)).toBe(true);
  for (const t of Object.values(file.by_month)) expect(isBalanced(t)).toBe(true);
  const sum = Object.values(file.by_month).reduce((n, t) => n + t.read, 0);
  expect(sum).toBe(file.tally.read);
}

const counts = (source: IncidentSourceData) => Object.fromEntries([...source.counts].sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * Rule order, Excel quirks and Windows-1252 in one file (Excel "CSV (semikolonavgränsad)" on Swedish
 * Windows: 1252 bytes, CRLF). The comment on each line is the outcome worked out by hand.
 */
const RULES_FILE = excel1252([
  "Datum;Brottstyp;Område;Diarienummer;Antal;Beskrivning", // 1 header
  "2024-03-01 10:00;Skadegörelse;Centrum;A1;1;Klotter på vägg", // 2 accepted centrum/skadegorelse 1
  "2024-03-02 22:15;Misshandel, grov;Stenstan;A2;;Bråk utanför krog", // 3 accepted centrum/misshandel 1 (alias)
  '2024-03-03;Stöld;Ljusne;A3;"1 234";', // 4 accepted ljusne/stold 1234 (thousands space)
  "2024-03-04;Trafikolycka;Centrum;A4;1;", // 5 ignored ignore_list (2024-03)
  "inte ett datum;Trafikolycka;;A5;;", // 6 ignored ignore_list, not bad_date: the ignore list comes first (undated)
  ";;;;;", // 7 ignored blank (undated)
  "", // 8 a line with no characters: not a row, not counted
  "2024-03-05;Skadegörelse;Centrum;A6;12,5;", // 9 rejected bad_number:count (a count is an integer)
  "2024-03-06;Vapenbrott;Centrum;A7;;Anmälare 850312-1234", // 10 rejected unknown_category:Vapenbrott
  "2024-03-07;Skadegörelse;Okänd gata 5;A8;;", // 11 accepted okant/skadegorelse (unknown_area: keep)
  "05/03/2024;Skadegörelse;Centrum;A9;;", // 12 rejected bad_date (undated)
  "2024-05-01;Skadegörelse;Centrum;A10;;", // 13 rejected future_date (2024-05; generated-at is 2024-04-02)
  "2024-03-08;;Centrum;A11;;", // 14 rejected missing_field:category
  "2024-03-09;Skadegörelse;Centrum", // 15 rejected column_count (3 cells, header has 6)
  "2024-03-10;Skadegörelse;Centrum;A1;1;", // 16 rejected duplicate_id (A1 on line 2)
  '2024-03-11;Skadegörelse;Ljusne;A12;2;Fönster krossat "igen"', // 17 accepted ljusne/skadegorelse 2
  "2024-03-12;Skadegörelse;Centrum;;1;Ett\u0081tecken", // 18 rejected bad_encoding (byte 0x81)
  "Summa;;;;1250;", // 19 ignored total_row (undated)
]);

describe("readIncidentsCsv: one Windows-1252 file through every rule", () => {
  it("accounts for every row: 17 read = 5 accepted + 4 ignored + 8 rejected", async () => {
    const source = await ingestOne({ "polis-2024-03.csv": RULES_FILE });
    const file = source.files[0]!;
    expect(file.encoding).toBe("windows-1252");
    expect(file.path).toBe("data/polis-2024-03.csv");
    expect(file.tally).toEqual({
      read: 17,
      accepted: 5,
      ignored: 4,
      rejected: 8,
      ignored_by_reason: { ignore_list: 2, blank: 1, total_row: 1 },
      rejected_by_reason: {
        "bad_number:count": 1,
        "unknown_category:Vapenbrott": 1,
        bad_date: 1,
        future_date: 1,
        "missing_field:category": 1,
        column_count: 1,
        duplicate_id: 1,
        bad_encoding: 1,
      },
    });
    expect(file.by_month["2024-03"]).toMatchObject({ read: 12, accepted: 5, ignored: 1, rejected: 6 });
    expect(file.by_month.undated).toMatchObject({ read: 4, accepted: 0, ignored: 3, rejected: 1 });
    expect(file.by_month["2024-05"]).toMatchObject({ read: 1, rejected: 1, rejected_by_reason: { future_date: 1 } });
  });

  it("sums counts per (area, month, category) with å ä ö decoded right", async () => {
    const source = await ingestOne({ "polis-2024-03.csv": RULES_FILE });
    expect(counts(source)).toEqual({
      "centrum\t2024-03\tmisshandel": 1,
      "centrum\t2024-03\tskadegorelse": 1,
      "ljusne\t2024-03\tskadegorelse": 2,
      "ljusne\t2024-03\tstold": 1234,
      "okant\t2024-03\tskadegorelse": 1,
    });
    expect([source.firstMonth, source.lastMonth]).toEqual(["2024-03", "2024-03"]);
  });

  it("lists each rejection with its physical line and a Swedish message", async () => {
    const file = (await ingestOne({ "polis-2024-03.csv": RULES_FILE })).files[0]!;
    expect(file.problems.map((p) => [p.line, p.reason])).toEqual([
      [9, "bad_number:count"],
      [10, "unknown_category:Vapenbrott"],
      [12, "bad_date"],
      [13, "future_date"],
      [14, "missing_field:category"],
      [15, "column_count"],
      [16, "duplicate_id"],
      [18, "bad_encoding"],
    ]);
    expect(file.problems[1]?.message).toMatch(/Okänd kategori "Vapenbrott".*sources\[0\]\.categories/);
  });

  it("writes rejected rows, scrubbed, to the quarantine and nowhere near the output", async () => {
    await ingestOne({ "polis-2024-03.csv": RULES_FILE }, { quarantine: true });
    const text = project!.read("var/rejected/polis.csv");
    expect(text.startsWith("\ufefffil;rad;orsak;innehåll\r\n")).toBe(true);
    // The raw row holds the delimiter, so it is one quoted field.
    expect(text).toContain('data/polis-2024-03.csv;10;unknown_category:Vapenbrott;"2024-03-06;Vapenbrott;Centrum;A7;;Anmälare [borttaget]"\r\n');
    expect(text).not.toContain("850312-1234");
    expect(text.trim().split("\r\n")).toHaveLength(1 + 8);
  });
});

describe("readIncidentsCsv: files as they arrive", () => {
  // The same two events in each encoding/delimiter Excel and case systems produce.
  const lines = (d: string) => [
    ["Datum", "Brottstyp", "Område"].join(d),
    ["2024-03-01", "Skadegörelse", "Söderhamns centrum"].join(d),
    ["2024-03-02", "Misshandel", "Ljusne"].join(d),
  ];
  it.each([
    ["UTF-8 with BOM, comma", excelUtf8Bom(lines(",")), "utf-8"],
    ["UTF-16LE with BOM, tab (Excel Unicode text)", excelUnicodeText(lines("\t")), "utf-16le"],
    ["Windows-1252, semicolon", excel1252(lines(";")), "windows-1252"],
    ["UTF-8 without BOM, LF, tab", Buffer.from(`${lines("\t").join("\n")}\n`, "utf8"), "utf-8"],
  ])("%s", async (_name, bytes, encoding) => {
    const source = await ingestOne({ "polis-1.csv": bytes });
    expect(source.files[0]?.encoding).toBe(encoding);
    expect(source.files[0]?.tally).toMatchObject({ read: 2, accepted: 2 });
    expect(counts(source)).toEqual({ "centrum\t2024-03\tskadegorelse": 1, "ljusne\t2024-03\tmisshandel": 1 });
  });

  it("takes the month in Stockholm: 22:30 UTC on 31 March is April, 23:59 local is March", async () => {
    const source = await ingestOne({
      "polis-1.csv": excel1252([
        "Datum;Brottstyp;Område",
        "2024-03-31T22:30:00Z;Stöld;Centrum", // 00:30 on 1 April local
        "2024-03-31 23:59;Stöld;Centrum", // local time: March
        "2024-04-01T00:30:00+02:00;Stöld;Centrum", // April
        "2024-02-29T23:00:00Z;Stöld;Centrum", // 1 March 00:00 local
      ]),
    });
    expect(counts(source)).toEqual({ "centrum\t2024-03\tstold": 2, "centrum\t2024-04\tstold": 2 });
    expect([source.firstMonth, source.lastMonth]).toEqual(["2024-03", "2024-04"]);
  });

  it("does not crash on a quote that never closes: one rejected row at its line", async () => {
    const file = (
      await ingestOne({
        "polis-1.csv": excel1252([
          "Datum;Brottstyp;Område", // 1
          "2024-03-01;Skadegörelse;Centrum", // 2 accepted
          '2024-03-02;"Misshandel;Centrum', // 3 the quote swallows the rest: rejected column_count
          "2024-03-03;Stöld;Ljusne", // 4 part of the broken row
        ]),
      })
    ).files[0]!;
    expect(file.tally).toMatchObject({ read: 2, accepted: 1, rejected: 1, rejected_by_reason: { column_count: 1 } });
    const rows = file.problems.filter((p) => p.line !== null); // the fixture's mapped id/count columns are absent: a note
    expect(rows[0]).toMatchObject({ line: 3, reason: "column_count" });
    expect(rows[0]?.message).toMatch(/citattecken/);
  });

  it("fails the file once (exit 1), naming the file and the column, when a required column is missing", async () => {
    // Issue 13: a missing required column was 4 047 missing_field rows instead of one fix to make.
    let error: unknown;
    try {
      await ingestOne({
        "polis-1.csv": excel1252(["Datum;Typ;Område", "2024-03-01;Skadegörelse;Centrum", "2024-03-02;Stöld;Centrum"]),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LagesbildError);
    expect((error as LagesbildError).exitCode).toBe(1);
    expect((error as LagesbildError).message).toContain('data/polis-1.csv: kolumnen "Brottstyp" (category) saknas i rubrikraden på rad 1');
    expect((error as LagesbildError).message).toContain('"Datum", "Typ", "Område"');
    expect((error as LagesbildError).message).toContain("sources[0].columns");
  });

  it("notes, without failing, an optional column that columns maps but the file lacks", async () => {
    const file = (await ingestOne({ "polis-1.csv": excel1252(["Datum;Brottstyp;Område", "2024-03-01;Skadegörelse;Centrum"]) })).files[0]!;
    expect(file.tally).toMatchObject({ read: 1, accepted: 1, rejected: 0 });
    expect(file.problems).toEqual([
      expect.objectContaining({ line: null, reason: "missing_column", message: expect.stringContaining('"Diarienummer" (id), "Antal" (count)') }),
    ]);
  });

  it("rejects an unknown area under unknown_area: reject, keeping the name out of published reasons", async () => {
    const sources = `
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/polis-*.csv
    categories: { Stöld: stold, Skadegörelse: skadegorelse, Misshandel: misshandel }
    unknown_area: reject
`;
    const file = (
      await ingestOne(
        { "polis-1.csv": excel1252(["occurred_at;category;area", "2024-03-01;Stöld;Storgatan 3", "2024-03-01;Stöld;"]) },
        { sources },
      )
    ).files[0]!;
    expect(file.tally).toMatchObject({ read: 2, accepted: 1, rejected: 1, rejected_by_reason: { "unknown_area:Storgatan 3": 1 } });
  });

  it("accepts Excel's trailing empty cells but not a row shifted into extra columns", async () => {
    const file = (
      await ingestOne({
        "polis-1.csv": excel1252(["Datum;Brottstyp;Område", "2024-03-01;Stöld;Centrum;;", "2024-03-01;Stöld;Centrum;x"]),
      })
    ).files[0]!;
    expect(file.tally).toMatchObject({ read: 2, accepted: 1, rejected: 1, rejected_by_reason: { column_count: 1 } });
  });
});
