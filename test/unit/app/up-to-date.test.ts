/**
 * The up-to-date key (src/app/up-to-date.ts) of the small hand-made kommun: the same run gives the same
 * key; a new program version, an edited source tree (the bundle's stamp), another run instant or other
 * month flags each give another; without the bundle's stamp there is no key and so no shortcut.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/load-config.ts";
import { sourceFiles } from "../../../src/ingest/source-files.ts";
import { runInputs } from "../../../src/app/up-to-date.ts";
import { rangeProject } from "../../fixtures/range/project.ts";

const g = globalThis as { lagesbildBuildStamp?: string };
afterEach(() => {
  delete g.lagesbildBuildStamp;
});

describe("the up-to-date key", () => {
  const root = rangeProject();
  const config = loadConfig(path.join(root, "config", "lagesbild.yaml"));
  const base = { version: "0.1.0", generatedAt: "2025-01-02T06:00:00+01:00", onlyData: true, months: { month: "2024-12" } };
  const key = async (over: Partial<typeof base> = {}) => (await runInputs(config, { ...base, ...over }, (s, warn) => sourceFiles(config, s, warn))).key;

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
    const inputs = await runInputs(config, base, (s, warn) => sourceFiles(config, s, warn));
    expect(inputs.files).toEqual([path.join(root, "data", "polis-2023-2024.csv")]);
  });
});
