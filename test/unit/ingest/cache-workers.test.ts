/**
 * The per-file cache (incident-cache.ts) and worker threads (worker-pool.ts) must not change one
 * outcome: spec/indicators.md "Performance" (exact cross-file ids), spec/inputs.md id rules.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "../../../src/config/load-config.ts";
import { cacheKey, servesRunTime } from "../../../src/ingest/_fast/incident-cache.ts";
import { ingestSources, type IngestOptions } from "../../../src/ingest/ingest-sources.ts";
import { excel1252, makeProject, NOW, type TestProject, plain } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

const EARLIER = excel1252([
  "Datum;Brottstyp;Område;Diarienummer",
  "2024-03-01 10:00;Skadegörelse;Centrum;X1",
  "2024-03-02 11:00;Misshandel;Ljusne;X2",
  "2024-02-28 09:00;Stöld;Centrum;X3",
]);
const LATER = excel1252([
  "Datum;Brottstyp;Område;Diarienummer",
  "2024-03-01T10:00:00;skadegörelse ;centrum;X1", // same row as in the earlier file: `duplicate`
  "2024-03-02 11:00;Misshandel;Centrum;X2", // revision: the earlier row becomes `superseded`
  "2024-03-03 09:00;Stöld;Centrum;X3", // revision
  "2024-03-04 09:00;Stöld;Centrum;X3", // same id again in this file: `duplicate_id`
  "2024-03-05 09:00;Stöld;Centrum;X4",
  "2024-03-06 09:00;Rån;Centrum;X5", // unknown label: rejected, quarantined
]);

const cached = (logs: Array<Record<string, unknown>>) => logs.filter((o) => o.cached === true).map((o) => o.file);
function options(logs: Array<Record<string, unknown>> = [], extra: Partial<IngestOptions> = {}): IngestOptions {
  return { now: NOW, quarantine: true, cache: true, env: { LAGESBILD_WORKERS: "0" }, log: (_l, _m, obj) => logs.push(obj ?? {}), ...extra };
}

describe("worker threads", () => {
  it("give the same IngestResult and quarantine as one thread on the sample kommun's data", async () => {
    const config = loadConfig(path.resolve("config/lagesbild.yaml"));
    const one = await ingestSources(config, { now: NOW * 2, quarantine: false, env: { LAGESBILD_WORKERS: "0" } });
    const two = await ingestSources(config, { now: NOW * 2, quarantine: false, env: { LAGESBILD_WORKERS: "2" } });
    expect(plain(two)).toEqual(plain(one));
  });

  it("give the same cross-file outcomes and quarantine as one thread", async () => {
    project = makeProject();
    project.write("polis-a.csv", EARLIER);
    project.write("polis-b.csv", LATER);
    const one = await ingestSources(project.config, { now: NOW, quarantine: true, env: { LAGESBILD_WORKERS: "0" } });
    const quarantineOne = project.read("var/rejected/polis.csv");
    const two = await ingestSources(project.config, { now: NOW, quarantine: true, env: { LAGESBILD_WORKERS: "2" } });
    expect(plain(two)).toEqual(plain(one));
    expect(project.read("var/rejected/polis.csv")).toBe(quarantineOne);
  });
  it("in a cold run with a cache, reading each file while the next is scanned, give one thread's result, and the entries serve the next run", async () => {
    project = makeProject();
    project.write("polis-a.csv", EARLIER);
    project.write("polis-b.csv", LATER);
    const one = await ingestSources(project.config, { now: NOW, quarantine: true, env: { LAGESBILD_WORKERS: "0" } });
    const quarantineOne = project.read("var/rejected/polis.csv");
    const coldLogs: Array<Record<string, unknown>> = [];
    const cold = await ingestSources(project.config, options(coldLogs, { env: { LAGESBILD_WORKERS: "2" } }));
    // The cold start was taken: cache_dir has no entry yet.
    expect(coldLogs.filter((o) => o.coldStart === true).map((o) => o.source)).toEqual(["polis"]);
    expect(plain(cold)).toEqual(plain(one));
    expect(project.read("var/rejected/polis.csv")).toBe(quarantineOne);
    const warmLogs: Array<Record<string, unknown>> = [];
    const warm = await ingestSources(project.config, options(warmLogs, { env: { LAGESBILD_WORKERS: "2" } }));
    expect(warmLogs.some((o) => o.coldStart === true)).toBe(false);
    expect(cached(warmLogs)).toEqual(["data/polis-a.csv", "data/polis-b.csv"]);
    expect(plain(warm)).toEqual(plain(one));
    expect(project.read("var/rejected/polis.csv")).toBe(quarantineOne);
    // No part file is left behind in the cache or the quarantine folder.
    const leftovers = (dir: string) => readdirSync(path.join(project!.root, dir), { recursive: true }).map(String).filter((f) => f.includes(".part"));
    expect(leftovers("var/cache")).toEqual([]);
  });
});

describe("the per-file cache", () => {
  it("serves an unchanged file and gives the same result and quarantine as reading it", async () => {
    project = makeProject();
    project.write("polis-a.csv", EARLIER);
    project.write("polis-b.csv", LATER);
    const cold = await ingestSources(project.config, options());
    const quarantine = project.read("var/rejected/polis.csv");
    const logs: Array<Record<string, unknown>> = [];
    const warm = await ingestSources(project.config, options(logs));
    expect(cached(logs)).toEqual(["data/polis-a.csv", "data/polis-b.csv"]);
    expect(plain(warm)).toEqual(plain(cold));
    expect(project.read("var/rejected/polis.csv")).toBe(quarantine);
    expect(quarantine).toContain("data/polis-b.csv;7;unknown_category:Rån;");
  });

  it("keeps cross-file duplicate and superseded exact when the earlier file comes from the cache", async () => {
    project = makeProject();
    project.write("polis-a.csv", EARLIER);
    await ingestSources(project.config, options()); // caches polis-a alone
    project.write("polis-b.csv", LATER);
    const logs: Array<Record<string, unknown>> = [];
    const source = (await ingestSources(project.config, options(logs))).incidents[0]!;
    expect(cached(logs)).toEqual(["data/polis-a.csv"]);
    const [a, b] = source.files;
    expect(a!.tally).toMatchObject({ read: 3, accepted: 1, ignored: 2, rejected: 0, ignored_by_reason: { superseded: 2 } });
    expect(b!.tally).toMatchObject({ read: 6, accepted: 3, ignored: 1, rejected: 2, ignored_by_reason: { duplicate: 1 } });
    expect(b!.tally.rejected_by_reason).toEqual({ duplicate_id: 1, "unknown_category:Rån": 1 });
    // X1 from a; X2, X3 (3 March) and X4 from b; nothing left in Ljusne or in February.
    expect([...source.counts].sort()).toEqual([
      ["centrum\t2024-03\tmisshandel", 1],
      ["centrum\t2024-03\tskadegorelse", 1],
      ["centrum\t2024-03\tstold", 2],
    ]);
    expect(source.firstMonth).toBe("2024-03");
  });

  it("is not used after a config part that affects reading changes (a new alias)", async () => {
    project = makeProject();
    project.write("polis-a.csv", excel1252(["Datum;Brottstyp;Område", "2024-03-01;Stöld;Kajen", "2024-03-02;Stöld;Kajen"]));
    const before = (await ingestSources(project.config, options())).incidents[0]!;
    expect([...before.counts]).toEqual([["okant\t2024-03\tstold", 2]]);
    const yaml = readFileSync(project.config.configPath, "utf8").replace("aliases: [Stenstan,", "aliases: [Kajen, Stenstan,");
    writeFileSync(project.config.configPath, yaml);
    const changed = parseConfig(yaml, project.config.configPath);
    expect(cacheKey(changed, changed.sources[0] as never, { path: "data/polis-a.csv", sha256: "0".repeat(64) })).not.toBe(
      cacheKey(project.config, project.config.sources[0] as never, { path: "data/polis-a.csv", sha256: "0".repeat(64) }),
    );
    const logs: Array<Record<string, unknown>> = [];
    const after = (await ingestSources(changed, options(logs))).incidents[0]!;
    expect(cached(logs)).toEqual([]);
    expect([...after.counts]).toEqual([["centrum\t2024-03\tstold", 2]]);
  });

  it("ignores a corrupt entry and rebuilds it", async () => {
    project = makeProject();
    project.write("polis-a.csv", EARLIER);
    const cold = await ingestSources(project.config, options());
    const folder = path.join(project.root, "var/cache/incidents");
    const [entry] = readdirSync(folder).filter((f) => f.endsWith(".json"));
    writeFileSync(path.join(folder, entry!), '{"format":1,"key":"x","aggregate":{"report":');
    rmSync(path.join(project.root, "var/cache/sources"), { recursive: true }); // else the merged result serves
    const logs: Array<Record<string, unknown>> = [];
    const again = await ingestSources(project.config, options(logs));
    expect(cached(logs)).toEqual([]);
    expect(plain(again)).toEqual(plain(cold));
    const third: Array<Record<string, unknown>> = [];
    await ingestSources(project.config, options(third));
    expect(cached(third)).toEqual(["data/polis-a.csv"]);
  });

  it("serves a run where nothing changed from the source's merged result, without the files' id arrays", async () => {
    project = makeProject();
    project.write("polis-a.csv", EARLIER);
    project.write("polis-b.csv", LATER);
    const cold = await ingestSources(project.config, options());
    const quarantine = project.read("var/rejected/polis.csv");
    const folder = path.join(project.root, "var/cache/incidents");
    for (const f of readdirSync(folder).filter((f) => f.endsWith(".bin"))) rmSync(path.join(folder, f));
    const logs: Array<Record<string, unknown>> = [];
    const warm = await ingestSources(project.config, options(logs));
    expect(cached(logs)).toEqual(["data/polis-a.csv", "data/polis-b.csv"]);
    expect(plain(warm)).toEqual(plain(cold));
    expect(project.read("var/rejected/polis.csv")).toBe(quarantine);
  });

  it("merges from the per-file entries again when the source's merged result is corrupt", async () => {
    project = makeProject();
    project.write("polis-a.csv", EARLIER);
    project.write("polis-b.csv", LATER);
    const cold = await ingestSources(project.config, options());
    const folder = path.join(project.root, "var/cache/sources");
    for (const f of readdirSync(folder)) writeFileSync(path.join(folder, f), '{"format":3,"key":"x"');
    const logs: Array<Record<string, unknown>> = [];
    const again = await ingestSources(project.config, options(logs));
    expect(cached(logs)).toEqual(["data/polis-a.csv", "data/polis-b.csv"]);
    expect(plain(again)).toEqual(plain(cold));
  });

  it("reads a file again when its id arrays were damaged, and keeps the cross-file outcomes", async () => {
    project = makeProject();
    project.write("polis-a.csv", EARLIER);
    const first = await ingestSources(project.config, options());
    const folder = path.join(project.root, "var/cache/incidents");
    const [bin] = readdirSync(folder).filter((f) => f.endsWith(".bin"));
    const bytes = readFileSync(path.join(folder, bin!));
    writeFileSync(path.join(folder, bin!), bytes.subarray(0, bytes.length - 1)); // one byte short
    project.write("polis-b.csv", LATER); // a new source key: the per-file entry of polis-a is needed
    const logs: Array<Record<string, unknown>> = [];
    const source = (await ingestSources(project.config, options(logs))).incidents[0]!;
    expect(cached(logs)).toEqual([]);
    expect(first.incidents[0]!.files[0]!.tally.accepted).toBe(3);
    expect(source.files[0]!.tally).toMatchObject({ accepted: 1, ignored: 2, ignored_by_reason: { superseded: 2 } });
  });

  it("serves only run times at which no row changes between past and future_date", () => {
    const agg = { maxPast: 1000, minFuture: 5000 } as Parameters<typeof servesRunTime>[0];
    expect(servesRunTime(agg, 1000)).toBe(true);
    expect(servesRunTime(agg, 4999)).toBe(true);
    expect(servesRunTime(agg, 999)).toBe(false); // the 1000 row would become future_date
    expect(servesRunTime(agg, 5000)).toBe(false); // the 5000 row would no longer be future_date
  });
});


describe("the cache and coverage's dated days", () => {
  it("serves the same dated span as a fresh read, and misses when an ignored row's date stops being future", async () => {
    project = makeProject();
    // The Trafikolycka row is on the ignore list: ignored, yet its date shows how far the export reaches.
    project.write("polis-a.csv", excel1252([
      "Datum;Brottstyp;Område;Diarienummer",
      "2024-03-01 10:00;Skadegörelse;Centrum;X1",
      "2024-04-03 08:00;Trafikolycka;Centrum;X2",
    ]));
    const logs: Array<Record<string, unknown>> = [];
    const first = await ingestSources(project.config, options(logs));
    // NOW is 2 April: the 3 April row is future, so only 1 March is dated.
    expect(first.incidents[0]!.files[0]!.dated).toEqual({ "2024-03": [1, 1] });
    const again = await ingestSources(project.config, options(logs));
    expect(plain(again)).toEqual(plain(first));
    // A week later the 3 April row is past: the entry must not serve, and the span reaches 3 April.
    const later = await ingestSources(project.config, options(logs, { now: NOW + 7 * 86_400_000 }));
    expect(later.incidents[0]!.files[0]!.dated).toEqual({ "2024-03": [1, 1], "2024-04": [3, 3] });
    const fresh = await ingestSources(project.config, { now: NOW + 7 * 86_400_000, quarantine: false });
    expect(later.incidents[0]!.files[0]!.dated).toEqual(fresh.incidents[0]!.files[0]!.dated);
  });
});
