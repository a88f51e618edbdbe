/**
 * The source's merged result in cache_dir (source-result-cache.ts) is one binary entry: a small header
 * validated with zod, the groups as typed arrays behind a sha256 (issue 20). A run where nothing changed
 * must get exactly the merge's result from it, and a damaged, cut-short, foreign or other-format entry
 * must never be trusted: it is a miss, the files are merged again and the entry is rewritten.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GroupCounts } from "../../../src/model/group-counts.ts";
import { CACHE_FORMAT } from "../../../src/ingest/_fast/incident-cache.ts";
import { ingestSources, type IngestOptions } from "../../../src/ingest/ingest-sources.ts";
import { decodeEntry, encodeEntry } from "../../../src/ingest/_fast/source-result-cache.ts";
import type { IncidentSourceData } from "../../../src/model/records.ts";
import { excel1252, makeProject, NOW, type TestProject, plain } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

// Two exports of the same month: X1 repeated (`duplicate`), X2 and X3 revised, X4 new.
const EARLIER = excel1252([
  "Datum;Brottstyp;Område;Diarienummer",
  "2024-03-01 10:00;Skadegörelse;Centrum;X1",
  "2024-03-02 11:00;Misshandel;Ljusne;X2",
  "2024-02-28 09:00;Stöld;Centrum;X3",
]);
const LATER = excel1252([
  "Datum;Brottstyp;Område;Diarienummer",
  "2024-03-01 10:00;Skadegörelse;Centrum;X1",
  "2024-03-02 11:00;Misshandel;Centrum;X2",
  "2024-03-03 09:00;Stöld;Centrum;X3",
  "2024-03-05 09:00;Stöld;Centrum;X4",
]);
/** By hand: X1 skadegörelse, X2 misshandel (moved from Ljusne), X3 and X4 stöld (X3 moved from February), all Centrum March. */
const EXPECTED = [
  ["centrum\t2024-03\tmisshandel", 1],
  ["centrum\t2024-03\tskadegorelse", 1],
  ["centrum\t2024-03\tstold", 2],
];

function options(logs: Array<{ msg: string; obj: Record<string, unknown> }> = []): IngestOptions {
  return { now: NOW, quarantine: true, cache: true, env: { LAGESBILD_WORKERS: "0" }, log: (_l, msg, obj) => logs.push({ msg, obj: obj ?? {} }) };
}

function setUp(): { sources: string; incidents: string } {
  project = makeProject();
  project.write("polis-a.csv", EARLIER);
  project.write("polis-b.csv", LATER);
  return { sources: path.join(project.root, "var/cache/sources"), incidents: path.join(project.root, "var/cache/incidents") };
}

/** Without the per-file id arrays only the merged result can serve a run (else the files are read again). */
const dropFileEntries = (incidents: string) => {
  for (const f of readdirSync(incidents).filter((f) => f.endsWith(".bin"))) rmSync(path.join(incidents, f));
};
const servedWhole = (logs: Array<{ obj: Record<string, unknown> }>) => logs.filter((l) => l.obj.cached === true).length === 2;

describe("the merged result's binary entry", () => {
  it("gives a run where nothing changed the merge's exact counts, months and reports", async () => {
    const { sources, incidents } = setUp();
    const cold = await ingestSources(project!.config, options());
    expect(readdirSync(sources).filter((f) => f.endsWith(".bin"))).toHaveLength(1);
    dropFileEntries(incidents);
    const logs: Array<{ msg: string; obj: Record<string, unknown> }> = [];
    const warm = await ingestSources(project!.config, options(logs));
    expect(servedWhole(logs)).toBe(true);
    const counts = warm.incidents[0]!.counts;
    expect(counts).toBeInstanceOf(GroupCounts);
    expect([...counts].sort()).toEqual(EXPECTED);
    expect(counts.get("centrum\t2024-03\tstold")).toBe(2);
    expect(warm.incidents[0]!.firstMonth).toBe("2024-03");
    expect(plain(warm)).toEqual(plain(cold));
  });

  it("is a miss when one byte of its groups is changed (checksum), and is written again", async () => {
    const { sources, incidents } = setUp();
    const cold = await ingestSources(project!.config, options());
    const [entry] = readdirSync(sources).filter((f) => f.endsWith(".bin"));
    const bytes = readFileSync(path.join(sources, entry!));
    bytes[bytes.length - 40]! ^= 0x01; // inside the category indices, before the checksum
    writeFileSync(path.join(sources, entry!), bytes);
    const logs: Array<{ msg: string; obj: Record<string, unknown> }> = [];
    const again = await ingestSources(project!.config, options(logs));
    expect(logs.find((l) => l.msg === "source cache entry unreadable, merging again")?.obj.error).toMatch(/checksum/);
    expect(plain(again)).toEqual(plain(cold));
    dropFileEntries(incidents);
    const third: Array<{ msg: string; obj: Record<string, unknown> }> = [];
    expect(plain(await ingestSources(project!.config, options(third)))).toEqual(plain(cold));
    expect(servedWhole(third)).toBe(true);
  });

  it.each([
    ["cut short", (b: Buffer) => b.subarray(0, b.length - 1), /checksum|not a source/],
    ["a foreign file (an old JSON entry)", () => Buffer.from('{"format":4,"key":"x","counts":[]}'), /not a source cache entry/],
    ["empty", () => Buffer.alloc(0), /not a source cache entry/],
  ])("refuses an entry %s", (_name, damage, error) => {
    const bytes = encodeEntry("k", source(new Map(EXPECTED as Array<[string, number]>)), [], { maxPast: null, minFuture: null });
    expect(decodeEntry(bytes).counts.get("centrum\t2024-03\tstold")).toBe(2);
    expect(() => decodeEntry(damage(bytes))).toThrow(error);
  });

  it("refuses an entry of another format even when its checksum fits", () => {
    const bytes = encodeEntry("k", source(new Map(EXPECTED as Array<[string, number]>)), [], { maxPast: null, minFuture: null });
    const other = Buffer.from(bytes.toString("latin1").replace(`"format":${CACHE_FORMAT},`, `"format":${CACHE_FORMAT + 1},`), "latin1");
    expect(other.length).toBe(bytes.length + (String(CACHE_FORMAT + 1).length - String(CACHE_FORMAT).length));
    expect(() => decodeEntry(resum(other))).toThrow();
  });

  it("refuses groups whose index points past the texts even when the checksum fits", () => {
    // Area index 1 with one area text: a bug or a tampered file, never something to count.
    const bad = new GroupCounts(["centrum"], ["2024-03"], ["stold"], Int32Array.of(1), Int32Array.of(0), Int32Array.of(0), Float64Array.of(2));
    const bytes = encodeEntry("k", source(bad), [], { maxPast: null, minFuture: null });
    expect(() => decodeEntry(bytes)).toThrow(/out of range/);
  });
});

function source(counts: ReadonlyMap<string, number>): IncidentSourceData {
  return { sourceId: "polis", files: [], firstMonth: "2024-03", lastMonth: "2024-03", counts, arealess: false };
}

/** The entry with its trailing sha256 recomputed (the header was edited). */
function resum(bytes: Buffer): Buffer {
  const body = bytes.subarray(0, bytes.length - 32);
  return Buffer.concat([body, createHash("sha256").update(body).digest()]);
}
