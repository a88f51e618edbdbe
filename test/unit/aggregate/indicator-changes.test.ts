/**
 * Revision notes say in words which published figures changed (spec/outputs.md "Reviderad <datum>:
 * <vad som ändrats>"), computed from the previous and the new published indicators only. The inputs
 * are the hand-made, already-suppressed sample indicators (test/helpers/sample-indicators.ts), edited
 * by hand; the expected sentences are written out.
 */
import { describe, expect, it } from "vitest";
import type { Indicators } from "../../../src/model/indicators.ts";
import { indicatorChanges } from "../../../src/aggregate/indicator-changes.ts";
import { describeChange, noteText, revisionNote, revisionNotesHtml } from "../../../src/render/revision-notes.ts";
import { sampleIndicators } from "../../helpers/sample-indicators.ts";

type Point = Indicators["areas"][number]["incidents"][number]["series"][number];

/** The series point of `area`/`category` in `month`, to edit in place. */
function point(ind: Indicators, area: string, category: string, month: string): Point {
  const p = ind.areas.find((a) => a.id === area)?.incidents.find((e) => e.category === category)?.series.find((s) => s.month === month);
  if (!p) throw new Error(`no point ${area}/${category}/${month}`);
  return p;
}

const words = (before: Indicators, after: Indicators) => indicatorChanges(before, after).map((c) => describeChange(c, 3));

describe("the changes between two published versions of a month", () => {
  it("finds none when only generated_at, revision and sources differ", () => {
    const after = sampleIndicators();
    after.generated_at = "2024-05-02T06:00:00+02:00";
    after.revision = 2;
    after.sources = [];
    expect(indicatorChanges(sampleIndicators(), after)).toEqual([]);
  });

  it("names the category, the area, both values and the month of a changed count", () => {
    const after = sampleIndicators();
    point(after, "centrum", "skadegorelse", "2024-03").count = 20; // was 19
    expect(words(sampleIndicators(), after)).toEqual(["Skadegörelse (polisanmälda brott) i Centrum: 19 → 20 i mars 2024"]);
  });

  it("leaves out the total line a category line of the same area and month explains", () => {
    const after = sampleIndicators();
    point(after, "centrum", "skadegorelse", "2024-02").count = 8; // was 7
    point(after, "centrum", "total", "2024-02").count = 12; // was 11
    point(after, "kommun", "skadegorelse", "2024-02").count = 13; // was 12
    point(after, "kommun", "total", "2024-02").count = 19; // was 18
    expect(words(sampleIndicators(), after)).toEqual([
      "Skadegörelse (polisanmälda brott) i hela kommunen: 12 → 13 i februari 2024",
      "Skadegörelse (polisanmälda brott) i Centrum: 7 → 8 i februari 2024",
    ]);
  });

  it("keeps a total line that no category line explains", () => {
    const after = sampleIndicators();
    point(after, "okant", "total", "2024-03").count = 9; // was 8
    expect(words(sampleIndicators(), after)).toEqual(["Alla polisanmälda brott utan angivet område: 8 → 9 i mars 2024"]);
  });

  it("shows a hidden value as 'färre än 3', never its count", () => {
    const after = sampleIndicators();
    const p = point(after, "ljusne", "misshandel", "2024-03"); // hidden in the sample
    p.count = 3;
    delete p.suppressed;
    expect(words(sampleIndicators(), after)).toEqual(["Misshandel (polisanmälda brott) i Ljusne: färre än 3 → 3 i mars 2024"]);
  });

  it("reports a changed population", () => {
    const after = sampleIndicators();
    after.areas[1]!.population = 4300; // centrum, was 4200
    expect(words(sampleIndicators(), after)).toEqual(["Befolkning i Centrum: 4\u00a0200 → 4\u00a0300"]);
  });

  it("reports other changes (a renamed category) as one general line", () => {
    expect(words(sampleIndicators(), sampleIndicators({ skadegorelseName: "Skadegörelse (alla slag)" }))).toEqual([
      "Benämningar eller övriga uppgifter (fältrapporter, trygghetsmätning, löften eller åtgärder) ändrades",
    ]);
  });
});

describe("the revision note", () => {
  it("reads 'Reviderad <datum> (revision n): <vad som ändrats>.'", () => {
    const after = sampleIndicators();
    point(after, "centrum", "skadegorelse", "2024-03").count = 20;
    const note = revisionNote(indicatorChanges(sampleIndicators(), after), 2, "2024-05-02T06:00:00+02:00", 3);
    expect(noteText(note)).toBe("Reviderad 2 maj 2024 (revision 2): Skadegörelse (polisanmälda brott) i Centrum: 19 → 20 i mars 2024.");
  });

  it("lists at most 12 changes and counts the rest", () => {
    const after = sampleIndicators();
    // 14 months of kommun / misshandel: 6 → 9 (no other line in those area-months, and the total is left alone)
    for (const p of after.areas[0]!.incidents[1]!.series.slice(0, 14)) p.count = 9;
    const note = revisionNote(indicatorChanges(sampleIndicators(), after), 3, "2024-06-03T06:00:00+02:00", 3);
    expect(note.changes).toHaveLength(12);
    expect(note.more).toBe(2);
    expect(noteText(note)).toMatch(/; och 2 ändringar till \(se indicators\.json\)\.$/);
  });

  it("is shown newest first, escaped", () => {
    const html = String(
      revisionNotesHtml([
        { revision: 2, generated_at: "2024-05-02T06:00:00+02:00", changes: ["<script>x</script> i Centrum: 1 → 2"], more: 0 },
        { revision: 3, generated_at: "2024-06-03T06:00:00+02:00", changes: ["Rån i Centrum: 5 → 6 i mars 2024"], more: 0 },
      ]),
    );
    expect(html.indexOf("Reviderad 3 juni 2024")).toBeLessThan(html.indexOf("Reviderad 2 maj 2024"));
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script>");
  });

  it("is absent for a month never revised", () => {
    expect(revisionNotesHtml([])).toBeNull();
  });
});
