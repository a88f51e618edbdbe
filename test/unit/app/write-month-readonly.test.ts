/**
 * With no suppression plan (`min_count ≤ 1`) suppressIndicators returns the computed indicators
 * themselves, not a deep copy (issue 20: the copy was 5 % of a warm 312-area run). That is safe only
 * while nothing downstream writes to them: here a month is rendered (single page and area pages) and
 * written through writeMonth with every object of its indicators deep-frozen, so any write throws
 * (ES modules are strict mode).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { suppressIndicators } from "../../../src/aggregate/suppress.ts";
import type { Indicators } from "../../../src/model/indicators.ts";
import { openManifestState } from "../../../src/publish/manifest-state.ts";
import { writeMonth } from "../../../src/app/write-month.ts";
import { renderMonthFiles } from "../../../src/render/render-month.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("published indicators without a suppression plan", () => {
  it("are the computed indicators themselves", () => {
    const ind = sampleIndicators();
    expect(suppressIndicators(ind, null)).toBe(ind);
  });

  it("are only read by rendering (one page and area pages) and by writeMonth (written, then rewritten unchanged)", async () => {
    const ind = deepFreeze(sampleIndicators()) as Indicators;
    const config = sampleConfig();
    const single = await renderMonthFiles(ind, { config, notes: [], runJson: {} });
    const paged = await renderMonthFiles(ind, { config: { ...config, output: { ...config.output, area_pages: true } }, notes: [], runJson: {} });
    // Both renderings ran over the frozen indicators; the paged one has a page per area (kommun excluded).
    // (Not a file count: an area page's one chart replaced the wide chart and its phone twin, issue 20.)
    const areaPages = (files: typeof paged) => files.filter((f) => /^omrade\/[^/]+\.html$/.test(f.path)).length;
    expect([areaPages(single), areaPages(paged)]).toEqual([0, ind.areas.length - 1]);
    const outDir = mkdtempSync(path.join(tmpdir(), "lagesbild-readonly-"));
    dirs.push(outDir);
    const input = (generatedAt: string) => ({
      month: ind.month, config, published: ind, notes: [], runJson: {}, inputs: [], generatedAt, version: "0.1.0", outDir,
      state: openManifestState(outDir, generatedAt).state, force: true, onlyData: false,
    });
    const first = await writeMonth(input("2026-11-02T06:00:00+01:00"));
    // Rewritten with the same figures: the revision stays 1, taken from the record without reading the file.
    const second = await writeMonth(input("2026-11-03T06:00:00+01:00"));
    expect([first.status, first.revision, second.status, second.revision]).toEqual(["written", 1, "written", 1]);
    expect(JSON.parse(readFileSync(path.join(outDir, ind.month, "indicators.json"), "utf8")).revision).toBe(1);
    // A changed figure: revision 2 with a note (the old file read for what changed); then unchanged again,
    // revision 2 from the record and the note kept from revisions.json.
    const changed = structuredClone(sampleIndicators());
    const entry = changed.areas[0]!.incidents[0]!;
    entry.month.count = (entry.month.count ?? 0) + 1;
    const third = await writeMonth({ ...input("2026-11-04T06:00:00+01:00"), published: changed });
    const fourth = await writeMonth({ ...input("2026-11-05T06:00:00+01:00"), published: changed });
    expect([third.revision, third.status === "written" && third.note !== null, fourth.revision]).toEqual([2, true, 2]);
    const notes = JSON.parse(readFileSync(path.join(outDir, ind.month, "revisions.json"), "utf8")).revisions;
    expect(notes.map((n: { revision: number }) => n.revision)).toEqual([2]);
  });
});
