import { describe, expect, it } from "vitest";
import { chartSpecs } from "../../src/render/chart-data.ts";
import { PALETTE, TOTAL_COLOUR, categoryStyle, contrastRatio } from "../../src/render/chart-palette.ts";
import { CHART_HEIGHT, CHART_WIDTH, chartConfiguration, renderChart, renderCharts } from "../../src/render/charts.ts";
import { sampleConfig, sampleIndicators } from "../helpers/sample-indicators.ts";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("chart specs", () => {
  const specs = chartSpecs(sampleIndicators(), sampleConfig());

  it("has one chart per category group of the kommun, then one per area (okänt last)", () => {
    expect(specs.map((s) => s.name)).toEqual([
      "kommun-offentlig-miljo",
      "kommun-vald",
      "omrade-centrum",
      "omrade-ljusne",
      "omrade-okant",
    ]);
  });

  it("states the latest value and the verdict in words in the alt text", () => {
    const alt = specs[0]!.alt;
    expect(alt).toContain("Skadegörelse i mars 2024: 30, ökning utöver normal variation.");
    expect(specs.find((s) => s.name === "omrade-okant")!.alt).toContain("för kort historik");
  });

  it("gives every chart a table with its 24 months", () => {
    for (const s of specs) {
      expect(s.table.rows).toHaveLength(24);
      expect(s.table.rows[0]!.month).toBe("april 2022");
      expect(s.table.columns.length).toBeGreaterThan(0);
    }
  });

  it("draws a hidden point as a gap and shows it as 'färre än k' in the table", () => {
    // Hide one point of Ljusne's total (September 2022, index 5) as suppression would.
    const ind = sampleIndicators();
    const ljusne = ind.areas.find((a) => a.id === "ljusne")!;
    const total = ljusne.incidents.find((e) => e.category === "total")!;
    total.series[5] = { month: total.series[5]!.month, count: null, suppressed: true };
    const spec = chartSpecs(ind, sampleConfig()).find((s) => s.name === "omrade-ljusne")!;
    expect(spec.lines[0]!.values[5]).toBeNull();
    expect(spec.table.rows[5]!.cells[0]).toBe("färre än 3");
    expect(chartConfiguration(spec).data.datasets[0]!.spanGaps).toBe(false);
  });

  it("draws last year's same months as a dashed line under the latest twelve months", () => {
    const [current, lastYear] = specs[0]!.lines;
    expect(lastYear!.dashed).toBe(true);
    expect(lastYear!.values.slice(0, 12).every((v) => v === null)).toBe(true);
    expect(lastYear!.values.slice(12)).toEqual(current!.values.slice(0, 12));
  });
});

describe("palette", () => {
  it.each([...PALETTE, TOTAL_COLOUR])("%s has at least 3:1 contrast against white", (colour) => {
    expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(3);
  });

  it("keeps a category's colour by its config order, whatever chart it is in", () => {
    const config = sampleConfig();
    expect(categoryStyle(config, "skadegorelse").colour).toBe(PALETTE[0]);
    expect(categoryStyle(config, "misshandel").colour).toBe(PALETTE[1]);
    expect(categoryStyle(config, "total").colour).toBe(TOTAL_COLOUR);
  });
});

describe("renderCharts", () => {
  it("renders PNGs of the fixed size, deterministically", async () => {
    const charts = await renderCharts(sampleIndicators(), sampleConfig());
    expect(charts).toHaveLength(5);
    for (const c of charts) {
      expect([...c.png.subarray(0, 8)]).toEqual(PNG_MAGIC);
      expect(c.png.readUInt32BE(16)).toBe(CHART_WIDTH);
      expect(c.png.readUInt32BE(20)).toBe(CHART_HEIGHT);
      expect(c.file).toMatch(/^charts\/[a-z0-9-]+\.png$/);
    }
    const again = await renderChart(chartSpecs(sampleIndicators(), sampleConfig())[0]!);
    expect(again.png.equals(charts[0]!.png)).toBe(true);
  });
});
