/**
 * The row prelude (src/ingest/text/row-prelude.ts) that both incident CSV readers run before their own
 * rules: the same six kinds of row, as Excel saves them (Windows-1252, CRLF, semicolons, one row with a
 * byte Windows-1252 does not define), give the same outcome and the same message in `format: csv` and
 * `format: aggregated-csv`, every row accounted for, and a row with a date keeps its month.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { BRA_SOURCE, excel1252, makeProject, NOW, POLIS_SOURCE, type TestProject } from "../../fixtures/ingest/project.ts";

const projects: TestProject[] = [];
afterEach(() => {
  for (const p of projects.splice(0)) p.cleanup();
});

/** Windows-1252 bytes plus one CRLF row whose label holds byte 0x81 (undefined in Windows-1252: a C1 control once decoded). */
function withBadByte(lines: string[], before: string, after: string): Buffer {
  return Buffer.concat([excel1252(lines), Buffer.from(before, "latin1"), Buffer.from([0x81]), Buffer.from(`${after}\r\n`, "latin1")]);
}

async function ingestFile(sources: string, file: string, bytes: Buffer) {
  const project = makeProject(sources);
  projects.push(project);
  project.write(file, bytes);
  const data = (await ingestSources(project.config, { now: NOW, quarantine: false })).incidents[0];
  if (data === undefined) throw new Error("no incident source read");
  const [report] = data.files;
  if (report === undefined) throw new Error("no file read");
  return report;
}

describe("the incident readers' row prelude", () => {
  it("settles blank, total, ignored, shifted and wrongly encoded rows alike in both formats", async () => {
    const csv = await ingestFile(
      POLIS_SOURCE,
      "polis-2024.csv",
      withBadByte(
        [
          "Datum;Brottstyp;Område;Diarienummer;Antal",
          "2024-03-05;Stöld;Centrum;A1;1",
          ";;;;",
          "Summa;;;;",
          "2024-03-06;Trafikolycka;Centrum;A2;1",
          "2024-03-07;Stöld;Centrum;A3;1;en cell för mycket",
        ],
        "2024-03-08;St",
        "ld;Centrum;A4;1",
      ),
    );
    const aggregated = await ingestFile(
      BRA_SOURCE,
      "bra/tabell.csv",
      withBadByte(
        [
          "Månad;Brottskategori;Antal;Område",
          "2024-03;Stöld;3;Centrum",
          ";;;",
          "Summa;;3;",
          "2024-03;Bedrägeri;2;Centrum",
          "2024-03;Stöld;3;Centrum;en cell för mycket",
        ],
        "2024-03;St",
        "ld;1;Centrum",
      ),
    );
    for (const report of [csv, aggregated]) {
      // Six rows read: one accepted, three ignored, two rejected – none lost.
      expect(report.tally).toMatchObject({
        read: 6,
        accepted: 1,
        ignored: 3,
        rejected: 2,
        ignored_by_reason: { blank: 1, total_row: 1, ignore_list: 1 },
        rejected_by_reason: { column_count: 1, bad_encoding: 1 },
      });
      // The ignored label's row and the rejected rows are dated: they count in March's tally.
      expect(report.by_month["2024-03"]).toMatchObject({ ignored_by_reason: { ignore_list: 1 }, rejected_by_reason: { column_count: 1, bad_encoding: 1 } });
      expect(report.problems.map((p) => [p.line, p.reason])).toEqual([
        [6, "column_count"],
        [7, "bad_encoding"],
      ]);
      expect(report.problems[1]?.message).toMatch(/^Raden innehåller styrtecken \(U\+0080–U\+009F\), troligen fel teckenkodning/);
    }
    expect(csv.problems[0]?.message).toBe("Raden har 6 kolumner men rubrikraden har 5: kontrollera avgränsare och citattecken på raden.");
    expect(aggregated.problems[0]?.message).toBe("Raden har 5 kolumner men rubrikraden har 4: kontrollera avgränsare och citattecken på raden.");
  });
});
