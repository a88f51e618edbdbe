/**
 * The table readers' shared row loop (src/ingest/text/read-table-rows.ts: survey, field reports,
 * actions, population, reference) on a file as Excel saves it (Windows-1252 bytes, CRLF, semicolons):
 * each kind of bad row gets its outcome, reason and message word for word, every row is accounted for
 * (read = accepted + ignored + rejected), and each rejected row reaches the quarantine. The expected
 * messages are the wording of spec/inputs.md's rules as the readers have always printed them: a change
 * here is a change users see in `validate` and the run's summary.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { isBalanced } from "../../../src/ingest/tally.ts";
import { excel1252, makeProject, NOW, POLIS_SOURCE, type TestProject } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

const ACTIONS = `
  - id: atgardsplan
    kind: actions
    path: ../data/atgarder/*.csv
    statuses: { Klar: genomford }
`;
const HEADER = "action_id;action;responsible;date;status;comment";

/** The actions source's one file with these bytes, read as a run reads it (quarantine on). */
async function readActionsFile(bytes: Buffer) {
  project = makeProject(`${POLIS_SOURCE}${ACTIONS}`);
  project.write("polis-2024.csv", excel1252(["Datum;Brottstyp;Område", "2024-03-01;Stöld;Centrum"]));
  project.write("atgarder/plan.csv", bytes);
  const result = await ingestSources(project.config, { now: NOW, quarantine: true });
  const report = result.actions?.[0]?.files[0];
  if (report === undefined) throw new Error("the actions file was not read");
  return report;
}

const COLUMN_COUNT = (got: number) => `Raden har ${got} kolumner men rubrikraden har 6: kontrollera avgränsare och citattecken på raden.`;
const BAD_ENCODING = "Raden innehåller styrtecken (U+0080–U+009F), troligen fel teckenkodning: spara om filen som UTF-8.";

describe("the table readers' row loop", () => {
  it("settles blank, total, short, long, wrongly encoded and the reader's own bad rows with their messages", async () => {
    const bytes = Buffer.concat([
      excel1252([
        HEADER,
        "kamera;Kamerabevakning på Stora torget;polis;2024-01-15;Klar;", // 2: accepted
        ";;;;;", // 3: blank (every cell empty)
        "", // an empty line is no row at all (spec): not counted
        "Summa;;;;;", // 5: Excel's total row
        "belysning;Ny belysning;kommunen;2024-02-01", // 6: too short
        "vakt;Ordningsvakter;kommunen;2024-02-01;Klar;;på fel plats", // 7: text past the header's width
        "park;Röjning i parken;kommunen;2024-02-01;Klar;;;;", // 8: only empty surplus cells: Excel's trailing delimiters, accepted
        "skylt;;kommunen;2024-02-01;Klar;", // 9: the reader's own rule (missing field)
      ]),
      // 10: byte 0x81, which Windows-1252 leaves undefined: a C1 control once decoded.
      Buffer.from("fonster;Nya f", "latin1"),
      Buffer.from([0x81]),
      Buffer.from("nster;kommunen;2024-02-01;Klar;\r\n", "latin1"),
      excel1252(["TOTALT:;;;;;"]), // 11: a total row in another spelling
    ]);
    const report = await readActionsFile(bytes);
    expect(report.encoding).toBe("windows-1252");
    expect(report.tally).toMatchObject({
      read: 9,
      accepted: 2,
      ignored: 3,
      rejected: 4,
      ignored_by_reason: { blank: 1, total_row: 2 },
      rejected_by_reason: { column_count: 2, "missing_field:action": 1, bad_encoding: 1 },
    });
    expect(isBalanced(report.tally)).toBe(true);
    expect(report.problems.map((p) => [p.line, p.reason, p.message])).toEqual([
      [6, "column_count", COLUMN_COUNT(4)],
      [7, "column_count", COLUMN_COUNT(7)],
      [9, "missing_field:action", "Fältet action är tomt: fyll i det i källan eller ta bort raden."],
      [10, "bad_encoding", BAD_ENCODING],
    ]);
    // Every rejected row, and only those, is kept for the analyst in the quarantine with its line and reason.
    const quarantined = project?.read("var/rejected/atgardsplan.csv") ?? "";
    expect(quarantined.match(/;(column_count|missing_field:action|bad_encoding);/g)).toEqual([
      ";column_count;",
      ";column_count;",
      ";missing_field:action;",
      ";bad_encoding;",
    ]);
  });

  it("rejects the rest of a file whose quote never closes as one unreadable row", async () => {
    const report = await readActionsFile(
      excel1252([HEADER, "kamera;Kamerabevakning;polis;2024-01-15;Klar;", 'vakt;"Ordningsvakter;kommunen;2024-02-01;Klar;', "park;Röjning;kommunen;2024-02-01;Klar;"]),
    );
    expect(report.tally).toMatchObject({ read: 2, accepted: 1, ignored: 0, rejected: 1, rejected_by_reason: { column_count: 1 } });
    expect(report.problems.map((p) => [p.line, p.reason, p.message])).toEqual([
      [
        3,
        "column_count",
        'Raden kunde inte läsas: ett citattecken (") stängs aldrig, så resten av filen kunde inte delas upp i rader; rätta citattecknet i källfilen.',
      ],
    ]);
  });

  it("explains an empty file (no header row) once, with no rows read", async () => {
    const report = await readActionsFile(Buffer.alloc(0));
    expect(report.tally).toMatchObject({ read: 0, accepted: 0, ignored: 0, rejected: 0 });
    expect(report.problems.map((p) => [p.line, p.reason, p.message])).toEqual([
      [null, "missing_field:action_id", "Filen är tom (ingen rubrikrad): kontrollera exporten."],
    ]);
  });
});
