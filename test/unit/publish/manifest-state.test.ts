/**
 * manifest.json stays true to the files after every change of a run, and a start-up check repairs it
 * when a crash fell between a folder swap and the manifest's rename (spec/outputs.md atomicity).
 * Hashes are computed here with node:crypto directly, independently of the code under test.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { MonthRecord } from "../../../src/publish/manifest.ts";
import { readManifest, verifyManifest } from "../../../src/publish/manifest.ts";
import { manifestProblems, openManifestState } from "../../../src/publish/manifest-state.ts";
import { publishedIndicatorsHash } from "../../../src/publish/published-month.ts";
import { stageFolder } from "../../../src/publish/write-atomic.ts";

const AT = "2024-04-02T06:00:00+02:00";
const hex = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * A minimal indicators.json that follows lagesbild.indicators/v1 (the start-up repair reads it back
 * through the schema); `count`, the kommun's population here, stands for a published figure that changes.
 */
function indicatorsJson(count: number): string {
  const kommun = { id: "kommun", name: "Hela kommunen", population: count, incidents: [] };
  return `${JSON.stringify({ schema: "lagesbild.indicators/v1", kommun: { code: "9999", name: "Exempelkommun" }, month: "2024-03", generated_at: AT, revision: 1, sources: [], areas: [kommun], promises: [], actions: [] })}\n`;
}

function record(indicators: string): MonthRecord {
  return { revision: 1, generated_at: AT, version: "0.1.0", config_sha256: "c", indicators_sha256: publishedIndicatorsHash(JSON.parse(indicators)), inputs: [] };
}

function commit(out: string, files: Array<{ path: string; content: string }>) {
  const { state } = openManifestState(out, AT);
  state.commitMonth("2024-03", stageFolder(path.join(out, "2024-03"), files), files, record(files[0]!.content), AT);
  return state;
}

describe("the manifest kept by a run", () => {
  it("swaps a rebuilt month in at once, and the old folder is gone once the state settles", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "lagesbild-ms-"));
    commit(out, [{ path: "indicators.json", content: indicatorsJson(19) }, { path: "charts/a.png", content: "old" }]);
    const files = [{ path: "indicators.json", content: indicatorsJson(20) }];
    const { state } = openManifestState(out, AT);
    state.commitMonth("2024-03", stageFolder(path.join(out, "2024-03"), files), files, record(files[0]!.content), AT);
    // The new folder is in place before the old one's deletion ends: the chart it no longer has is gone from it.
    expect(readFileSync(path.join(out, "2024-03", "indicators.json"), "utf8")).toBe(indicatorsJson(20));
    expect(existsSync(path.join(out, "2024-03", "charts"))).toBe(false);
    expect(await state.settle()).toEqual([]);
    expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
    expect(manifestProblems(out, readManifest(out)!)).toEqual([]);
  });

  it("gives back an old folder it could not delete, with the error, for the run to report", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "lagesbild-ms-"));
    commit(out, [{ path: "indicators.json", content: indicatorsJson(19) }]);
    const files = [{ path: "indicators.json", content: indicatorsJson(20) }];
    const { state } = openManifestState(out, AT);
    const staged = stageFolder(path.join(out, "2024-03"), files);
    const denied = Object.assign(new Error("permission denied"), { code: "EACCES" });
    state.commitMonth("2024-03", { ...staged, cleanup: () => Promise.reject(denied) }, files, record(files[0]!.content), AT);
    expect(readFileSync(path.join(out, "2024-03", "indicators.json"), "utf8")).toBe(indicatorsJson(20));
    expect(await state.settle()).toEqual([{ folder: path.join(out, ".old-2024-03"), error: denied }]);
  });

  it("lists each file of a committed month with its sha256 and size", () => {
    const out = mkdtempSync(path.join(tmpdir(), "lagesbild-ms-"));
    commit(out, [{ path: "indicators.json", content: indicatorsJson(19) }, { path: "charts/a.png", content: "png" }]);
    const m = readManifest(out)!;
    expect(m.files).toEqual([
      { path: "2024-03/charts/a.png", sha256: hex("png"), size: 3 },
      { path: "2024-03/indicators.json", sha256: hex(indicatorsJson(19)), size: indicatorsJson(19).length },
    ]);
    expect(Object.keys(m.months)).toEqual(["2024-03"]);
  });

  it("drops the files a rebuilt month no longer has", () => {
    const out = mkdtempSync(path.join(tmpdir(), "lagesbild-ms-"));
    commit(out, [{ path: "indicators.json", content: indicatorsJson(19) }, { path: "charts/a.png", content: "png" }]);
    commit(out, [{ path: "indicators.json", content: indicatorsJson(20) }]);
    expect(readManifest(out)!.files.map((f) => f.path)).toEqual(["2024-03/indicators.json"]);
    expect(manifestProblems(out, readManifest(out)!)).toEqual([]);
  });

  it("leaves unchanged shared files and the manifest untouched", () => {
    const out = mkdtempSync(path.join(tmpdir(), "lagesbild-ms-"));
    const state = commit(out, [{ path: "indicators.json", content: indicatorsJson(19) }]);
    state.commitShared([{ path: "index.html", content: "<p>arkiv</p>" }], AT);
    const before = [statSync(path.join(out, "index.html")).mtimeMs, statSync(path.join(out, "manifest.json")).mtimeMs];
    const { state: again } = openManifestState(out, "2024-05-02T06:00:00+02:00");
    again.commitShared([{ path: "index.html", content: "<p>arkiv</p>" }], "2024-05-02T06:00:00+02:00");
    expect([statSync(path.join(out, "index.html")).mtimeMs, statSync(path.join(out, "manifest.json")).mtimeMs]).toEqual(before);
  });
});

describe("the start-up repair", () => {
  it("changes nothing when the manifest matches the files", () => {
    const out = mkdtempSync(path.join(tmpdir(), "lagesbild-ms-"));
    commit(out, [{ path: "indicators.json", content: indicatorsJson(19) }]);
    const before = readFileSync(path.join(out, "manifest.json"));
    expect(openManifestState(out, AT).repairs).toEqual([]);
    expect(readFileSync(path.join(out, "manifest.json"))).toEqual(before);
  });

  it("rebuilds the manifest after a crash between a folder swap and the manifest's rename", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "lagesbild-ms-"));
    commit(out, [{ path: "indicators.json", content: indicatorsJson(19) }]);
    // What the crash leaves: the new folder (with a new chart) in place, the old manifest.
    const staged = stageFolder(path.join(out, "2024-03"), [{ path: "indicators.json", content: indicatorsJson(20) }, { path: "charts/b.png", content: "new" }]);
    staged.swap();
    await staged.cleanup();
    expect(verifyManifest(out, readManifest(out)!)).not.toEqual([]);
    const { repairs } = openManifestState(out, AT);
    expect(repairs.length).toBeGreaterThan(0);
    const m = readManifest(out)!;
    expect(manifestProblems(out, m)).toEqual([]);
    expect(m.files.map((f) => f.path)).toEqual(["2024-03/charts/b.png", "2024-03/indicators.json"]);
    // The record described the old figures: forgotten, so the month is rebuilt by this run.
    expect(m.months).toEqual({});
  });

  it("keeps the build record of a month whose published indicators still match it", () => {
    const out = mkdtempSync(path.join(tmpdir(), "lagesbild-ms-"));
    commit(out, [{ path: "indicators.json", content: indicatorsJson(19) }]);
    writeFileSync(path.join(out, "index.html"), "<p>ny</p>"); // a shared file written, manifest not yet
    openManifestState(out, AT);
    const m = readManifest(out)!;
    expect(Object.keys(m.months)).toEqual(["2024-03"]);
    expect(m.files.map((f) => f.path)).toEqual(["2024-03/indicators.json", "index.html"]);
  });

  it("drops the build record of a month whose indicators.json no longer follows the schema, so it is rebuilt", () => {
    const out = mkdtempSync(path.join(tmpdir(), "lagesbild-ms-"));
    commit(out, [{ path: "indicators.json", content: indicatorsJson(19) }]);
    writeFileSync(path.join(out, "2024-03", "indicators.json"), "{ avbruten"); // cut short: not JSON
    const { repairs } = openManifestState(out, AT);
    expect(repairs).toEqual(["2024-03/indicators.json: innehållet stämmer inte med manifest.json"]);
    expect(readManifest(out)!.months).toEqual({});
  });

  it("rebuilds a deleted manifest from the files", () => {
    const out = mkdtempSync(path.join(tmpdir(), "lagesbild-ms-"));
    commit(out, [{ path: "indicators.json", content: indicatorsJson(19) }]);
    rmSync(path.join(out, "manifest.json"));
    expect(openManifestState(out, AT).repairs).toEqual(["manifest.json: saknas eller är ogiltig"]);
    expect(manifestProblems(out, readManifest(out)!)).toEqual([]);
  });
});
