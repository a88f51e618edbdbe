/**
 * indicators.json's layout (src/model/indicators-file.ts): the series' band written once per entry, read
 * back to exactly the in-memory form (values and key order, so the canonical hash is unchanged), files of
 * the earlier layout read as before, and a band that does not fit its series refused.
 */
import { describe, expect, it } from "vitest";
import { compactBands, expandBands, IndicatorsFileSchema } from "../../../src/model/indicators-file.ts";
import { IndicatorsSchema, type Indicators } from "../../../src/model/indicators.ts";
import { sampleIndicators } from "../../helpers/sample-indicators.ts";
import { stringifyJsonCompactLeaves } from "../../../src/core/write-json.ts";

/** The sample with a band on every point of the first entry: one plain, one hidden ("protects"), one unavailable. */
function withBands(): Indicators {
  const ind = sampleIndicators();
  const entry = ind.areas[0]?.incidents[0];
  if (entry === undefined) throw new Error("sample without an entry");
  entry.series = entry.series.map((p, i) =>
    i === 1
      ? { ...p, normal_low: null, normal_high: null, normal_suppressed: "protects" as const }
      : i === 2
        ? { ...p, normal_low: null, normal_high: null }
        : { ...p, normal_low: 3 + i, normal_high: 10 + i },
  );
  return IndicatorsSchema.parse(ind);
}

describe("indicators.json layout", () => {
  it("writes the band once per entry, after series, and the points with the spec's keys only", () => {
    const ind = withBands();
    const file = JSON.parse(stringifyJsonCompactLeaves(compactBands(ind)));
    const entry = file.areas[0].incidents[0];
    const n = ind.areas[0]?.incidents[0]?.series.length ?? 0;
    expect(Object.keys(entry).slice(-2)).toEqual(["series", "normal"]);
    expect(entry.series[0]).toEqual({ month: ind.areas[0]?.incidents[0]?.series[0]?.month, count: ind.areas[0]?.incidents[0]?.series[0]?.count });
    expect(entry.normal.low.slice(0, 4)).toEqual([3, null, null, 6]);
    expect(entry.normal.high.slice(0, 4)).toEqual([10, null, null, 13]);
    expect(entry.normal.suppressed.slice(0, 3)).toEqual([null, "protects", null]);
    expect(entry.normal.low).toHaveLength(n);
    // Entries without a band (the sample's others) are written as they are.
    expect(file.areas[0].incidents[1].normal).toBeUndefined();
  });

  it("reads the file back to the same figures in the same key order (the canonical hash is unchanged)", () => {
    const ind = withBands();
    const back = IndicatorsFileSchema.parse(JSON.parse(stringifyJsonCompactLeaves(compactBands(ind))));
    expect(JSON.stringify(back)).toBe(JSON.stringify(ind));
  });

  it("reads a file of the earlier layout (band on each point) unchanged", () => {
    const ind = withBands();
    const old = JSON.parse(JSON.stringify(ind));
    expect(expandBands(old)).toEqual(old);
    expect(JSON.stringify(IndicatorsFileSchema.parse(old))).toBe(JSON.stringify(ind));
  });

  it("refuses a band that does not fit its series instead of dropping it", () => {
    const file = JSON.parse(stringifyJsonCompactLeaves(compactBands(withBands())));
    file.areas[0].incidents[0].normal.low.pop();
    expect(IndicatorsFileSchema.safeParse(file).success).toBe(false);
    const wrongType = JSON.parse(stringifyJsonCompactLeaves(compactBands(withBands())));
    wrongType.areas[0].incidents[0].normal.high[0] = "7";
    expect(IndicatorsFileSchema.safeParse(wrongType).success).toBe(false);
  });
});
