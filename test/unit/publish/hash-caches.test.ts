/**
 * The caches that spare a run re-reading the output folder (issue 7): file hashes by stat
 * (file-hash-cache.ts) and archive lines by the sha256 of indicators.json (archive-entry-cache.ts).
 * Expected hashes come from node:crypto directly; the cached values are planted by hand to show when
 * the cache is (and is not) used.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArchiveEntryCache } from "../../../src/app/archive-entry-cache.ts";
import { FileHashCache } from "../../../src/publish/file-hash-cache.ts";
import { openManifestState } from "../../../src/publish/manifest-state.ts";
import { stageFolder } from "../../../src/publish/write-atomic.ts";

const hex = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");
const AT = "2024-04-02T06:00:00+02:00";

function folder() {
  const root = mkdtempSync(path.join(tmpdir(), "lagesbild-hc-"));
  const out = path.join(root, "out");
  mkdirSync(out);
  return { out, cacheFile: path.join(root, "cache", "hashes.json") };
}

/** Rewrites the hash stored for `rel` in a saved cache file, keeping its stat key. */
function plant(cacheFile: string, rel: string, digest: string) {
  const cache = JSON.parse(readFileSync(cacheFile, "utf8"));
  cache.files[rel][1] = digest;
  writeFileSync(cacheFile, JSON.stringify(cache));
}

describe("FileHashCache", () => {
  it("hashes a file it has not seen", () => {
    const { out, cacheFile } = folder();
    writeFileSync(path.join(out, "a.txt"), "hej");
    expect(new FileHashCache(out, cacheFile).hash("a.txt")).toBe(hex("hej"));
  });

  it("gives null for a missing file", () => {
    const { out, cacheFile } = folder();
    expect(new FileHashCache(out, cacheFile).hash("saknas.txt")).toBeNull();
  });

  it("takes an unchanged file's hash from the saved cache without reading it", () => {
    const { out, cacheFile } = folder();
    writeFileSync(path.join(out, "a.txt"), "hej");
    const first = new FileHashCache(out, cacheFile);
    first.hash("a.txt");
    first.save(["a.txt"]);
    plant(cacheFile, "a.txt", "planted");
    expect(new FileHashCache(out, cacheFile).hash("a.txt")).toBe("planted");
  });

  it("reads a file again once it was rewritten, even with the same size", () => {
    const { out, cacheFile } = folder();
    writeFileSync(path.join(out, "a.txt"), "hej");
    const first = new FileHashCache(out, cacheFile);
    first.hash("a.txt");
    first.save(["a.txt"]);
    plant(cacheFile, "a.txt", "planted");
    writeFileSync(path.join(out, "a.txt"), "tja");
    expect(new FileHashCache(out, cacheFile).hash("a.txt")).toBe(hex("tja"));
  });

  it("ignores a damaged cache file", () => {
    const { out, cacheFile } = folder();
    writeFileSync(path.join(out, "a.txt"), "hej");
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, "{ inte json");
    expect(new FileHashCache(out, cacheFile).hash("a.txt")).toBe(hex("hej"));
  });

  it("ignores a cache written for another output folder", () => {
    const a = folder();
    const b = folder();
    writeFileSync(path.join(a.out, "a.txt"), "hej");
    const first = new FileHashCache(a.out, a.cacheFile);
    first.hash("a.txt");
    first.save(["a.txt"]);
    plant(a.cacheFile, "a.txt", "planted");
    writeFileSync(path.join(b.out, "a.txt"), "hej");
    expect(new FileHashCache(b.out, a.cacheFile).hash("a.txt")).toBe(hex("hej"));
  });
});

describe("the start-up check with the hash cache", () => {
  const month = [{ path: "indicators.json", content: `${JSON.stringify({ month: "2024-03", revision: 1, generated_at: AT, sources: [], areas: [] })}\n` }];
  const rec = { revision: 1, generated_at: AT, version: "0.1.0", config_sha256: "c", indicators_sha256: "x", inputs: [] };

  it("finds nothing to repair after a run that saved the cache", () => {
    const { out, cacheFile } = folder();
    const { state } = openManifestState(out, AT, cacheFile);
    state.commitMonth("2024-03", stageFolder(path.join(out, "2024-03"), month), month, rec, AT);
    state.commitShared([{ path: "index.html", content: "<p>arkiv</p>" }], AT);
    expect(openManifestState(out, AT, cacheFile).repairs).toEqual([]);
  });

  it("still finds a file edited by hand after that run", () => {
    const { out, cacheFile } = folder();
    const { state } = openManifestState(out, AT, cacheFile);
    state.commitMonth("2024-03", stageFolder(path.join(out, "2024-03"), month), month, rec, AT);
    state.commitShared([{ path: "index.html", content: "<p>arkiv</p>" }], AT);
    writeFileSync(path.join(out, "index.html"), "<p>ARKIV</p>"); // same length
    expect(openManifestState(out, AT, cacheFile).repairs).toEqual(["index.html: innehållet stämmer inte med manifest.json"]);
  });
});

describe("ArchiveEntryCache", () => {
  const indicators = {
    month: "2024-03",
    generated_at: AT,
    revision: 2,
    areas: [{ id: "kommun", incidents: [
      { category: "misshandel", measure: "brott", suppressed: false, month: { count: 30, change_pct: 0 }, trend: null },
      { category: "total:brott", measure: "brott", suppressed: false, month: { count: 41, change_pct: -12.5 }, trend: { verdict: "decrease" } },
      { category: "total:handelser", measure: "handelser", suppressed: false, month: { count: 7, change_pct: null }, trend: { verdict: "normal" } },
    ] }],
  };

  function published() {
    const { out } = folder();
    mkdirSync(path.join(out, "2024-03"));
    const text = `${JSON.stringify(indicators)}\n`;
    writeFileSync(path.join(out, "2024-03", "indicators.json"), text);
    return { out, digest: hex(text), file: path.join(out, "..", "entries.json") };
  }

  it("reads a month it does not know from its indicators.json", () => {
    const { out, digest, file } = published();
    expect(new ArchiveEntryCache(file).entry(out, "2024-03", digest)).toEqual({
      month: "2024-03",
      // One headline per measure's total, in the file's order; the category line is not a headline.
      headlines: [
        { measure: "brott", total: 41, change_pct: -12.5, verdict: "decrease", suppressed: false },
        { measure: "handelser", total: 7, change_pct: null, verdict: "normal", suppressed: false },
      ],
      revision: 2,
      updated: AT,
    });
  });

  /** A saved cache whose line for the month was edited to total 999: a reread month would say 41. */
  function savedWithTotal999() {
    const p = published();
    const first = new ArchiveEntryCache(p.file);
    first.entry(p.out, "2024-03", p.digest);
    first.save();
    const saved = JSON.parse(readFileSync(p.file, "utf8"));
    saved.entries[p.digest].headlines[0].total = 999;
    writeFileSync(p.file, JSON.stringify(saved));
    return p;
  }

  it("gives the saved line for a known sha256 without reading the month", () => {
    const { out, digest, file } = savedWithTotal999();
    expect(new ArchiveEntryCache(file).entry(out, "2024-03", digest).headlines[0]!.total).toBe(999);
  });

  it("reads the month again when its sha256 is another", () => {
    const { out, digest, file } = savedWithTotal999();
    expect(new ArchiveEntryCache(file).entry(out, "2024-03", "another").headlines[0]!.total).toBe(41);
  });
});
