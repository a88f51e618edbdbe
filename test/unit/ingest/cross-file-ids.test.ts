import { afterEach, describe, expect, it } from "vitest";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { isBalanced } from "../../../src/ingest/tally.ts";
import { excel1252, makeProject, NOW, type TestProject } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

/**
 * Two overlapping exports of one police source, read in sorted order (a before b). Rule exercised:
 * spec/inputs.md `id` — duplicate / superseded across files, duplicate_id within one file.
 */
const EARLIER = excel1252([
  "Datum;Brottstyp;Område;Diarienummer",
  "2024-03-01 10:00;Skadegörelse;Centrum;X1", // accepted; repeated identically in b → b's row is `duplicate`
  "2024-03-02 11:00;Misshandel;Ljusne;X2", // accepted, then superseded by b (area changed)
  "2024-02-28 09:00;Stöld;Centrum;X3", // accepted in February, then superseded by b (moved to March)
]);
const LATER = excel1252([
  "Datum;Brottstyp;Område;Diarienummer",
  "2024-03-01T10:00:00;skadegörelse ;centrum;X1", // identical after normalisation → ignored `duplicate`
  "2024-03-02 11:00;Misshandel;Centrum;X2", // revision → accepted
  "2024-03-03 09:00;Stöld;Centrum;X3", // revision → accepted
  "2024-03-04 09:00;Stöld;Centrum;X3", // X3 again in the same file → rejected `duplicate_id`
  "2024-03-05 09:00;Stöld;Centrum;X4", // new → accepted
]);

describe("ids across the files of one source", () => {
  it("moves the earlier file's revised rows from accepted to ignored superseded, month by month", async () => {
    project = makeProject();
    project.write("polis-2024-03b.csv", LATER);
    project.write("polis-2024-03a.csv", EARLIER);
    const source = (await ingestSources(project.config, { now: NOW, quarantine: false })).incidents[0]!;
    const [a, b] = source.files;
    expect(a?.path).toBe("data/polis-2024-03a.csv");
    expect(a?.tally).toEqual({
      read: 3,
      accepted: 1,
      ignored: 2,
      rejected: 0,
      ignored_by_reason: { superseded: 2 },
      rejected_by_reason: {},
    });
    expect(a?.by_month["2024-03"]).toMatchObject({ read: 2, accepted: 1, ignored: 1, ignored_by_reason: { superseded: 1 } });
    expect(a?.by_month["2024-02"]).toMatchObject({ read: 1, accepted: 0, ignored: 1, ignored_by_reason: { superseded: 1 } });
    expect(b?.tally).toEqual({
      read: 5,
      accepted: 3,
      ignored: 1,
      rejected: 1,
      ignored_by_reason: { duplicate: 1 },
      rejected_by_reason: { duplicate_id: 1 },
    });
    // POLIS_SOURCE maps count: Antal, which these files lack: a note on the file, before the row problems.
    expect(b?.problems.map((p) => [p.line, p.reason])).toEqual([[null, "missing_column"], [5, "duplicate_id"]]);
    for (const file of source.files) {
      expect(isBalanced(file.tally)).toBe(true);
      for (const t of Object.values(file.by_month)) expect(isBalanced(t)).toBe(true);
    }
  });

  it("counts each incident once, at its latest version", async () => {
    project = makeProject();
    project.write("polis-2024-03a.csv", EARLIER);
    project.write("polis-2024-03b.csv", LATER);
    const source = (await ingestSources(project.config, { now: NOW, quarantine: false })).incidents[0]!;
    expect(Object.fromEntries(source.counts)).toEqual({
      "centrum\t2024-03\tskadegorelse": 1,
      "centrum\t2024-03\tmisshandel": 1,
      "centrum\t2024-03\tstold": 2,
    });
    // February's only row was moved to March: February is no longer a month with accepted rows.
    expect([source.firstMonth, source.lastMonth]).toEqual(["2024-03", "2024-03"]);
  });

  it("treats a revision of a revision against the latest version", async () => {
    project = makeProject();
    project.write("polis-1.csv", excel1252(["Datum;Brottstyp;Diarienummer", "2024-03-01;Stöld;Y1"]));
    project.write("polis-2.csv", excel1252(["Datum;Brottstyp;Diarienummer", "2024-03-01;Misshandel;Y1"]));
    project.write("polis-3.csv", excel1252(["Datum;Brottstyp;Diarienummer", "2024-03-01;Misshandel;Y1"]));
    const source = (await ingestSources(project.config, { now: NOW, quarantine: false })).incidents[0]!;
    expect(source.files.map((f) => [f.tally.accepted, f.tally.ignored_by_reason])).toEqual([
      [0, { superseded: 1 }],
      [1, {}],
      [0, { duplicate: 1 }],
    ]);
    expect(Object.fromEntries(source.counts)).toEqual({ "okant\t2024-03\tmisshandel": 1 });
  });
});
