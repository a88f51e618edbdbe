import { describe, expect, it } from "vitest";
import type { Indicators } from "../../../src/model/indicators.ts";
import { NO_CHANGES_SENTENCE, rankChanges, summarySentences } from "../../../src/render/summary-text.ts";
import { sampleIndicators } from "../../helpers/sample-indicators.ts";

const NBSP = "\u00a0";

/** The sample with every trend verdict set to "normal". */
function allNormal(): Indicators {
  const ind = sampleIndicators();
  for (const a of ind.areas) for (const e of a.incidents) if (e.trend) e.trend.verdict = "normal";
  return ind;
}

describe("summarySentences", () => {
  it("states an increase that passed the trend test, with where, the count and the baseline", () => {
    const s = summarySentences(sampleIndicators());
    expect(s).toContain(
      "Skadegörelse i Centrum ökade till 19 polisanmälda brott i mars, mot i genomsnitt 7,1 under februari–april de tre senaste åren – en ökning utöver normal variation.",
    );
  });

  it("ranks by p-value: the kommun (p 0.0021) before Centrum (p 0.0105) before Ljusne (p 0.018)", () => {
    const s = summarySentences(sampleIndicators()).join("\n");
    const kommun = s.indexOf("Skadegörelse i hela kommunen ökade");
    const centrum = s.indexOf("Skadegörelse i Centrum ökade");
    const ljusne = s.indexOf("Skadegörelse i Ljusne minskade");
    expect(kommun).toBeGreaterThanOrEqual(0);
    expect(kommun).toBeLessThan(centrum);
    expect(centrum).toBeLessThan(ljusne);
  });

  it("describes a small count as small", () => {
    const s = summarySentences(sampleIndicators()).find((x) => x.includes("Ljusne"));
    expect(s).toContain("minskade till 4 polisanmälda brott i mars (ett litet antal");
    expect(s).toContain("en minskning utöver normal variation");
  });

  it("never calls a 'normal' verdict an increase or a decrease", () => {
    const text = summarySentences(allNormal()).join(" ");
    expect(text).not.toMatch(/ökade|minskade|ökning|minskning/);
    expect(text).toContain(NO_CHANGES_SENTENCE);
  });

  it("never cites a suppressed value, even when its verdict passed", () => {
    const ind = sampleIndicators();
    const ljusne = ind.areas.find((a) => a.id === "ljusne")!;
    const sk = ljusne.incidents.find((e) => e.category === "skadegorelse")!;
    sk.suppressed = true;
    sk.month.count = null;
    sk.month.count_suppressed = "small";
    const text = summarySentences(ind).join(" ");
    expect(text).not.toContain("Ljusne");
  });

  it("opens with the kommun's total and last year's figure", () => {
    expect(summarySentences(sampleIndicators())[0]).toBe(
      "I hela kommunen polisanmäldes 38 brott i mars 2024, jämfört med 22 i mars 2023. Antalet ligger inom normal variation jämfört med samma tid på året de senaste tre åren.",
    );
  });

  it("keeps to 3–6 sentences", () => {
    for (const ind of [sampleIndicators(), allNormal()]) {
      const n = summarySentences(ind).length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
    }
  });

  it("uses Swedish number formats in sentences", () => {
    const ind = sampleIndicators();
    const total = ind.areas[0]!.incidents.find((e) => e.category === "total")!;
    total.month.count = 1234;
    expect(summarySentences(ind)[0]).toContain(`polisanmäldes 1${NBSP}234 brott`);
  });
});

describe("rankChanges", () => {
  it("breaks p-value ties by the size of the change, then config order", () => {
    const ranked = rankChanges([
      { id: "a", pValue: 0.01, count: 12, baseline: 10, order: 1 },
      { id: "b", pValue: 0.01, count: 20, baseline: 10, order: 2 },
      { id: "c", pValue: 0.01, count: 0, baseline: 10, order: 3 },
      { id: "d", pValue: 0.001, count: 5, baseline: 4, order: 4 },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["d", "b", "c", "a"]);
  });
});

describe("the summary and hidden months", () => {
  it("does not cite the baseline mean when suppression hid it (a baseline month is hidden)", async () => {
    const { sampleIndicators } = await import("../../helpers/sample-indicators.ts");
    const { summarySentences } = await import("../../../src/render/summary-text.ts");
    const ind = sampleIndicators();
    // Centrum skadegörelse passed the test (19 in March 2024); suppression hides its baseline mean when one
    // of the baseline months (March 2023, series index 12) is hidden.
    const e = ind.areas.find((a) => a.id === "centrum")!.incidents.find((x) => x.category === "skadegorelse")!;
    e.series[12] = { month: e.series[12]!.month, count: null, suppressed: "small" };
    e.trend = { ...e.trend!, p_value: null, q_value: null, baseline_mean: null, baseline_mean_suppressed: "protects" };
    const sentence = summarySentences(ind).find((s) => s.startsWith("Skadegörelse i Centrum"))!;
    expect(sentence).toBe(
      "Skadegörelse i Centrum ökade till 19 polisanmälda brott i mars, jämfört med samma tid på året de senaste tre åren – en ökning utöver normal variation.",
    );
  });
});
