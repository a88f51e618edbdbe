/**
 * An area page's chart (issue 20): each panel's title and the legend are drawn once as a header strip
 * and stacked above the bare plot of every area. The strip must hold all of the header's ink (a legend
 * cut at the crop would be unreadable), be the same for every area, and the picture's height must be the
 * layout's the page states before the chart is drawn.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { AREA_HEADER, AREA_TITLE_HEADER, areaChartLayout, areaPanels, areaRenderer, drawAreaChart } from "../../../src/render/area-chart.ts";
import { chartSpecs, type ChartSpec } from "../../../src/render/chart-data.ts";
import { AREA_SCALE, PHONE } from "../../../src/render/chart-style.ts";
import { drawRaw } from "../../../src/render/charts.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

const areaSpecs = () => chartSpecs(sampleIndicators(), sampleConfig()).filter((s) => s.placement.section === "area");

/** A spec of two measures (two panels): the sample's area chart with its one measure twice, renamed. */
function twoMeasures(spec: ChartSpec): ChartSpec {
  return { ...spec, lines: [...spec.lines, ...spec.lines.map((l) => ({ ...l, label: `${l.label} (andra)` }))], bands: [...spec.bands, ...spec.bands] };
}

/** The last row (0-based) of a raw BGRA drawing with a pixel that is not white, or -1. */
function lastInkRow(raw: Buffer, width: number): number {
  const words = new Uint32Array(raw.buffer, raw.byteOffset, raw.length / 4);
  for (let y = words.length / width - 1; y >= 0; y--) {
    for (let x = 0; x < width; x++) if ((words[y * width + x]! & 0xffffff) !== 0xffffff) return y;
  }
  return -1;
}

describe("an area chart's header strips", () => {
  it.each([
    ["the first panel's title and legend", 0, AREA_HEADER],
    ["a later panel's title", 1, AREA_TITLE_HEADER],
  ])("hold all of %s inside the strip, with white rows below it", (_, panel, css) => {
    const { headers } = areaPanels(twoMeasures(areaSpecs()[0]!));
    const width = Math.floor(PHONE.width * AREA_SCALE);
    const raw = drawRaw(areaRenderer(), headers[panel]!.cfg);
    const last = lastInkRow(raw, width);
    // Ink there is (the title at least), and it ends at least two device pixels above the crop.
    expect(last).toBeGreaterThan(10);
    expect(last).toBeLessThan(Math.floor(css * AREA_SCALE) - 2);
  });

  it("are the same for every area (so each thread draws them once)", () => {
    const [a, b] = areaSpecs();
    expect(a!.name).not.toBe(b!.name);
    expect(areaPanels(a!).headers.map((h) => h.key)).toEqual(areaPanels(b!).headers.map((h) => h.key));
  });
});

describe("an area chart's picture", () => {
  it.each([
    ["one measure", (s: ChartSpec) => s, 74 + 160, 92 + 200],
    ["two measures", twoMeasures, 74 + 160 + 32 + 160, 92 + 200 + 40 + 200],
  ])("with %s is as high as its layout says: %i CSS px, %i device pixels", (_, shape, css, device) => {
    const spec = shape(areaSpecs()[0]!);
    expect(areaChartLayout(spec).size).toEqual({ width: 360, height: css });
    const png = drawAreaChart(areaPanels(spec));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([450, device]);
  });
});

describe("an area plot's month labels", () => {
  /** The strings node-canvas measures while `draw` runs. */
  function measured(draw: () => void): string[] {
    const proto = (createRequire(import.meta.url)("canvas") as { CanvasRenderingContext2D: { prototype: { measureText(s: string): unknown } } }).CanvasRenderingContext2D.prototype;
    const original = proto.measureText;
    const seen: string[] = [];
    proto.measureText = function (this: unknown, s: string) {
      seen.push(s);
      return original.call(this, s);
    };
    try {
      draw();
    } finally {
      proto.measureText = original;
    }
    return seen;
  }

  it("names every second month from the first, and a redraw measures no label again", () => {
    const spec = areaSpecs()[0]!;
    const { plots } = areaPanels(spec);
    const cfg = plots[0]!;
    const labels = cfg.data.labels as Array<string | string[]>;
    const tick = (cfg.options?.scales?.x?.ticks as { callback(this: unknown, value: number, index: number): unknown }).callback;
    const shown = labels.map((_, i) => tick.call({ getLabelForValue: (v: number) => labels[v] }, i, i));
    // The sample's twelve months from April 2023: the first with its year, then every second month
    // (January 2024, with its year, falls on an odd place and is not named, as chart.js's autoSkip chose).
    expect(shown).toEqual([["apr", "2023"], null, "juni", null, "aug", null, "okt", null, "dec", null, "feb", null]);
    drawRaw(areaRenderer(), cfg);
    // chart.js's autoSkip kept twice as many strings as labels shown and evicted half of them on every
    // drawing, so 313 area charts measured their months 626 times (a quarter of a plot's drawing).
    expect(measured(() => drawRaw(areaRenderer(), cfg))).toEqual([]);
  });
});
