import { afterEach, describe, expect, it } from "vitest";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { BRA_SOURCE, excel1252, excelUnicodeText, excelUtf8Bom, makeProject, NOW, type TestProject } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

async function ingest(bytes: Buffer) {
  project = makeProject(BRA_SOURCE);
  project.write("bra/tabell.csv", bytes);
  return (await ingestSources(project.config, { now: NOW, quarantine: false })).incidents[0]!;
}

describe("format: aggregated-csv", () => {
  it("reads every accepted period form as its month", async () => {
    const data = await ingest(
      excel1252(["Månad;Brottskategori;Antal;Område", "2024-01;Stöld;1;Centrum", "februari 2024;Stöld;2;Centrum", "2024 mars;Stöld;4;Centrum", "2023M12;Stöld;8;Centrum"]),
    );
    expect(Object.fromEntries(data.counts)).toEqual({
      "centrum\t2023-12\tstold": 8,
      "centrum\t2024-01\tstold": 1,
      "centrum\t2024-02\tstold": 2,
      "centrum\t2024-03\tstold": 4,
    });
  });

  it("rejects a quarter as bad_date saying it cannot be split into months", async () => {
    const data = await ingest(excel1252(["Månad;Brottskategori;Antal;Område", "2024K1;Stöld;12;Centrum"]));
    expect(data.files[0]!.problems).toEqual([
      expect.objectContaining({ line: 2, reason: "bad_date", message: expect.stringContaining("kvartal och kan inte delas upp i månader") }),
    ]);
  });

  it("rejects a bare year as bad_date saying it cannot be split into months", async () => {
    const data = await ingest(excel1252(["Månad;Brottskategori;Antal;Område", "2023;Stöld;120;Centrum"]));
    expect(data.files[0]!.problems[0]?.message).toContain("helt år och kan inte delas upp i månader");
  });

  it("sums counts as they are, with space and non-breaking-space thousands separators", async () => {
    // Windows-1252 writes NBSP as byte 0xA0.
    const data = await ingest(excel1252(["Månad;Brottskategori;Antal;Område", "2024-03;Stöld;1 234;Centrum", "2024-03;Stöld;2\u00a0000;Centrum", "2024-03;Stöld;5;Centrum"]));
    expect(data.counts.get("centrum\t2024-03\tstold")).toBe(3239);
  });

  it("rejects a decimal count as bad_number:count", async () => {
    const data = await ingest(excel1252(["Månad;Brottskategori;Antal;Område", "2024-03;Stöld;12,5;Centrum"]));
    expect(data.files[0]!.tally.rejected_by_reason).toEqual({ "bad_number:count": 1 });
  });

  it("ignores blank rows and a trailing Summa row, and does not count an empty line", async () => {
    const data = await ingest(excel1252(["Månad;Brottskategori;Antal;Område", "2024-03;Stöld;3;Centrum", "", ";;;", "Summa;;3;"]));
    expect(data.files[0]!.tally).toMatchObject({ read: 3, accepted: 1, ignored_by_reason: { blank: 1, total_row: 1 } });
  });

  it("counts rows without an area in the kommun only and marks the source arealess", async () => {
    const data = await ingest(excelUtf8Bom(["Månad,Brottskategori,Antal", "2024-03,Misshandel,7"]));
    expect(data.arealess).toBe(true);
    expect([...data.counts]).toEqual([["okant\t2024-03\tmisshandel", 7]]);
  });

  it("is not arealess when every row names its area", async () => {
    const data = await ingest(excelUtf8Bom(["Månad,Brottskategori,Antal,Område", "2024-03,Misshandel,7,Ljusne"]));
    expect(data.arealess).toBe(false);
  });

  it("reads Excel's Unicode text (UTF-16LE, tab-separated)", async () => {
    const data = await ingest(excelUnicodeText(["Månad\tBrottskategori\tAntal\tOmråde", "mars 2024\tSkadegörelse\t4\tSöderhamns centrum"]));
    expect([...data.counts]).toEqual([["centrum\t2024-03\tskadegorelse", 4]]);
  });

  it("ignores labels on the ignore list and rejects unknown ones with the key to add them under", async () => {
    const data = await ingest(excel1252(["Månad;Brottskategori;Antal;Område", "2024-03;Bedrägeri;9;Centrum", "2024-03;Rån;1;Centrum"]));
    expect(data.files[0]!.tally.ignored_by_reason).toEqual({ ignore_list: 1 });
    expect(data.files[0]!.problems[0]).toMatchObject({ line: 3, reason: "unknown_category:Rån" });
    expect(data.files[0]!.problems[0]!.message).toContain("sources[0].categories");
  });

  it("rejects a period after generated-at as future_date", async () => {
    const data = await ingest(excel1252(["Månad;Brottskategori;Antal;Område", "2024-05;Stöld;3;Centrum"]));
    expect(data.files[0]!.tally.rejected_by_reason).toEqual({ future_date: 1 });
  });
});
