/**
 * Rejected rows of a file read on its own go to a part file, not memory (quarantine-part.ts); the
 * merge appends the parts in file order. The parts must not outlive the run, and a cache entry whose
 * quarantine lines are gone must not be served (the quarantine would be incomplete).
 */
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { excel1252, makeProject, NOW, type TestProject } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

const HEADER = "Datum;Brottstyp;Område;Diarienummer";
const FIRST = excel1252([HEADER, "2024-03-01 10:00;Rån;Centrum;A1", "2024-03-02 10:00;Stöld;Centrum;A2"]);
const SECOND = excel1252([HEADER, "2024-03-03 10:00;Stöld;Centrum;B1", "2024-03-03 11:00;Stöld;Centrum;B1"]);
// By hand: row 2 of the first file has a label not in categories; row 3 of the second repeats id B1.
const EXPECTED =
  "\ufefffil;rad;orsak;innehåll\r\n" +
  'data/polis-a.csv;2;unknown_category:Rån;"2024-03-01 10:00;Rån;Centrum;A1"\r\n' +
  'data/polis-b.csv;3;duplicate_id;"2024-03-03 11:00;Stöld;Centrum;B1"\r\n';

function setUp(): TestProject {
  const p = makeProject();
  p.write("polis-a.csv", FIRST);
  p.write("polis-b.csv", SECOND);
  return p;
}

describe("quarantine parts", () => {
  it("are appended in file order and removed after a run without the cache", async () => {
    project = setUp();
    await ingestSources(project.config, { now: NOW, quarantine: true, env: { LAGESBILD_WORKERS: "0" } });
    expect(project.read("var/rejected/polis.csv")).toBe(EXPECTED);
    const parts = path.join(project.root, "var/rejected/.parts");
    expect(readdirSync(parts)).toEqual([]);
  });

  it("make a cache entry a miss when its quarantine file is gone", async () => {
    project = setUp();
    const logs: Array<Record<string, unknown>> = [];
    const options = { now: NOW, quarantine: true, cache: true, env: { LAGESBILD_WORKERS: "0" }, log: (_l: string, _m: string, o?: Record<string, unknown>) => logs.push(o ?? {}) };
    await ingestSources(project.config, options);
    rmSync(path.join(project.root, "var/cache/incidents-quarantine"), { recursive: true });
    logs.length = 0;
    await ingestSources(project.config, options);
    expect(logs.filter((o) => o.cached === true)).toEqual([]);
    expect(project.read("var/rejected/polis.csv")).toBe(EXPECTED);
  });
});
