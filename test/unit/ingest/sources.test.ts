import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { LagesbildError } from "../../../src/core/errors.ts";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { excel1252, makeProject, NOW, POLIS_SOURCE, type TestProject } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

const ONE_ROW = excel1252(["Datum;Brottstyp;Område", "2024-03-01;Stöld;Centrum"]);

describe("ingestSources", () => {
  it("reads a source's files in code-unit order with project-relative paths and their sha256", async () => {
    project = makeProject();
    for (const name of ["polis-a.csv", "polis-B.csv", "polis-2.csv", "polis-10.csv"]) project.write(name, ONE_ROW);
    project.write("annat.csv", ONE_ROW); // does not match the glob
    const result = await ingestSources(project.config, { now: NOW, quarantine: false });
    const files = result.incidents[0]!.files;
    expect(files.map((f) => f.path)).toEqual(["data/polis-10.csv", "data/polis-2.csv", "data/polis-B.csv", "data/polis-a.csv"]);
    expect(files[0]?.sha256).toBe(createHash("sha256").update(ONE_ROW).digest("hex"));
    expect(result.warnings).toEqual([]);
  });

  it("fails with no_files (exit 1) naming the source and pattern when nothing matches", async () => {
    project = makeProject();
    const error = await ingestSources(project.config, { now: NOW, quarantine: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LagesbildError);
    expect((error as LagesbildError).code).toBe("no_files");
    expect((error as LagesbildError).exitCode).toBe(1);
    expect((error as LagesbildError).message).toContain("Källan polis: inga filer matchar ../data/polis-*.csv");
  });

  it("does not take a folder that matches the pattern for a file", async () => {
    project = makeProject(`
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/polis.csv
    categories: { Stöld: stold, Skadegörelse: skadegorelse, Misshandel: misshandel }
`);
    project.write("polis.csv/inner.txt", "x"); // polis.csv is a folder: no file matches
    const error = await ingestSources(project.config, { now: NOW, quarantine: false }).catch((e: unknown) => e);
    expect((error as LagesbildError).code).toBe("no_files");
  });

  it("hands survey and field-report sources to their readers, apart from the incidents", async () => {
    project = makeProject(`${POLIS_SOURCE}
  - id: trygghet
    kind: survey
    path: ../data/survey/*.csv
  - id: falt
    kind: field-reports
    path: ../data/falt/*.csv
`);
    project.write("polis-1.csv", ONE_ROW);
    project.write("survey/a.csv", excel1252(["year;indicator;value"]));
    project.write("falt/a.csv", excel1252(["date;area;role;hours", "2024-03-01;Centrum;polis;2"]));
    const result = await ingestSources(project.config, { now: NOW, quarantine: false });
    expect(result.incidents.map((s) => s.sourceId)).toEqual(["polis"]);
    expect(result.surveys?.map((s) => s.sourceId)).toEqual(["trygghet"]);
    expect(result.field?.map((s) => [s.sourceId, s.files[0]?.tally.accepted])).toEqual([["falt", 1]]);
    expect(result.warnings).toEqual([]);
  });

  it("rewrites the quarantine on every run, header only when nothing was rejected", async () => {
    project = makeProject();
    project.write("polis-1.csv", excel1252(["Datum;Brottstyp;Område", "2024-03-01;Vapenbrott;Centrum"]));
    await ingestSources(project.config, { now: NOW, quarantine: true });
    expect(project.read("var/rejected/polis.csv")).toContain("unknown_category:Vapenbrott");
    project.write("polis-1.csv", ONE_ROW);
    await ingestSources(project.config, { now: NOW, quarantine: true });
    expect(project.read("var/rejected/polis.csv")).toBe("\ufefffil;rad;orsak;innehåll\r\n");
  });
});
