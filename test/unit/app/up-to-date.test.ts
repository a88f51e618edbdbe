/**
 * The up-to-date key (src/app/up-to-date.ts) of the small hand-made kommun: the same run gives the same
 * key; a new program version, an edited source tree (the bundle's stamp), another run instant or other
 * month flags each give another; without the bundle's stamp there is no key and so no shortcut. The
 * files listed for the key are the files ingest reads: listed once, so none is fingerprinted but not
 * read or read but not fingerprinted.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/load-config.ts";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { inputFiles, runInputs } from "../../../src/app/up-to-date.ts";
import { exportBytes, rangeProject } from "../../fixtures/range/project.ts";

const g = globalThis as { lagesbildBuildStamp?: string };
afterEach(() => {
  delete g.lagesbildBuildStamp;
});

describe("the up-to-date key", () => {
  const root = rangeProject();
  const config = loadConfig(path.join(root, "config", "lagesbild.yaml"));
  const base = { version: "0.1.0", generatedAt: "2025-01-02T06:00:00+01:00", onlyData: true, months: { month: "2024-12" } };
  const key = async (over: Partial<typeof base> = {}) => (await runInputs(config, { ...base, ...over })).key;

  it("is there only when the program runs from the bundle, whose stamp says which sources it was built from", async () => {
    expect(await key()).toBeNull();
    g.lagesbildBuildStamp = "a";
    const a = await key();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await key()).toBe(a);
    g.lagesbildBuildStamp = "b";
    expect(await key()).not.toBe(a);
  });

  it("changes with the version, the run instant, the month flags and --only data", async () => {
    g.lagesbildBuildStamp = "a";
    const a = await key();
    const others = [await key({ version: "0.2.0" }), await key({ generatedAt: "2025-01-02T06:00:01+01:00" }), await key({ months: { month: "2024-11" } }), await key({ onlyData: false })];
    expect(new Set([a, ...others]).size).toBe(5);
  });

  it("lists the files ingest reads", async () => {
    g.lagesbildBuildStamp = "a";
    const inputs = await runInputs(config, base);
    expect(inputFiles(inputs)).toEqual([path.join(root, "data", "polis-2023-2024.csv")]);
  });

  it("has ingest read exactly the files it listed, with the listing's warnings once; a file added since changes the next key", async () => {
    g.lagesbildBuildStamp = "a";
    // A folder the glob matches: skipped with a warning, which is part of the listing.
    mkdirSync(path.join(root, "data", "polis-mapp.csv"));
    const added = path.join(root, "data", "polis-2025.csv");
    try {
      const inputs = await runInputs(config, base);
      // Between the listing and the reading: a new export lands.
      writeFileSync(added, exportBytes([{ id: "2025-01-01", date: "2025-01-01 12:00", label: "Stöld", area: "Centrum" }]));
      const now = Date.parse("2025-02-03T06:00:00+01:00");
      const read = await ingestSources(config, { now, quarantine: false, listed: inputs.listed });
      expect(read.incidents[0]?.files.map((f) => f.path)).toEqual(["data/polis-2023-2024.csv"]);
      expect(read.warnings.filter((w) => w.includes("polis-mapp.csv"))).toHaveLength(1);
      // Not missed: the next run's listing has it, so its key differs and it takes the full path.
      const next = await runInputs(config, base);
      expect(inputFiles(next)).toEqual([path.join(root, "data", "polis-2023-2024.csv"), added]);
      expect(next.key).not.toBe(inputs.key);
      // Without a listing, ingest globs for itself and finds it.
      const globbed = await ingestSources(config, { now, quarantine: false });
      expect(globbed.incidents[0]?.files.map((f) => f.path)).toEqual(["data/polis-2023-2024.csv", "data/polis-2025.csv"]);
    } finally {
      rmSync(added, { force: true });
      rmSync(path.join(root, "data", "polis-mapp.csv"), { recursive: true });
    }
  });
});
